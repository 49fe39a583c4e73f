import type { Page } from '@playwright/test';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { demoForm, submissionsOnDisk } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

/**
 * A full disk, injected where the browser reports it: while `__popStorageFull` is set, every
 * IndexedDB write throws the QuotaExceededError a browser throws when the quota is used up.
 * (CDP's Storage.overrideQuotaForOrigin, the usual way, has no effect in Debian's Chromium 156:
 * navigator.storage.estimate() keeps the 10 GB quota and writes go through, in incognito and
 * persistent contexts alike.) Reads and deletes keep working, as on a real full disk.
 */
function installStorageFullSwitch(): void {
  const full = () => (window as { __popStorageFull?: boolean }).__popStorageFull === true;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (full()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
}

const setStorageFull = (page: Page, full: boolean) =>
  page.evaluate((value) => {
    (window as { __popStorageFull?: boolean }).__popStorageFull = value;
  }, full);

test('a full disk at finalize: a clear message in the citizen’s language, the queued applications stay and arrive once when there is room again', async ({
  hub,
  kiosk,
  page,
  context,
}) => {
  await page.addInitScript(installStorageFullSwitch);
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  // Two applications wait in the outbox while the line is down.
  await context.setOffline(true);
  const queued = [
    await kiosk.submitApplication(residence.service, residence.form, residence.answers),
    await kiosk.submitApplication(residence.service, residence.form, residence.answers),
  ];
  expect(await kiosk.outboxSize()).toBe(2);

  // A third citizen starts; then the terminal's storage runs out.
  await kiosk.startInGerman();
  await kiosk.search(residence.service.name.de);
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await setStorageFull(page, true);

  // Saving the draft fails: the form goes on, with a notice that does not block.
  await kiosk.fillForm(residence.form, residence.answers);
  await expect(page.getByRole('status').filter({ hasText: TEXTS.de.draftNotSaved })).toBeVisible();

  // Finalizing fails: nothing half-written, a plain message, the answers still on screen.
  await page.getByRole('button', { name: TEXTS.de.submit }).click();
  await expect(page.getByRole('alert')).toHaveText(TEXTS.de.storageFull);
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.review })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(String(residence.answers['familyName']));
  for (const locale of ['tr', 'en'] as const) {
    await page.getByRole('banner').getByRole('button', { name: TEXTS[locale].languageName }).click();
    await expect(page.getByRole('alert')).toHaveText(TEXTS[locale].storageFull);
  }
  expect(await kiosk.outboxSize()).toBe(2);

  // Room again (staff freed space): the same citizen presses submit once more.
  await setStorageFull(page, false);
  await page.getByRole('button', { name: TEXTS.en.submit }).click();
  await expect(page.getByRole('heading', { name: TEXTS.en.receiptTitle })).toBeVisible();
  const third = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  expect(await kiosk.outboxSize()).toBe(3);

  // The line comes back: all three arrive, each exactly once.
  await context.setOffline(false);
  await expect.poll(() => kiosk.outboxSize(), { timeout: 60_000 }).toBe(0);
  const stored = submissionsOnDisk(hub.dataDir);
  expect(stored.map((s) => s.tracking_code).sort()).toEqual([...queued, third].sort());
});
