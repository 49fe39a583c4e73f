import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider for the tests: the `oidc-provider` package (a certified implementation)
 * on 127.0.0.1, with its development login pages (any login, any password), one confidential client
 * for the hub and PKCE required. Accounts carry a `groups` claim, released with the profile scope
 * at the userinfo endpoint, as many municipal directories do.
 */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface TestAccount {
  name: string;
  groups: string[];
}

export async function startOidcProvider(options: {
  port: number;
  redirectUri: string;
  accounts: Record<string, TestAccount>;
}): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = 'pop-hub';
  const clientSecret = 'test-client-secret-for-the-hub';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'] },
    pkce: { required: () => true },
    cookies: { keys: ['pop-test-idp-cookie-key-0123456789'] },
    jwks: { keys: [await signingKey()] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const account = options.accounts[id];
      return account
        ? {
            accountId: id,
            claims: () => ({ sub: id, preferred_username: id, name: account.name, groups: account.groups }),
          }
        : undefined;
    },
  });
  const server: Server = provider.listen(options.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'test-idp', alg: 'RS256', use: 'sig' };
}

/** The hub's OpenID settings file for this provider, with its secret in a file beside it. */
export function writeOidcSettings(
  dir: string,
  idp: TestIdp,
  redirectUri: string,
  extra: object = {},
): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'oidc-secret'), `${idp.clientSecret}\n`, { mode: 0o600 });
  const file = join(dir, 'oidc.json');
  writeFileSync(
    file,
    JSON.stringify({
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretFile: 'oidc-secret',
      redirectUri,
      offices: { 'grp-buergerbuero': ['buergerbuero'], 'grp-standesamt': ['standesamt'] },
      admins: ['grp-pop-admin'],
      buttonLabel: 'Mit dem Rathaus-Konto anmelden',
      ...extra,
    }),
  );
  return file;
}
