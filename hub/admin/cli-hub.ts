import { chmod, readFile, writeFile } from 'node:fs/promises';
import { CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import { contract } from '../../protocol/routes/index.js';
import { ApiClient, HttpError, type CallInput } from '../../protocol/routes/client.js';
import type { ParsedAnswerOf, RouteContract } from '../../protocol/routes/index.js';

/** Exit codes of pop-admin; docs/administration.md lists them. */
export const EXIT = { ok: 0, refused: 1, usage: 2, auth: 3, unreachable: 4 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.refused,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The admin's side of the hub API: the typed client, with the session cookie held in memory
 * (written to a file only when the operator asks for --session-file) and one-line errors.
 */
export class AdminHub {
  private cookie: string | undefined;
  private readonly api: ApiClient;

  constructor(
    private readonly hubUrl: string,
    private readonly providerToken?: string,
  ) {
    this.api = new ApiClient({
      baseUrl: hubUrl,
      token: () => this.providerToken,
      timeoutMs: 60_000,
      fetch: (input, init) => this.fetchWithCookie(input, init),
    });
  }

  private async fetchWithCookie(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const headers = new Headers(init?.headers);
    if (this.cookie) headers.set('cookie', `${CLERK_SESSION_COOKIE}=${this.cookie}`);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name?.trim() === CLERK_SESSION_COOKIE && value) this.cookie = value.trim();
    }
    return response;
  }

  async login(username: string, password: string): Promise<void> {
    await this.call(contract.clerk.login, { body: { username, password } });
  }

  async useSessionFile(path: string): Promise<boolean> {
    try {
      const text = (await readFile(path, 'utf8')).trim();
      if (!text) return false;
      this.cookie = text;
      return true;
    } catch {
      return false;
    }
  }

  async saveSessionFile(path: string): Promise<void> {
    if (!this.cookie) throw new CliError('There is no session to save: log in first.', EXIT.auth);
    await writeFile(path, `${this.cookie}\n`, { mode: 0o600 });
    await chmod(path, 0o600);
  }

  async call<R extends RouteContract>(route: R, input: CallInput<R>): Promise<ParsedAnswerOf<R>> {
    return (await this.answer(route, input)) as ParsedAnswerOf<R>;
  }

  /** Like call, for text answers (the audit exports). */
  async text<R extends RouteContract>(route: R, input: CallInput<R>): Promise<string> {
    return String(await this.answer(route, input));
  }

  private async answer<R extends RouteContract>(route: R, input: CallInput<R>): Promise<unknown> {
    try {
      return (await this.api.call(route, input)).data;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.unreachable)
        throw new CliError(`The hub at ${this.hubUrl} could not be reached.`, EXIT.unreachable);
      if (error.code === 'bad_response')
        throw new CliError(`The hub answered ${route.method} ${route.path} with something unexpected.`);
      const exit = error.status === 401 || error.status === 403 ? EXIT.auth : EXIT.refused;
      // The hub's message names the field ("encryptionKey.jwk.n: the key has 2048 bits ...").
      throw new CliError(`${error.message} (${error.status} ${error.code})`, exit);
    }
  }
}

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `${what}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      EXIT.usage,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${what}: ${path} is not valid JSON (${(error as Error).message})`, EXIT.usage);
  }
}

export async function readSecretFile(path: string, what: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    throw new CliError(
      `${what}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      EXIT.usage,
    );
  }
}
