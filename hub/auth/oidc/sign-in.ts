/**
 * Clerk sign-in through the municipality's OpenID provider: authorization code flow with PKCE
 * (S256), state and nonce, via openid-client. A started sign-in is a row (state → verifier, nonce,
 * hash of a browser-binding cookie), so the browser that comes back must be the one that left,
 * any hub instance can finish it, and each state works once.
 */
import * as client from 'openid-client';
import type { HubKysely } from '../../db/schema.js';
import { randomToken, sha256Hex } from '../../util/hash.js';
import type { OidcConfig } from './config.js';
import { mapClaims, type OidcIdentity } from './role-mapping.js';

/** A sign-in must come back within this time. */
export const OIDC_LOGIN_SECONDS = 600;

/** Why a sign-in did not end in a session; the console says it in words, the log in detail. */
export type SignInFailure = 'expired' | 'denied' | 'refused' | 'provider' | 'conflict';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    detail: string,
  ) {
    super(detail);
  }
}

export interface OidcSignIn {
  readonly config: OidcConfig;
  /** Stores a new sign-in and returns where to send the browser, and the binding cookie's value. */
  start(now: Date): Promise<{ location: string; binding: string }>;
  /** Finishes the sign-in the provider sent the browser back with; the identity, or SignInError. */
  finish(query: URLSearchParams, binding: string | undefined, now: Date): Promise<OidcIdentity>;
}

const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

export function oidcSignIn(db: HubKysely, config: OidcConfig): OidcSignIn {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        client.ClientSecretBasic(config.clientSecret),
        // Plain http only to a provider on this machine; the settings refuse it for any other.
        isLoopback(config.issuer)
          ? { execute: [client.allowInsecureRequests], timeout: 10 }
          : { timeout: 10 },
      )
      .catch((error: unknown) => {
        discovered = undefined; // try again at the next sign-in
        throw new SignInError('provider', `discovery at ${config.issuer} failed: ${String(error)}`);
      });
    return discovered;
  };

  return {
    config,

    async start(now) {
      const server = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const binding = randomToken();
      await db.deleteFrom('oidc_logins').where('expires_at', '<=', now.toISOString()).execute();
      await db
        .insertInto('oidc_logins')
        .values({
          state,
          binding_hash: sha256Hex(binding),
          code_verifier: codeVerifier,
          nonce,
          expires_at: new Date(now.getTime() + OIDC_LOGIN_SECONDS * 1000).toISOString(),
        })
        .execute();
      const url = client.buildAuthorizationUrl(server, {
        redirect_uri: config.redirectUri,
        scope: ['openid', 'profile', ...config.scopes].join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { location: url.href, binding };
    },

    async finish(query, binding, now) {
      const state = query.get('state') ?? '';
      // One use only: the row goes whatever happens next.
      const row = state
        ? await db.deleteFrom('oidc_logins').where('state', '=', state).returningAll().executeTakeFirst()
        : undefined;
      if (!row || row.expires_at <= now.toISOString())
        throw new SignInError('expired', 'no sign-in is waiting for this state (unknown, used or expired)');
      if (!binding || sha256Hex(binding) !== row.binding_hash)
        throw new SignInError('expired', 'the sign-in was started in another browser');
      if (query.get('error'))
        throw new SignInError(
          'denied',
          `the provider answered ${query.get('error')}: ${query.get('error_description') ?? ''}`,
        );
      const server = await configuration();
      const callback = new URL(config.redirectUri);
      callback.search = query.toString();
      let claims: Record<string, unknown>;
      try {
        const tokens = await client.authorizationCodeGrant(server, callback, {
          pkceCodeVerifier: row.code_verifier,
          expectedState: state,
          expectedNonce: row.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        claims = { ...idClaims };
        // Many providers release groups only at the userinfo endpoint.
        // The ID token's claims win over the endpoint's.
        if (server.serverMetadata().userinfo_endpoint)
          claims = {
            ...(await client.fetchUserInfo(server, tokens.access_token, idClaims.sub)),
            ...idClaims,
          };
      } catch (error) {
        if (error instanceof SignInError) throw error;
        throw new SignInError('provider', `the code exchange failed: ${String(error)}`);
      }
      const mapped = mapClaims(server.serverMetadata().issuer, claims, config);
      if (!mapped.ok) throw new SignInError('refused', mapped.reason);
      return mapped.identity;
    },
  };
}
