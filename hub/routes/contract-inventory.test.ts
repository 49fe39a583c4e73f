import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allRoutes, PAGE_ROUTES } from '../../protocol/routes/index.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { testSeed } from '../testing/test-hub.js';

/** Every route the hub registers, as "METHOD path", seen by an onRoute hook (HEAD twins left out). */
async function registeredRoutes(): Promise<{
  routes: string[];
  contracted: string[];
  close(): Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pop-hub-inventory-'));
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  await seedIfEmpty(db, testSeed);
  // A static folder that exists, so the page routes are registered too.
  const app = buildHub({ db, staticDir: dataDir });
  const routes: string[] = [];
  const contracted: string[] = [];
  app.addHook('onRoute', (options) => {
    for (const method of [options.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push(`${method} ${options.url}`);
      const entry = options.config?.contract;
      if (entry) contracted.push(`${entry.method} ${entry.path}`);
    }
  });
  await app.ready();
  return {
    routes,
    contracted,
    async close() {
      await app.close();
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const inventory = await registeredRoutes();
afterAll(() => inventory.close());

describe('the route contract', () => {
  const contract = allRoutes().map(({ route }) => `${route.method} ${route.path}`);
  const pages = PAGE_ROUTES.map((page) => `${page.method} ${page.path}`);

  it('names every route the hub registers; a route outside it fails here', () => {
    const outside = inventory.routes.filter(
      (route) => !route.startsWith('OPTIONS ') && !contract.includes(route) && !pages.includes(route),
    );
    expect(outside, 'add these routes to protocol/routes and register them with route()').toEqual([]);
    expect(inventory.routes).toEqual(expect.arrayContaining([...pages, ...contract]));
  });

  it('answers CORS preflights only for routes of the contract a terminal calls', () => {
    const terminalPaths = allRoutes()
      .filter(
        ({ route }) =>
          route.audience === 'terminal' || route.path === '/api/v1/enroll' || route.path === '/api/v1/health',
      )
      .map(({ route }) => route.path);
    const preflights = inventory.routes
      .filter((route) => route.startsWith('OPTIONS '))
      .map((route) => route.slice(8));
    expect(preflights.length).toBeGreaterThan(5);
    for (const path of preflights) {
      const known = path.endsWith('/*')
        ? terminalPaths.some((terminal) => terminal.startsWith(path.slice(0, -1)))
        : terminalPaths.includes(path);
      expect(known, `preflight for ${path}`).toBe(true);
    }
  });

  it('has no entry the hub does not register, and no route twice', () => {
    expect(contract.filter((route) => !inventory.routes.includes(route))).toEqual([]);
    expect(new Set(contract).size).toBe(contract.length);
  });

  it('is where every API route was registered from (route() or a socket carrying its entry)', () => {
    // The API, and the probes outside /api that the contract names too.
    const api = inventory.routes.filter(
      (route) =>
        !route.startsWith('OPTIONS ') &&
        (route.split(' ')[1]?.startsWith('/api/') || contract.includes(route)),
    );
    expect([...api].sort()).toEqual([...inventory.contracted].sort());
  });
});
