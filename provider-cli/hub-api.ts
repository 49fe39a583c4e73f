import { z } from 'zod';
import { ApiClient, HttpError, type CallInput } from '../protocol/routes/client.js';
import type { ParsedAnswerOf, RouteContract } from '../protocol/routes/index.js';
import { CliError } from './files.js';

/** The provider's side of the hub API: the typed client with the provider token, readable errors. */
export class HubApi {
  private readonly api: ApiClient;

  constructor(
    private readonly hubUrl: string,
    token: string,
    /** The tenant (ARS) every call works on; optional when the token runs only one. */
    private readonly tenant?: string,
  ) {
    this.api = new ApiClient({ baseUrl: hubUrl, token: () => token, timeoutMs: 120_000 });
  }

  async call<R extends RouteContract>(route: R, given: CallInput<R>): Promise<ParsedAnswerOf<R>> {
    const takesTenant =
      route.query instanceof z.ZodObject && 'tenant' in (route.query.shape as Record<string, unknown>);
    const input =
      this.tenant !== undefined && takesTenant
        ? ({
            ...given,
            query: { ...(given as { query?: object }).query, tenant: this.tenant },
          } as CallInput<R>)
        : given;
    try {
      return await this.api.json(route, input);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const path = this.api.url(route, input).slice(this.hubUrl.replace(/\/+$/, '').length);
      if (error.unreachable)
        throw new CliError(`The hub at ${this.hubUrl} could not be reached (${error.message}).`);
      if (error.code === 'bad_response')
        throw new CliError(`The hub answered ${route.method} ${path} with something unexpected.`);
      throw new CliError(`The hub refused ${route.method} ${path} (${error.status}): ${error.message}`);
    }
  }
}
