import type { HubKysely } from '../db/schema.js';

/**
 * A value read from the database and kept while a cheap stamp query says it is unchanged. Every
 * read checks the stamp, so a change made through any hub instance is seen at the next read;
 * reads that arrive while a check is under way share it, so a burst costs one query.
 */
export class VersionedCache<T> {
  private value: { stamp: string; data: T } | null = null;
  private inFlight: Promise<T> | null = null;

  constructor(
    private readonly stamp: () => Promise<string>,
    private readonly load: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The last value read, without a check (for synchronous callers); undefined before the first. */
  peek(): T | undefined {
    return this.value?.data;
  }

  /** Forgets the value: the next read loads it again even if the stamp did not move. */
  invalidate(): void {
    this.value = null;
  }

  private async refresh(): Promise<T> {
    const stamp = await this.stamp();
    if (this.value?.stamp === stamp) return this.value.data;
    const data = await this.load();
    this.value = { stamp, data };
    return data;
  }
}

/**
 * Changes whenever a release is published or its rollout changed, at any instance: releases are
 * only added (versions rise) and a rollout change moves updated_at.
 */
export async function releasesStamp(db: HubKysely): Promise<string> {
  const row = await db
    .selectFrom('config_releases')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.max('version').as('version'),
      eb.fn.max('updated_at').as('updated'),
    ])
    .executeTakeFirst();
  return `${Number(row?.count ?? 0)}/${String(row?.version ?? '')}/${String(row?.updated ?? '')}`;
}
