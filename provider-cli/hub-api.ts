import type { z } from 'zod';
import { ApiError } from '../protocol/errors.js';
import { CliError } from './files.js';

/** The provider's side of the hub API: a token, JSON both ways, readable errors. */
export class HubApi {
  private readonly base: string;

  constructor(
    hubUrl: string,
    private readonly token: string,
  ) {
    this.base = hubUrl.replace(/\/+$/, '');
  }

  async call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw new CliError(`The hub at ${this.base} could not be reached (${String(error)}).`);
    }
    const text = await response.text();
    const json: unknown = text === '' ? null : safeJson(text);
    if (!response.ok) {
      const problem = ApiError.safeParse(json);
      throw new CliError(
        `The hub refused ${method} ${path} (${response.status}): ${problem.success ? problem.data.message : text.slice(0, 300)}`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CliError(`The hub answered ${method} ${path} with something unexpected.`);
    return parsed.data;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
