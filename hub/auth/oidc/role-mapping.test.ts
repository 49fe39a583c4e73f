import { describe, expect, it } from 'vitest';
import { parseOidcConfig } from './config.js';
import { mapClaims } from './role-mapping.js';

const settings = {
  usernameClaim: 'preferred_username',
  displayNameClaim: 'name',
  groupsClaim: 'groups',
  offices: { 'grp-buergerbuero': ['buergerbuero'], 'grp-ordnung': ['ordnungsamt', 'buergerbuero'] },
  admins: ['grp-pop-admin'],
};
const ISSUER = 'https://idp.lindenau.example/realms/rathaus';

describe('OpenID claims to clerk rights', () => {
  it('maps groups to offices and the admin role, keyed by issuer and subject', () => {
    expect(
      mapClaims(
        ISSUER,
        {
          sub: 'u-17',
          preferred_username: 'erika',
          name: 'Erika Muster',
          groups: ['grp-ordnung', 'grp-buergerbuero', 'other'],
        },
        settings,
      ),
    ).toEqual({
      ok: true,
      identity: {
        subject: `${ISSUER}#u-17`,
        username: 'erika',
        displayName: 'Erika Muster',
        officeIds: ['buergerbuero', 'ordnungsamt'],
        admin: false,
      },
    });
    const admin = mapClaims(ISSUER, { sub: 'u-1', groups: 'grp-pop-admin' }, settings);
    expect(admin).toMatchObject({
      ok: true,
      identity: { username: 'u-1', displayName: 'u-1', officeIds: [], admin: true },
    });
  });

  it('refuses an account without an office or admin group, and a token without subject', () => {
    expect(mapClaims(ISSUER, { sub: 'u-2', preferred_username: 'max', groups: ['other'] }, settings)).toEqual(
      {
        ok: false,
        reason: 'the account max is in no group that has an office or the admin role (claim "groups")',
      },
    );
    expect(mapClaims(ISSUER, { groups: ['grp-buergerbuero'] }, settings)).toEqual({
      ok: false,
      reason: 'the provider sent no subject (sub)',
    });
    // A group claim of another type grants nothing.
    expect(mapClaims(ISSUER, { sub: 'u-3', groups: { admin: true } }, settings).ok).toBe(false);
  });
});

describe('OpenID settings', () => {
  const base = {
    issuer: 'https://idp.lindenau.example/realms/rathaus',
    clientId: 'pop-hub',
    clientSecretFile: 'secret',
    redirectUri: 'https://hub.lindenau.example/api/v1/clerk/oidc/callback',
  };
  const parse = (value: unknown, secret = 's3cret') => parseOidcConfig(JSON.stringify(value), () => secret);

  it('reads settings with defaults and the secret from its file', () => {
    expect(parse(base)).toMatchObject({ ...base, clientSecret: 's3cret', groupsClaim: 'groups', scopes: [] });
  });

  it('names the field of every bad setting in one line', () => {
    expect(() => parse({ ...base, issuer: 'http://idp.example' })).toThrow(
      'OpenID settings: issuer must be https (http only for 127.0.0.1 or localhost)',
    );
    expect(() => parse({ ...base, redirectUri: 'https://hub.example/callback' })).toThrow(
      'OpenID settings: redirectUri must end with /api/v1/clerk/oidc/callback',
    );
    expect(() => parse({ ...base, offices: { g: ['Bürgerbüro'] } })).toThrow(/^OpenID settings: .*offices/);
    expect(() => parse({ ...base, extra: 1 })).toThrow(/^OpenID settings: .*extra/);
    expect(() => parse(base, '  \n')).toThrow('OpenID settings: clientSecretFile is empty');
    expect(() => parseOidcConfig('{', () => 'x')).toThrow(/^OpenID settings: not JSON/);
    expect(
      parse({
        ...base,
        issuer: 'http://127.0.0.1:4000',
        redirectUri: 'http://127.0.0.1:8080/api/v1/clerk/oidc/callback',
      }).issuer,
    ).toBe('http://127.0.0.1:4000');
  });
});
