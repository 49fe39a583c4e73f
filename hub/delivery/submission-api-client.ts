import type { z } from 'zod';
import { Problem, TokenAnswer } from '../../protocol/fitconnect/api.js';

export interface FitConnectCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  submissionApiUrl: string;
}

/**
 * transient: try again later (5xx, timeout, connection lost). conflict: 409, the step may be done
 * already. permanent: the API refused for good (422, other 4xx, a second 401 after a new token).
 */
export type FitConnectFailure = 'transient' | 'conflict' | 'permanent';

export class FitConnectError extends Error {
  constructor(
    readonly failure: FitConnectFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FitConnectError';
  }
}

export interface ClientOptions {
  /** Per request; a stalled answer counts as a transient failure. */
  timeoutMs?: number;
  now?: () => Date;
}

type Body = { json: unknown } | { jose: string } | undefined;

/**
 * One office's sender connection: OAuth 2 client credentials at the token URL, the bearer token
 * kept until shortly before it expires, and re-fetched once when the API answers 401 (expired or
 * revoked early). Only ciphertext passes through here.
 */
export class SubmissionApiClient {
  private token: { value: string; expiresAt: number } | undefined;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly credentials: FitConnectCredentials,
    options: ClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    return this.call('GET', path, undefined, schema);
  }

  async post<T>(path: string, json: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.call('POST', path, { json }, schema);
  }

  async put(path: string, body: Body): Promise<void> {
    await this.call('PUT', path, body, undefined);
  }

  private async call<T>(method: string, path: string, body: Body, schema: z.ZodType<T> | undefined) {
    let response = await this.send(method, path, body, await this.bearer(false));
    if (response.status === 401) {
      await response.body?.cancel();
      response = await this.send(method, path, body, await this.bearer(true));
      if (response.status === 401)
        throw new FitConnectError('permanent', `${method} ${path}: 401 again with a fresh token`, 401);
    }
    if (!response.ok) throw await failureOf(method, path, response);
    if (!schema) {
      await response.body?.cancel();
      return undefined as T;
    }
    const parsed = schema.safeParse(await readJson(response, method, path));
    if (!parsed.success)
      throw new FitConnectError('permanent', `${method} ${path}: unexpected answer: ${parsed.error.message}`);
    return parsed.data;
  }

  private async send(method: string, path: string, body: Body, bearer: string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, accept: 'application/json' };
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'application/jose';
      payload = body.jose;
    }
    return this.fetchWithTimeout(new URL(path, this.credentials.submissionApiUrl), {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
  }

  private async bearer(renew: boolean): Promise<string> {
    const nowMs = this.now().getTime();
    if (!renew && this.token && this.token.expiresAt > nowMs) return this.token.value;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    });
    const response = await this.fetchWithTimeout(new URL(this.credentials.tokenUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    if (response.status === 400 || response.status === 401)
      throw new FitConnectError(
        'permanent',
        `token: the client credentials were refused (${response.status})`,
      );
    if (!response.ok) throw await failureOf('POST', 'token', response);
    const answer = TokenAnswer.safeParse(await readJson(response, 'POST', 'token'));
    if (!answer.success) throw new FitConnectError('permanent', 'token: the answer has no access_token');
    // A minute early, so a token never expires between our check and the API's.
    this.token = { value: answer.data.access_token, expiresAt: nowMs + (answer.data.expires_in - 60) * 1000 };
    return this.token.value;
  }

  private async fetchWithTimeout(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const reason =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? `no answer within ${this.timeoutMs} ms`
          : `connection failed (${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)})`;
      throw new FitConnectError('transient', `${init.method ?? 'GET'} ${url.pathname}: ${reason}`);
    }
  }
}

async function readJson(response: Response, method: string, path: string): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    // The connection broke while the body came, or the body is not JSON.
    const transient = error instanceof Error && error.name !== 'SyntaxError';
    throw new FitConnectError(transient ? 'transient' : 'permanent', `${method} ${path}: unreadable answer`);
  }
}

async function failureOf(method: string, path: string, response: Response): Promise<FitConnectError> {
  let problem: Problem = {};
  try {
    problem = Problem.parse(await response.json());
  } catch {
    // Not a problem document: the status says enough.
  }
  const text = [problem.title, problem.detail].filter(Boolean).join(': ') || response.statusText;
  const message = `${method} ${path}: ${response.status} ${text}`;
  if (response.status >= 500 || response.status === 429)
    return new FitConnectError('transient', message, response.status);
  if (response.status === 409) return new FitConnectError('conflict', message, response.status);
  return new FitConnectError('permanent', message, response.status);
}
