import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeZodError, type ApiError } from '../../protocol/errors.js';

/** An answer the client caused: status, protocol ApiError body, and any headers it needs. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ApiError,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'HttpError';
  }
}

interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** Maps anything thrown to a status and an ApiError; only real faults become 500. */
export function toApiError(error: unknown, request: FastifyRequest): { status: number; body: ApiError } {
  if (error instanceof HttpError) return { status: error.statusCode, body: error.body };
  if (error instanceof z.ZodError)
    return { status: 400, body: { error: 'invalid_request', ...describeZodError(error) } };
  const { code, statusCode, message } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as ErrorLike;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions.bodyLimit ?? 0;
      return {
        status: 413,
        body: {
          error: 'payload_too_large',
          message: `The request body is larger than the limit of ${limit} bytes.`,
        },
      };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: unsupportedMediaType() };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: 'invalid_json', message: 'The request body is not valid JSON.' } };
  }
  // Fastify's own client errors (bad content-length, malformed URL, ...) carry a safe message.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: { error: 'bad_request', message: typeof message === 'string' ? message : 'Bad request.' },
    };
  }
  return {
    status: 500,
    body: { error: 'internal', message: 'The hub failed to handle this request. The fault has been logged.' },
  };
}

export function unsupportedMediaType(): ApiError {
  return { error: 'unsupported_media_type', message: 'Send the request body as application/json.' };
}

export function sendApiError(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toApiError(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof HttpError) reply.headers(error.headers);
    return sendApiError(reply, status, body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      return sendApiError(reply, 404, {
        error: 'not_found',
        message: `There is no API route ${request.method} ${path.slice(0, 200)}.`,
      });
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found.');
  });
}
