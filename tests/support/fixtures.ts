import { test as base } from '@playwright/test';
import { removeDataDir, startHub, type HubProcess } from './hub-process.js';
import { KioskPage } from './kiosk-page.js';

/** Every test gets its own real hub process with its own SQLite data folder and port. */
export const test = base.extend<{ hub: HubProcess; kiosk: KioskPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixture argument to be destructured
  hub: async ({}, use) => {
    const hub = await startHub();
    await use(hub);
    await hub.stop();
    removeDataDir(hub.dataDir);
  },
  kiosk: async ({ page }, use) => {
    await use(new KioskPage(page));
  },
});

export { expect } from '@playwright/test';
