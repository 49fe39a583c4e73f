/**
 * The hub's OpenID Connect settings for clerk sign-in, from a JSON file (`--oidc-config` /
 * POP_OIDC_CONFIG). The client secret lives in a file of its own, so the settings can be shown
 * and versioned without it. Group claims map to offices and to the municipal admin role.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../../protocol/errors.js';
import { Id } from '../../../protocol/id.js';

const claimName = z.string().regex(/^[A-Za-z_][\w.:-]{0,99}$/, 'must be a claim name');

export const OidcSettings = z.strictObject({
  /** The provider's issuer URL; its discovery document is read from there. */
  issuer: z.url({ message: 'must be a URL' }),
  clientId: z.string().min(1).max(200),
  /** A file holding the client secret (confidential client); relative to the settings file. */
  clientSecretFile: z.string().min(1),
  /** Where the provider sends the browser back: https://<hub>/api/v1/clerk/oidc/callback. */
  redirectUri: z.url({ message: 'must be a URL' }),
  /** Scopes beyond `openid profile`, e.g. the one that releases the groups claim. */
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token'))
    .max(10)
    .default([]),
  usernameClaim: claimName.default('preferred_username'),
  displayNameClaim: claimName.default('name'),
  groupsClaim: claimName.default('groups'),
  /** Group → the offices whose applications its members read. */
  offices: z.record(z.string().min(1), z.array(Id).min(1)).default({}),
  /** Groups whose members are municipal admins. */
  admins: z.array(z.string().min(1)).default([]),
  /** The sign-in button's text in the clerk console. */
  buttonLabel: z.string().min(1).max(80).default('Mit dem Konto der Gemeinde anmelden'),
});
export type OidcSettings = z.infer<typeof OidcSettings>;

export interface OidcConfig extends OidcSettings {
  clientSecret: string;
}

const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

/** Settings plus secret, or an Error whose message is one line naming the field. */
export function parseOidcConfig(text: string, secretFor: (file: string) => string): OidcConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`OpenID settings: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = OidcSettings.safeParse(raw);
  if (!parsed.success) throw new Error(`OpenID settings: ${describeZodError(parsed.error).message}`);
  const settings = parsed.data;
  // Plain http only to a provider on this machine (tests, a local proxy): tokens travel there.
  for (const field of ['issuer', 'redirectUri'] as const)
    if (new URL(settings[field]).protocol !== 'https:' && !isLoopback(settings[field]))
      throw new Error(`OpenID settings: ${field} must be https (http only for 127.0.0.1 or localhost)`);
  if (!new URL(settings.redirectUri).pathname.endsWith('/api/v1/clerk/oidc/callback'))
    throw new Error('OpenID settings: redirectUri must end with /api/v1/clerk/oidc/callback');
  for (const group of Object.keys(settings.offices))
    if (group.trim() !== group)
      throw new Error(`OpenID settings: offices: group "${group}" has surrounding spaces`);
  const clientSecret = secretFor(settings.clientSecretFile).trim();
  if (!clientSecret) throw new Error('OpenID settings: clientSecretFile is empty');
  return { ...settings, clientSecret };
}

export function loadOidcConfig(file: string): OidcConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `OpenID settings: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: error },
    );
  }
  return parseOidcConfig(text, (secretFile) => {
    const path = resolve(dirname(file), secretFile);
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(
        `OpenID settings: clientSecretFile ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        { cause: error },
      );
    }
  });
}
