import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';

/**
 * How many logins may fail, per account and per address, within one window. A town hall's
 * clerks share one address behind its router, so the address allows more than an account.
 */
export interface LoginLimits {
  windowSeconds: number;
  perAccount: number;
  perAddress: number;
  /**
   * A refusal is answered after this pause, so a client that ignores Retry-After cannot turn
   * cheap refusals into a request flood that crowds out everyone else (it costs a timer only).
   */
  refusalDelayMs: number;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowSeconds: 15 * 60,
  perAccount: 10,
  perAddress: 30,
  refusalDelayMs: 250,
};

export interface LoginKeys {
  /** The name the login is for (a clerk's username); absent for token logins. */
  account?: string;
  address: string;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** When a counter whose window started at `startedAt` stops counting (epoch ms). */
export function windowEnd(startedAt: string, windowSeconds: number): number {
  return Date.parse(startedAt) + windowSeconds * 1000;
}

export interface LoginGate {
  /** Counts the attempt before any password is hashed; refused once a counter is over its limit. */
  admit(keys: LoginKeys): Promise<Admission>;
  /** A successful login forgives the account's failures and does not count against its address. */
  succeeded(keys: LoginKeys): Promise<void>;
  /** admit() as a route needs it: throws 429 with Retry-After when refused. */
  admitOrThrow(keys: LoginKeys): Promise<void>;
}

/**
 * Failed-login counters in the database (table login_attempts), so restarts do not reset them
 * and every hub on one PostgreSQL shares them. A refused attempt only reads, so a flood against a
 * locked account or address costs no writes.
 */
export function loginGate(
  db: HubKysely,
  now: () => Date,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): LoginGate {
  const counters = (keys: LoginKeys) => [
    ...(keys.account === undefined ? [] : [{ key: `account:${keys.account}`, limit: limits.perAccount }]),
    { key: `address:${keys.address}`, limit: limits.perAddress },
  ];

  async function admit(keys: LoginKeys): Promise<Admission> {
    const at = now();
    const cutoff = new Date(at.getTime() - limits.windowSeconds * 1000).toISOString();
    const wanted = counters(keys);
    const refusal = (rows: { window_started_at: string; attempts: number; limit: number }[]): Admission => {
      const over = rows.filter((row) => row.window_started_at > cutoff && row.attempts >= row.limit);
      if (over.length === 0) return { admitted: true };
      const until = Math.max(...over.map((row) => windowEnd(row.window_started_at, limits.windowSeconds)));
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((until - at.getTime()) / 1000)) };
    };

    const existing = await db
      .selectFrom('login_attempts')
      .select(['key', 'window_started_at', 'attempts'])
      .where(
        'key',
        'in',
        wanted.map((c) => c.key),
      )
      .execute();
    const locked = refusal(
      existing.map((row) => ({ ...row, limit: wanted.find((c) => c.key === row.key)?.limit ?? 0 })),
    );
    if (!locked.admitted) return locked;

    // Count this attempt (one transaction: one disk sync); a window that has passed starts at 1.
    const expired = sql<boolean>`login_attempts.window_started_at <= ${cutoff}`;
    const counted = await db.transaction().execute(async (trx) => {
      const rows = [];
      for (const { key, limit } of wanted) {
        const row = await trx
          .insertInto('login_attempts')
          .values({ key, window_started_at: at.toISOString(), attempts: 1 })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              window_started_at: sql<string>`CASE WHEN ${expired} THEN ${at.toISOString()} ELSE login_attempts.window_started_at END`,
              attempts: sql<number>`CASE WHEN ${expired} THEN 1 ELSE login_attempts.attempts + 1 END`,
            }),
          )
          .returning(['window_started_at', 'attempts'])
          .executeTakeFirstOrThrow();
        // Parallel attempts all pass the read above; the count each gets here is exact.
        rows.push({ window_started_at: row.window_started_at, attempts: Number(row.attempts) - 1, limit });
      }
      return rows;
    });
    return refusal(counted);
  }

  return {
    admit,
    async succeeded(keys) {
      if (keys.account !== undefined)
        await db.deleteFrom('login_attempts').where('key', '=', `account:${keys.account}`).execute();
      await db
        .updateTable('login_attempts')
        .set({ attempts: sql<number>`attempts - 1` })
        .where('key', '=', `address:${keys.address}`)
        .where('attempts', '>', 0)
        .execute();
    },
    async admitOrThrow(keys) {
      const admission = await admit(keys);
      if (admission.admitted) return;
      if (limits.refusalDelayMs > 0) await delay(limits.refusalDelayMs);
      throw new HttpError(
        429,
        {
          error: 'too_many_attempts',
          message: `Too many failed logins. Try again in ${admission.retryAfterSeconds} seconds.`,
        },
        { 'retry-after': String(admission.retryAfterSeconds) },
      );
    },
  };
}
