import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { LoginGate } from '../auth/login-limits.js';
import { clerkForIdentity } from '../auth/oidc/accounts.js';
import { OIDC_LOGIN_SECONDS, SignInError, type OidcSignIn } from '../auth/oidc/sign-in.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';

/** Binds a started sign-in to the browser that started it; sent back on the provider's redirect. */
export const OIDC_BINDING_COOKIE = 'pop_oidc_binding';
const BINDING_PATH = '/api/v1/clerk/oidc';
const CONSOLE = '/clerk/';

/** Sign-in through the municipality's OpenID provider, beside the local login. */
export function clerkOidcRoutes(
  db: HubKysely,
  sessions: ClerkSessions,
  logins: LoginGate,
  signIn: OidcSignIn | undefined,
  now: () => Date,
): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    route(app, contract.clerk.loginOptions, async () => ({
      oidc: signIn ? { label: signIn.config.buttonLabel } : null,
    }));

    const configured = (): OidcSignIn => {
      if (!signIn)
        throw new HttpError(404, {
          error: 'not_configured',
          message: 'This hub has no OpenID provider for clerks; use a local account.',
        });
      return signIn;
    };

    route(app, contract.clerk.oidcStart, async (request, reply) => {
      const provider = configured();
      // Each start counts against the address until a sign-in succeeds: starts cost a row each.
      await logins.admitOrThrow({ address: request.ip });
      let started;
      try {
        started = await provider.start(now());
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        request.log.error({ reason: error.message }, 'OpenID sign-in could not start');
        throw new HttpError(503, {
          error: 'provider_unreachable',
          message:
            'The sign-in service of the municipality cannot be reached. Try again later or use a local account.',
        });
      }
      reply.setCookie(OIDC_BINDING_COOKIE, started.binding, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from another site.
        sameSite: 'lax',
        path: BINDING_PATH,
        secure: request.protocol === 'https',
        maxAge: OIDC_LOGIN_SECONDS,
      });
      return reply.redirect(started.location, 302);
    });

    route(app, contract.clerk.oidcCallback, async (request, reply) => {
      const provider = configured();
      await logins.admitOrThrow({ address: request.ip });
      reply.clearCookie(OIDC_BINDING_COOKIE, { path: BINDING_PATH });
      const query = new URLSearchParams(request.raw.url?.split('?')[1] ?? '');
      try {
        const identity = await provider.finish(query, request.cookies[OIDC_BINDING_COOKIE], now());
        const username = await clerkForIdentity(db, identity, now());
        await logins.succeeded({ address: request.ip, account: username });
        await sessions.start(request, reply, username);
        request.log.info({ username }, 'clerk signed in through the OpenID provider');
        return reply.redirect(CONSOLE, 302);
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        return failed(request, reply, error);
      }
    });
  };
}

function failed(request: FastifyRequest, reply: FastifyReply, error: SignInError): FastifyReply {
  request.log.warn({ reason: error.reason, detail: error.message }, 'OpenID sign-in failed');
  return reply.redirect(`${CONSOLE}?signin=${error.reason}`, 302);
}
