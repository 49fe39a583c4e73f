import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { testDialects, type TestDatabase } from '../testing/dialects.js';
import { TEST_CLERK, testSeed } from '../testing/test-hub.js';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './login-limits.js';
import { passwordHashing } from './passwords.js';

const WINDOW_MS = DEFAULT_LOGIN_LIMITS.windowSeconds * 1000;
const PROVIDER = 'provider-token-for-login-limit-tests';

const dialects = testDialects('login-limit');

describe.each(dialects)('login limits on %s', (_name, open) => {
  async function hubOn(
    database: TestDatabase,
    clock: { now: Date },
    limits: Partial<LoginLimits> = {},
  ): Promise<FastifyInstance> {
    // Refusals answer at once here; the pause before them is the flood test's business.
    const loginLimits = { refusalDelayMs: 0, ...limits };
    const app = buildHub({
      db: database.db,
      staticDir: '/nonexistent-unused',
      now: () => clock.now,
      loginLimits,
    });
    await app.ready();
    return app;
  }
  async function prepared(): Promise<TestDatabase> {
    const database = await open();
    await migrateToLatest(database.db);
    await seedIfEmpty(database.db, testSeed);
    await ensureProviderToken(database.db, PROVIDER, 'tests', new Date());
    return database;
  }
  const login = (
    app: FastifyInstance,
    password: string,
    username = TEST_CLERK.username,
    address = '10.0.0.7',
  ) =>
    app.inject({
      method: 'POST',
      url: API.clerkLogin,
      payload: { username, password },
      remoteAddress: address,
    });

  it('50 wrong passwords, then the right one: refused before hashing until the window passes, across a restart', async () => {
    const database = await prepared();
    const clock = { now: new Date('2030-03-04T08:00:00.000Z') };
    let app = await hubOn(database, clock);
    try {
      const hashesBefore = passwordHashing.started;
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++) statuses.push((await login(app, `wrong-${i}`)).statusCode);
      expect(statuses.slice(0, DEFAULT_LOGIN_LIMITS.perAccount)).toEqual(
        Array(DEFAULT_LOGIN_LIMITS.perAccount).fill(401),
      );
      expect(new Set(statuses.slice(DEFAULT_LOGIN_LIMITS.perAccount))).toEqual(new Set([429]));
      // Only the attempts within the limit ran scrypt; the refused ones cost none.
      expect(passwordHashing.started - hashesBefore).toBe(DEFAULT_LOGIN_LIMITS.perAccount);

      clock.now = new Date(clock.now.getTime() + 60_000);
      const right = await login(app, TEST_CLERK.password);
      expect(right.statusCode).toBe(429);
      expect(right.json()).toMatchObject({ error: 'too_many_attempts' });
      expect(Number(right.headers['retry-after'])).toBe(DEFAULT_LOGIN_LIMITS.windowSeconds - 60);

      // A restarted hub (or a second one on the same database) keeps counting.
      await app.close();
      app = await hubOn(database, clock);
      expect((await login(app, TEST_CLERK.password)).statusCode).toBe(429);

      clock.now = new Date(clock.now.getTime() + WINDOW_MS);
      expect((await login(app, TEST_CLERK.password)).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);

  it('a success forgives the account; the address limit holds across usernames', async () => {
    const database = await prepared();
    const clock = { now: new Date('2030-03-04T08:00:00.000Z') };
    // Small limits, so the test hashes a dozen passwords rather than fifty.
    const limits = { perAccount: 3, perAddress: 5 };
    const app = await hubOn(database, clock, limits);
    try {
      const almost = limits.perAccount - 1;
      for (let i = 0; i < almost; i++) expect((await login(app, 'wrong')).statusCode).toBe(401);
      expect((await login(app, TEST_CLERK.password)).statusCode).toBe(200);
      for (let i = 0; i < almost; i++) expect((await login(app, 'wrong')).statusCode).toBe(401);
      expect((await login(app, TEST_CLERK.password)).statusCode).toBe(200);

      // Guessing across many usernames from one address: the address runs out.
      const address = '192.0.2.44';
      for (let i = 0; i < limits.perAddress; i++)
        expect((await login(app, 'wrong', `guess-${i}`, address)).statusCode).toBe(401);
      expect((await login(app, TEST_CLERK.password, TEST_CLERK.username, address)).statusCode).toBe(429);
      // Another address is not affected.
      expect((await login(app, TEST_CLERK.password, TEST_CLERK.username, '192.0.2.45')).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});
