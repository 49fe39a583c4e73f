import type { HubChild } from './hub-cli.js';

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
