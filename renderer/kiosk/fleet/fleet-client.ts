import { FLEET_API, HeartbeatAnswer, type CommandResult, type Heartbeat } from '../../../protocol/fleet.js';
import { requestJson, send, toHttpError } from '../../shared/http.js';

/** The terminal's side of the fleet API; every answer is parsed before use. */
export class FleetClient {
  private readonly base: string;

  constructor(
    hubUrl: string,
    private readonly token: () => string,
  ) {
    this.base = hubUrl.replace(/\/+$/, '');
  }

  private get auth(): Record<string, string> {
    return { authorization: `Bearer ${this.token()}` };
  }

  async heartbeat(body: Heartbeat): Promise<HeartbeatAnswer> {
    const { data } = await requestJson(this.base + FLEET_API.heartbeat, HeartbeatAnswer, {
      method: 'POST',
      body,
      headers: this.auth,
      timeoutMs: 10_000,
    });
    return data;
  }

  /** The signed config as raw text: it is verified exactly as it was signed. */
  async config(): Promise<string> {
    const response = await send(this.base + FLEET_API.terminalConfig, {
      headers: this.auth,
      timeoutMs: 30_000,
    });
    const text = await response.text();
    if (!response.ok) throw toHttpError(response.status, safeJson(text));
    return text;
  }

  async commandResult(id: string, result: CommandResult): Promise<void> {
    const response = await send(this.base + FLEET_API.commandResult(id), {
      method: 'POST',
      body: result,
      headers: this.auth,
      timeoutMs: 30_000,
    });
    if (!response.ok) throw toHttpError(response.status, safeJson(await response.text()));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
