/**
 * What a clerk who signs in through the municipality's OpenID provider may do, from the
 * provider's claims: the groups claim names offices and the admin role. The provider is the
 * source of truth, so this is evaluated at every sign-in and a removed group takes effect then.
 */
import type { OidcSettings } from './config.js';

export interface OidcIdentity {
  /** `<issuer>#<sub>`: the account's key, stable even when the username changes. */
  subject: string;
  username: string;
  displayName: string;
  officeIds: string[];
  admin: boolean;
}

export type MappingResult = { ok: true; identity: OidcIdentity } | { ok: false; reason: string };

const stringClaim = (claims: Record<string, unknown>, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** Groups as a list: providers send an array, some a single string or a space-separated one. */
function groupsOf(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

export function mapClaims(
  issuer: string,
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'usernameClaim' | 'displayNameClaim' | 'groupsClaim' | 'offices' | 'admins'>,
): MappingResult {
  const sub = stringClaim(claims, 'sub');
  if (!sub) return { ok: false, reason: 'the provider sent no subject (sub)' };
  const username = (stringClaim(claims, settings.usernameClaim) ?? sub).slice(0, 100);
  const groups = groupsOf(claims, settings.groupsClaim);
  const officeIds = [...new Set(groups.flatMap((g) => settings.offices[g] ?? []))].sort();
  const admin = groups.some((g) => settings.admins.includes(g));
  if (officeIds.length === 0 && !admin)
    return {
      ok: false,
      reason: `the account ${username} is in no group that has an office or the admin role (claim "${settings.groupsClaim}")`,
    };
  return {
    ok: true,
    identity: {
      subject: `${issuer}#${sub}`,
      username,
      displayName: (stringClaim(claims, settings.displayNameClaim) ?? username).slice(0, 200),
      officeIds,
      admin,
    },
  };
}
