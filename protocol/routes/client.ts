import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { pathOf, type ParsedAnswerOf, type RawBody, type RouteContract } from './contract.js';

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

/** An error answer as HttpError: the hub's ApiError when it sent one, the bare status if not. */
export function toHttpError(status: number, json: unknown): HttpError {
  const parsed = ApiError.safeParse(json);
  if (parsed.success) {
    return new HttpError(status, parsed.data.error, parsed.data.message, parsed.data.issues);
  }
  return new HttpError(status, 'http_error', `The hub answered ${status}`);
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** What a call of a route needs: its path parameters, query and body, as the contract says. */
export type CallInput<R extends RouteContract> = (R['params'] extends z.ZodType
  ? { params: Input<R['params']> }
  : { params?: never }) &
  (R['query'] extends z.ZodType ? { query?: Input<R['query']> } : { query?: never }) &
  (R['body'] extends z.ZodType
    ? { body: Input<R['body']> }
    : R['body'] extends RawBody
      ? { body: string | Uint8Array<ArrayBuffer> }
      : { body?: never });

export interface CallOptions {
  timeoutMs?: number;
  /** Extra headers (If-None-Match, …). */
  headers?: Record<string, string>;
}

export interface Answer<R extends RouteContract> {
  status: number;
  /** The parsed JSON answer; the text of a text answer; undefined for an empty one. */
  data: ParsedAnswerOf<R> | (string & {}) | undefined;
  headers: Headers;
}

export interface ApiClientOptions {
  /** The hub's origin ('' or absent: the page's own origin). */
  baseUrl?: string;
  /** The bearer token for terminal and provider routes (absent: the provider cookie is used). */
  token?: () => string | undefined;
  /** Default per request; a caller on a slow line passes its own. */
  timeoutMs?: number;
  /** The fetch to use (the global one unless a caller hands in its own, as the shell does). */
  fetch?: typeof fetch;
  /**
   * A terminal route answered 401 to `refused`: get a fresh token and say whether there is one.
   * On true the request is sent once more with it (an enrolled terminal's token may have been
   * signed with a secret the hub retired, or have run out while the terminal slept).
   */
  renewToken?: (refused: string) => Promise<boolean>;
}

/**
 * The one client of the hub API, for browser and Node: it builds each request from the route's
 * contract entry (path parameters, query, JSON body, the credential its audience needs) and
 * parses the answer with the entry's schemas, so nothing unchecked crosses the border.
 */
export class ApiClient {
  private readonly base: string;

  constructor(private readonly options: ApiClientOptions = {}) {
    this.base = (options.baseUrl ?? '').replace(/\/+$/, '');
  }

  /** The URL of a route with its parameters and query filled in. */
  url<R extends RouteContract>(
    route: R,
    input: CallInput<R> | { params?: unknown; query?: unknown },
  ): string {
    const { params = {}, query: queryInput = {} } = input as { params?: object; query?: object };
    const query = Object.entries(queryInput as Record<string, unknown>)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    return `${this.base}${pathOf(route.path, params as Record<string, string | number>)}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  }

  /** Sends the request and returns the raw response (for answers read as they stream in). */
  async send<R extends RouteContract>(
    route: R,
    input: CallInput<R>,
    options: CallOptions = {},
  ): Promise<Response> {
    return this.sendOnce(route, input, options);
  }

  private async sendOnce<R extends RouteContract>(
    route: R,
    input: CallInput<R>,
    options: CallOptions,
    renewed = false,
  ): Promise<Response> {
    const url = this.url(route, input);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const token =
      route.audience === 'terminal' || route.audience === 'provider' ? this.options.token?.() : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (route.body && 'kind' in route.body) {
      headers['content-type'] = route.body.mediaType;
      body = input.body as string | Uint8Array<ArrayBuffer>;
    } else if (route.method !== 'GET') {
      // Every API POST says application/json, even without a body (the hub refuses others).
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body ?? {});
    }
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: route.method,
        headers,
        ...(body === undefined ? {} : { body }),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(options.timeoutMs ?? this.options.timeoutMs ?? 15_000),
        cache: 'no-store',
      });
    } catch (cause) {
      throw new HttpError(0, 'unreachable', `The hub could not be reached (${String(cause)})`);
    }
    // A refused terminal token is renewed at once and the request tried again, once.
    const renew = this.options.renewToken;
    if (response.status === 401 && token && route.audience === 'terminal' && renew && !renewed) {
      const fresh = await renew(token).catch(() => false);
      if (fresh) {
        await response.body?.cancel().catch(() => undefined);
        return this.sendOnce(route, input, options, true);
      }
    }
    return response;
  }

  /** Calls a route: an error answer throws HttpError, a success is parsed with its schema. */
  async call<R extends RouteContract>(
    route: R,
    input: CallInput<R>,
    options: CallOptions = {},
  ): Promise<Answer<R>> {
    const response = await this.send(route, input, options);
    return this.read(route, response);
  }

  /** Like call, for the parsed JSON answer alone. */
  async json<R extends RouteContract>(
    route: R,
    input: CallInput<R>,
    options: CallOptions = {},
  ): Promise<ParsedAnswerOf<R>> {
    return (await this.call(route, input, options)).data as ParsedAnswerOf<R>;
  }

  /** Checks a response against the route's answers. */
  async read<R extends RouteContract>(route: R, response: Response): Promise<Answer<R>> {
    const text = await response.text();
    const answer = route.answers[response.status];
    if (!response.ok || !answer) {
      if (response.ok)
        throw new HttpError(
          response.status,
          'bad_response',
          `Unexpected answer from ${response.url || route.path}`,
        );
      throw toHttpError(response.status, safeJson(text));
    }
    const base = { status: response.status, headers: response.headers };
    if (answer.kind === 'empty') return { ...base, data: undefined };
    if (answer.kind === 'text') return { ...base, data: text };
    const parsed = answer.schema.safeParse(safeJson(text));
    if (!parsed.success)
      throw new HttpError(
        response.status,
        'bad_response',
        `Unexpected answer from ${response.url || route.path}`,
      );
    return { ...base, data: parsed.data as ParsedAnswerOf<R> };
  }
}

export function safeJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
