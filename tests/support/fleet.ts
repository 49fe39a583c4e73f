import Database from 'better-sqlite3';
import { join } from 'node:path';
import { publicHalf, type ProviderKeyPair } from '../../kiosk-config/fleet/keys.js';
import { E2E_PROVIDER_KEY } from './provider-key.js';
import type { Release } from '../../kiosk-config/fleet/release.js';
import type { FleetFile } from '../../kiosk-config/fleet/fleet-file.js';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { exampleFleet, signedRelease } from '../../hub/testing/fleet.js';
import { FLEET_API, FleetOverview, type Rollout } from '../../protocol/fleet.js';

/** The provider's side in end-to-end tests: its key, fleet files and the hub API. */
export class Provider {
  /** Without a key: a provider that only watches (another hub's fleet view). */
  constructor(
    readonly hubUrl: string,
    readonly key: ProviderKeyPair | null = null,
  ) {}

  static create(hubUrl: string): Promise<Provider> {
    return Promise.resolve(new Provider(hubUrl, E2E_PROVIDER_KEY));
  }

  get pinnedKeys() {
    return [publicHalf(this.signingKey)];
  }

  private get signingKey(): ProviderKeyPair {
    if (!this.key) throw new Error('this provider has no signing key');
    return this.key;
  }

  /** The example fleet pointed at this hub, changed by `edit`. */
  fleet(edit: (file: FleetFile) => void = () => undefined): FleetFile {
    const file = exampleFleet(0);
    file.defaults.hubUrl = this.hubUrl;
    edit(file);
    return file;
  }

  release(file: FleetFile, version: number): Promise<Release> {
    return signedRelease(file, this.signingKey, version);
  }

  async publish(release: Release, rollout: Rollout): Promise<void> {
    await this.call('POST', FLEET_API.releases, { release, rollout }, 201);
  }

  /** A publish the hub must refuse (422): its message. */
  async publishRefused(release: unknown, rollout: Rollout): Promise<string> {
    const answer = (await this.call('POST', FLEET_API.releases, { release, rollout }, 422)) as {
      message: string;
    };
    return answer.message;
  }

  /**
   * What a hub that is not to be trusted (taken over, or its database) could hand out: documents
   * written straight into its SQLite file, for every terminal, then rolled out to all through
   * the API so the hub's rollout cache sees them.
   */
  async plant(dataDir: string, version: number, documents: Record<string, string>): Promise<void> {
    const db = new Database(join(dataDir, 'hub.sqlite'), { fileMustExist: true });
    try {
      const at = new Date().toISOString();
      // The release belongs to the planted terminals' municipality, as a published one would.
      const [first] = Object.keys(documents);
      db.prepare(
        `INSERT INTO config_releases (version, tenant_id, issuer, created_at, rollout_percent, rollout_terminals, updated_at)
         VALUES (?, COALESCE((SELECT tenant_id FROM terminals WHERE id = ?), (SELECT id FROM tenants ORDER BY id LIMIT 1)),
           'planted', ?, 0, '[]', ?)`,
      ).run(version, first ?? '', at, at);
      const insert = db.prepare(
        'INSERT INTO config_documents (version, terminal_id, signed) VALUES (?, ?, ?)',
      );
      for (const [terminalId, signed] of Object.entries(documents)) insert.run(version, terminalId, signed);
    } finally {
      db.close();
    }
    await this.call('POST', FLEET_API.rollout(version), { percent: 100 }, 204);
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown, expected = 200): Promise<unknown> {
    const response = await fetch(this.hubUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${DEMO_PROVIDER_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  }

  async overview(): Promise<FleetOverview> {
    return FleetOverview.parse(await this.call('GET', FLEET_API.terminals));
  }
}
