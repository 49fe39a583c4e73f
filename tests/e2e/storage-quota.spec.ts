import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { isQuotaExceeded } from '../../renderer/kiosk/storage/quota.js';
import { chromiumFlags, findChromium } from '../../scripts/chromium.js';
import { demoForm, trackingCodesOnDisk } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';

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
  expect(trackingCodesOnDisk(hub.dataDir)).toEqual([...queued, third].sort());
});

/** Size of the disk under the real-quota browser's profile; Chromium grants an origin about 60 % of it. */
const SMALL_DISK = '64m';

/** Mounts a fresh tmpfs of the given size; throws, saying why, when the machine does not allow it. */
function mountSmallDisk(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pop-quota-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const reason = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    throw new Error(
      `This test needs a ${size} tmpfs for the browser profile, so that Chromium's real quota is small, ` +
        `and could not mount one (it must run as root, as CI does): ${reason}`,
      { cause: error },
    );
  }
  return dir;
}

function unmountSmallDisk(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Fills the origin's storage with a filler IndexedDB database of blobs: 2 MiB at a time until a
 * write fails, then ever smaller ones down to 1 KiB, so what is left is less than 1 KiB — room
 * for nothing a citizen sends. Returns the error the browser gave and its storage estimate.
 */
async function fillStorage(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pop-test-filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('blobs', { autoIncrement: true });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (bytes: number) =>
      new Promise<DOMException | null>((resolve) => {
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').add(new Blob([new Uint8Array(bytes)]));
        tx.oncomplete = () => resolve(null);
        tx.onabort = () => resolve(tx.error ?? new DOMException('aborted', 'AbortError'));
      });
    let error: DOMException | null = null;
    let filled = 0;
    for (let bytes = 2 * 1024 * 1024; bytes >= 1024 && filled < 2_000_000_000;) {
      const failed = await put(bytes);
      if (failed) {
        error ??= failed;
        bytes = Math.floor(bytes / 2);
      } else filled += bytes;
    }
    db.close();
    const estimate = await navigator.storage.estimate();
    return {
      filled,
      error: error && { name: error.name, message: error.message },
      usage: estimate.usage ?? 0,
      quota: estimate.quota ?? 0,
    };
  });
}

const deleteFiller = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('pop-test-filler');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('the filler database is still open'));
      }),
  );

test('a really full disk (browser profile on a small tmpfs): the storage-full message at finalize, the queued applications stay and arrive once after room is made', async ({
  hub,
}) => {
  test.setTimeout(180_000);
  const disk = mountSmallDisk(SMALL_DISK);
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    context = await chromium.launchPersistentContext(join(disk, 'profile'), {
      executablePath: findChromium() ?? undefined,
      args: [...chromiumFlags(), '--disable-gpu'],
      headless: true,
      viewport: { width: 1280, height: 1024 },
      hasTouch: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    await kiosk.waitForContent();

    // Two applications wait in the outbox while the line is down.
    await context.setOffline(true);
    const queued = [
      await kiosk.submitApplication(residence.service, residence.form, residence.answers),
      await kiosk.submitApplication(residence.service, residence.form, residence.answers),
    ];
    expect(await kiosk.outboxSize()).toBe(2);

    // Something else on the terminal fills the origin's storage until the browser refuses.
    const fill = await fillStorage(page);
    test.info().annotations.push({ type: 'storage', description: JSON.stringify(fill) });
    expect(fill.error, 'the browser refused a write when its storage ran out').not.toBeNull();
    expect(isQuotaExceeded(fill.error), `the kiosk recognises ${JSON.stringify(fill.error)}`).toBe(true);

    // A third citizen fills the form and submits: the plain message, nothing lost.
    await kiosk.startInGerman();
    await kiosk.search(residence.service.name.de);
    await kiosk.openService(residence.service.name.de);
    await kiosk.startForm();
    await kiosk.fillForm(residence.form, residence.answers);
    await page.getByRole('button', { name: TEXTS.de.submit }).click();
    await expect(page.getByRole('alert')).toHaveText(TEXTS.de.storageFull);
    await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.review })).toBeVisible();
    expect(await kiosk.outboxSize()).toBe(2);

    // Staff make room; the same citizen presses submit once more.
    await deleteFiller(page);
    await page.getByRole('button', { name: TEXTS.de.submit }).click();
    await expect(page.getByRole('heading', { name: TEXTS.de.receiptTitle })).toBeVisible();
    const third = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(await kiosk.outboxSize()).toBe(3);

    // The line comes back: all three arrive, each exactly once.
    await context.setOffline(false);
    await expect.poll(() => kiosk.outboxSize(), { timeout: 60_000 }).toBe(0);
    expect(trackingCodesOnDisk(hub.dataDir)).toEqual([...queued, third].sort());
  } finally {
    try {
      await context?.close();
    } finally {
      unmountSmallDisk(disk);
    }
  }
});
