import { defineConfig } from '@playwright/test';
import { chromiumFlags, findChromium } from './scripts/chromium.js';

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: './tests',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  use: {
    headless: true,
    serviceWorkers: 'allow',
    viewport: { width: 1280, height: 1024 },
    hasTouch: true,
    launchOptions: { executablePath, args: [...chromiumFlags(), '--disable-gpu'] },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testDir: './tests/e2e' },
    { name: 'electron', testDir: './tests/electron' },
    // The calendar spec with the clock moved; `npm run test:dates` runs it.
    { name: 'dates', testDir: './tests/dates' },
  ],
});
