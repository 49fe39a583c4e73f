import { API } from '../../protocol/api.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { heartbeat } from './fleet.js';
import type { HubChild } from './hub-cli.js';
import { submissionBody, terminalHeaders } from './test-hub.js';

/**
 * What the cluster tests send through the balancer while instances stop and start: requests that
 * retry as terminals do, and the exit code of a stopped instance.
 */

/** A client that retries as terminals do: on no answer or a 5xx, up to 30 times. */
export async function withRetries(send: () => Promise<Response>): Promise<Response> {
  let last: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const response = await send();
      if (response.status < 500) return response;
      last = new Error(`status ${response.status}`);
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw last;
}

export const post = (base: string, path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** The exit code of an instance, once it has ended. */
export function exitCodeOf(child: HubChild): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  child.stdout.resume();
  child.stderr.resume();
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** What the terminals sent while they ran: stored application ids, and requests that failed. */
export interface TrafficResult {
  sent: string[];
  failed: number;
}

/**
 * Terminals heartbeating and submitting applications through the balancer, `clients` at once,
 * retrying as the kiosk does, until stopped. A heartbeat needs `heartbeatAuth` (an enrolled
 * terminal's token); applications go with the seeded terminal's token.
 */
export function startTraffic(
  base: string,
  heartbeatAuth: Record<string, string>,
  clients: number,
): { stop(): Promise<TrafficResult> } {
  let running = true;
  const result: TrafficResult = { sent: [], failed: 0 };
  const client = async () => {
    while (running) {
      try {
        const hb = await withRetries(() => post(base, FLEET_API.heartbeat, heartbeat(), heartbeatAuth));
        if (hb.status !== 200) result.failed++;
        const body = submissionBody();
        const submitted = await withRetries(() => post(base, API.submissions, body, terminalHeaders));
        if (submitted.status === 201 || submitted.status === 200) result.sent.push(body.id);
        else result.failed++;
      } catch {
        result.failed++;
      }
    }
  };
  const clientsRunning = Array.from({ length: clients }, () => client());
  return {
    async stop() {
      running = false;
      await Promise.all(clientsRunning);
      return result;
    },
  };
}
