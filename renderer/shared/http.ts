import type { z } from 'zod';
import { ApiError } from '../../protocol/errors.js';

/** A failed request: `status` 0 means the hub was not reached at all. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  credentials?: RequestCredentials;
}

/**
 * Sends a request and parses the answer with the protocol schema, so nothing unchecked crosses
 * the border. Error bodies are parsed as ApiError; a network failure becomes status 0.
 */
export async function requestJson<T>(
  url: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<{ status: number; data: T; headers: Headers }> {
  const response = await send(url, options);
  const text = await response.text();
  const json: unknown = text === '' ? null : safeJson(text);
  if (!response.ok) throw toHttpError(response.status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(response.status, 'bad_response', `Unexpected answer from ${url}`);
  }
  return { status: response.status, data: parsed.data, headers: response.headers };
}

export async function send(url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: options.credentials ?? 'same-origin',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      cache: 'no-store',
    });
  } catch (cause) {
    throw new HttpError(0, 'unreachable', `The hub could not be reached (${String(cause)})`);
  }
}

export function toHttpError(status: number, json: unknown): HttpError {
  const parsed = ApiError.safeParse(json);
  if (parsed.success) {
    return new HttpError(status, parsed.data.error, parsed.data.message, parsed.data.issues);
  }
  return new HttpError(status, 'http_error', `The hub answered ${status}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
