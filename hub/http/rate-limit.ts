import { sql } from 'kysely';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from './errors.js';

export interface RateLimit {
  /** Attempts allowed per window. */
  max: number;
  windowSeconds: number;
}

/** Provider login and enrollment: per client address, and per credential or code. */
export interface RateLimits {
  perAddress: RateLimit;
  perCredential: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perAddress: { max: 20, windowSeconds: 600 },
  perCredential: { max: 5, windowSeconds: 600 },
};

/**
 * Fixed-window counters in the database (shared by every hub instance). One upsert per check,
 * before anything expensive: a bucket over its limit answers 429 with Retry-After.
 */
export class RateLimiter {
  constructor(
    private readonly db: HubKysely,
    private readonly now: () => Date,
  ) {}

  async enforce(bucket: string, limit: RateLimit): Promise<void> {
    const at = this.now().getTime();
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(at / windowMs) * windowMs).toISOString();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ bucket, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          hits: sql<number>`CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END`,
          window_start: sql<string>`excluded.window_start`,
        }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (Number(row.hits) <= limit.max) return;
    const retryAfter = Math.max(1, Math.ceil((Date.parse(windowStart) + windowMs - at) / 1000));
    throw new HttpError(
      429,
      {
        error: 'rate_limited',
        message: `Too many attempts; try again in ${retryAfter} seconds.`,
      },
      { 'retry-after': String(retryAfter) },
    );
  }

  /** Counters of windows long past say nothing any more. */
  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', before.toISOString()).execute();
  }
}
