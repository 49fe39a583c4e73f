import type { CommandResult, Heartbeat, HeartbeatAnswer } from '../../../protocol/fleet.js';
import { ApiClient, toHttpError, safeJson } from '../../../protocol/routes/client.js';
import { contract } from '../../../protocol/routes/index.js';

const { fleetTerminal } = contract;

/** The terminal's side of the fleet API, through the typed client; every answer is parsed. */
export class FleetClient {
  private readonly api: ApiClient;

  constructor(hubUrl: string, token: () => string, renewToken?: (refused: string) => Promise<boolean>) {
    this.api = new ApiClient({ baseUrl: hubUrl, token, ...(renewToken ? { renewToken } : {}) });
  }

  async heartbeat(body: Heartbeat): Promise<HeartbeatAnswer> {
    return this.api.json(fleetTerminal.heartbeat, { body }, { timeoutMs: 10_000 });
  }

  /** The signed config as raw text: it is verified exactly as it was signed, never re-serialized. */
  async config(): Promise<string> {
    const response = await this.api.send(fleetTerminal.config, {}, { timeoutMs: 30_000 });
    const text = await response.text();
    if (!response.ok) throw toHttpError(response.status, safeJson(text));
    return text;
  }

  async commandResult(id: string, result: CommandResult): Promise<void> {
    await this.api.call(fleetTerminal.commandResult, { params: { id }, body: result }, { timeoutMs: 30_000 });
  }
}
