import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { API, CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import { contract, pathOf } from '../../protocol/routes/index.js';
import { migrateToLatest } from '../db/migrate.js';
import type { HubKysely } from '../db/schema.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { testDialects, type OpenTestDatabase } from './dialects.js';
import { testSeed } from './test-hub.js';
import { testProviderKeys } from './fleet.js';

export const ADMIN_PROVIDER_TOKEN = 'provider-token-for-admin-tests-0123456789';
export const ADMIN_PROVIDER_NAME = 'kdn-operations';

export interface AdminTestHub {
  app: FastifyInstance;
  db: HubKysely;
  close(): Promise<void>;
}

/** The dialects the administration is tested on: SQLite always, PostgreSQL when configured. */
export function adminDialects(): [string, OpenTestDatabase][] {
  return testDialects('administration');
}

/** A seeded hub with a provider token; each test file makes its admin through the provider route. */
export async function startAdminHub(open: OpenTestDatabase): Promise<AdminTestHub> {
  const { db, close } = await open();
  await migrateToLatest(db);
  await seedIfEmpty(db, testSeed);
  await ensureProviderToken(db, ADMIN_PROVIDER_TOKEN, ADMIN_PROVIDER_NAME, new Date());
  const app = buildHub({
    db,
    staticDir: '/nonexistent-static',
    checkAnswers: true,
    providerKeys: testProviderKeys,
    loginLimits: { perAccount: 1000, perAddress: 1000 },
  });
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await close();
    },
  };
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: API.clerkLogin, payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`login failed with ${response.statusCode}: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === CLERK_SESSION_COOKIE);
  if (!cookie) throw new Error('login set no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** Creates an admin through the provider route and logs in with an own password: the cookie. */
export async function firstAdmin(
  app: FastifyInstance,
  username = 'admin',
  password = 'eigenes-Passwort-1',
): Promise<string> {
  const invited = await app.inject({
    method: 'POST',
    url: contract.adminProvider.createAdmin.path,
    headers: { authorization: `Bearer ${ADMIN_PROVIDER_TOKEN}` },
    payload: { username, displayName: 'Ada Admin' },
  });
  if (invited.statusCode !== 201) throw new Error(`createAdmin failed: ${invited.body}`);
  const { initialPassword } = invited.json<{ initialPassword: string }>();
  const cookie = await login(app, username, initialPassword);
  const changed = await app.inject({
    method: 'POST',
    url: contract.account.changePassword.path,
    headers: { cookie },
    payload: { currentPassword: initialPassword, newPassword: password },
  });
  if (changed.statusCode !== 204) throw new Error(`password change failed: ${changed.body}`);
  return cookie;
}

/** One admin request with the session cookie. */
export function adminCall(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  params: Record<string, string> = {},
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: pathOf(path, params),
    headers: { cookie },
    ...(method === 'GET' ? {} : { payload: (payload ?? {}) as object }),
  });
}

/** RSA public JWKs as office-keygen writes them (made once per file: 4096-bit keys are slow). */
export function publicJwk(bits = 4096, kid = `k-${bits}-${Math.random().toString(36).slice(2, 8)}`) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const common = { kid, alg: 'RSA-OAEP-256', use: 'enc' };
  return {
    public: { ...publicKey.export({ format: 'jwk' }), ...common },
    private: { ...privateKey.export({ format: 'jwk' }), ...common },
  };
}
