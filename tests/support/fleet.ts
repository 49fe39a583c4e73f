import { generateProviderKey, publicHalf, type ProviderKeyPair } from '../../kiosk-config/fleet/keys.js';
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

  static async create(hubUrl: string): Promise<Provider> {
    return new Provider(hubUrl, await generateProviderKey('e2e-provider'));
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
