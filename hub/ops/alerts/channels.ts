/**
 * Where notices go: a webhook (JSON POST signed with HMAC-SHA256 over the exact body) and e-mail
 * over SMTP (nodemailer). Each send is bounded: a timeout per attempt and a few attempts with a
 * growing pause; what still fails is reported to the caller, which tries again next evaluation.
 */
import { createHmac } from 'node:crypto';
import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import type { AlertNotice } from './policy.js';
import { mailBody, mailSubject } from './notice-text.js';

export const SIGNATURE_HEADER = 'x-pop-signature';

export interface AlertChannel {
  readonly name: 'webhook' | 'email';
  send(notices: readonly AlertNotice[]): Promise<void>;
}

export interface DeliveryBounds {
  timeoutMs: number;
  attempts: number;
  /** Pause before attempt n+1 is retryDelayMs * n. */
  retryDelayMs: number;
}

export const DEFAULT_BOUNDS: DeliveryBounds = { timeoutMs: 10_000, attempts: 3, retryDelayMs: 2_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A failure worth no retry (the receiver refused the request itself). */
class FinalError extends Error {}

async function withRetries(bounds: DeliveryBounds, attempt: () => Promise<void>): Promise<void> {
  let last: unknown;
  for (let n = 1; n <= bounds.attempts; n++) {
    try {
      await attempt();
      return;
    } catch (error) {
      last = error;
      if (error instanceof FinalError) break;
      if (n < bounds.attempts && bounds.retryDelayMs > 0) await sleep(bounds.retryDelayMs * n);
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}

/** `sha256=<hex>` of the body under the secret: what a receiver recomputes to trust a notice. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface WebhookOptions {
  url: string;
  secret: string;
}

export function webhookChannel(
  options: WebhookOptions,
  bounds: DeliveryBounds = DEFAULT_BOUNDS,
): AlertChannel {
  return {
    name: 'webhook',
    async send(notices) {
      const body = JSON.stringify({ source: 'point-of-public-hub', hub: hostname(), notices });
      const signature = signBody(body, options.secret);
      await withRetries(bounds, async () => {
        const answer = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(bounds.timeoutMs),
        });
        await answer.body?.cancel();
        if (answer.ok) return;
        const message = `webhook answered ${answer.status}`;
        // 408, 429 and server errors may pass; any other refusal will not.
        if (answer.status === 408 || answer.status === 429 || answer.status >= 500) throw new Error(message);
        throw new FinalError(message);
      });
    },
  };
}

export interface EmailOptions {
  /** smtp://[user:password@]host[:port] or smtps://... */
  smtpUrl: string;
  from: string;
  to: string[];
  /** Refuse to send unless the server offers STARTTLS (smtp:// only). */
  requireTls: boolean;
}

export function emailChannel(options: EmailOptions, bounds: DeliveryBounds = DEFAULT_BOUNDS): AlertChannel {
  const url = new URL(options.smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: options.requireTls,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: bounds.timeoutMs,
    greetingTimeout: bounds.timeoutMs,
    socketTimeout: bounds.timeoutMs,
  });
  return {
    name: 'email',
    async send(notices) {
      await withRetries(bounds, async () => {
        try {
          await transport.sendMail({
            from: options.from,
            to: options.to,
            subject: mailSubject(notices),
            text: mailBody(notices, hostname()),
            date: new Date(notices[0]?.at ?? Date.now()),
          });
        } catch (error) {
          // A 5xx reply (unknown recipient, refused sender) stays so on the next attempt.
          const code = (error as { responseCode?: unknown }).responseCode;
          if (typeof code === 'number' && code >= 500) throw new FinalError((error as Error).message);
          throw error;
        }
      });
    },
  };
}
