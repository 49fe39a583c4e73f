import { z } from 'zod';
import type { FleetFile, MergedTerminal } from './fleet-file.js';
import { importSigningKey, type ProviderKeyPair } from './keys.js';
import { CONFIG_FORMAT, Keyring, SignedConfig, signConfig, type ProviderKey } from './signed.js';
import { OfficeKeyPins } from './office-keys.js';
import { Id } from '../../protocol/id.js';

/** What `sign` writes and `publish` uploads: one signed config per terminal of the fleet file. */
export const Release = z.strictObject({
  format: z.literal('pop-release/1'),
  issuer: Id,
  version: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  configs: z.record(Id, SignedConfig),
});
export type Release = z.infer<typeof Release>;

export interface SignOptions {
  version: number;
  key: ProviderKeyPair;
  now: Date;
  validForDays: number;
  /** The keyring terminals pin from this release on (rotation); omitted: they keep theirs. */
  trust?: ProviderKey[];
  /** The office keys terminals may encrypt to; omitted: they keep their installation's pins. */
  officeKeys?: OfficeKeyPins;
}

export async function signRelease(
  file: FleetFile,
  terminals: MergedTerminal[],
  options: SignOptions,
): Promise<Release> {
  const privateKey = await importSigningKey(options.key);
  const issuedAt = options.now.toISOString();
  const expiresAt = new Date(options.now.getTime() + options.validForDays * 86_400_000).toISOString();
  const trust = options.trust ? { keys: Keyring.parse(options.trust) } : undefined;
  const officeKeys = options.officeKeys ? OfficeKeyPins.parse(options.officeKeys) : undefined;
  const configs: Record<string, SignedConfig> = {};
  for (const t of terminals) {
    configs[t.terminalId] = await signConfig(
      {
        format: CONFIG_FORMAT,
        issuer: file.provider.id,
        version: options.version,
        issuedAt,
        expiresAt,
        audience: { municipality: t.municipalityId, site: t.siteId, terminal: t.terminalId },
        settings: t.settings,
        ...(trust ? { trust } : {}),
        ...(officeKeys ? { officeKeys } : {}),
      },
      options.key.keyId,
      privateKey,
    );
  }
  return {
    format: 'pop-release/1',
    issuer: file.provider.id,
    version: options.version,
    createdAt: issuedAt,
    configs,
  };
}
