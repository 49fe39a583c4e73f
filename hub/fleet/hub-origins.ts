import { hubConnectSources } from '../../protocol/hub-origin.js';
import type { HubKysely } from '../db/schema.js';
import { releasesStamp, VersionedCache } from './versioned-cache.js';

/**
 * The hub addresses a signed config names, read without verifying (the hub holds no provider
 * key). Only a provider-authenticated publish puts a release here, and each terminal verifies
 * the signature before it goes anywhere: this list only opens the CSP of the pages this hub
 * serves to addresses the provider itself published.
 */
export function hubUrlOfSignedConfig(signed: string): string | null {
  try {
    const envelope = JSON.parse(signed) as { payload?: unknown };
    if (typeof envelope.payload !== 'string') return null;
    const payload = JSON.parse(envelope.payload) as { settings?: { hubUrl?: unknown } };
    const hubUrl = payload.settings?.hubUrl;
    return typeof hubUrl === 'string' && hubConnectSources(hubUrl).length > 0 ? new URL(hubUrl).origin : null;
  } catch {
    return null;
  }
}

/**
 * The connect-src sources of the kiosk pages this hub serves (Chromium mode): itself, and every
 * hub a published release names, so a signed config can move a terminal to another hub without
 * opening the page to anything else. Checked against the releases' stamp before each kiosk page,
 * so a release published through another instance widens the policy here too.
 */
export class KioskConnectSources {
  private readonly cache = new VersionedCache(
    () => releasesStamp(this.db),
    async () => {
      const rows = await this.db.selectFrom('release_hub_origins').select('hub_url').distinct().execute();
      return [...new Set(rows.flatMap((row) => hubConnectSources(row.hub_url)))].sort();
    },
  );

  constructor(private readonly db: HubKysely) {}

  /** Brings the list up to date (call before list()). */
  async load(): Promise<void> {
    await this.cache.get();
  }

  list(): readonly string[] {
    return this.cache.peek() ?? [];
  }
}
