import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactDecrypt } from 'jose';
import type { Page } from '@playwright/test';
import { demoClerkPassword, DEMO_CLERK_USERNAME } from '../../demo/demo-credentials.js';
import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { SubmissionMetadata } from '../../protocol/submission.js';
import { demoKioskConfig, kioskUrl } from '../../scripts/kiosk-url.js';
import { mediaLaunchOptions } from '../support/call.js';
import {
  demoForm,
  demoOfficeDecryptionKey,
  demoPrivateKeyPath,
  hubDiskBytes,
  submissionsOnDisk,
} from '../support/demo.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { expect, test } from '../support/fixtures.js';
import type { KioskPage } from '../support/kiosk-page.js';

/**
 * Document photos end to end, with Chromium's fake camera, a real hub and the real kiosk: taken,
 * sealed at finalize, uploaded in chunks through a line that breaks in the middle, received
 * exactly once, decrypted and checked by the clerk.
 */
test.use({ launchOptions: mediaLaunchOptions() });

const parking = demoForm('anwohnerparkausweis');
const CHUNK = 4 * 1024;

/** Fills the parking-permit form, taking a photo of the registration certificate on its step. */
async function fillWithPhoto(kiosk: KioskPage, page: Page): Promise<void> {
  await kiosk.startInGerman();
  await kiosk.search(parking.service.name.de);
  await kiosk.openService(parking.service.name.de);
  await kiosk.startForm();
  for (const step of parking.form.ui.steps) {
    await expect(page.getByRole('heading', { level: 1, name: step.title.de })).toBeVisible();
    for (const name of step.fields) await kiosk.fillField(parking.form, name, parking.answers[name]);
    if (step.fields.includes('registrationPhoto')) await takePhoto(page);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
}

async function takePhoto(page: Page): Promise<void> {
  await expectUsable(page, 'Dokument fotografieren', 'photo field');
  await page.getByRole('button', { name: 'Dokument fotografieren' }).click();
  const preview = page.getByLabel('Kamerabild');
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((video) => (video as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await expectUsable(page, 'Auslösen', 'camera preview');
  await page.getByRole('button', { name: 'Auslösen' }).click();
  // Review: the picture, and the camera is off (no preview left in the page).
  await expect(page.getByRole('img', { name: 'Aufnahme 1' })).toBeVisible();
  await expect(page.getByLabel('Kamerabild')).toHaveCount(0);
  await expectUsable(page, 'Aufnahme übernehmen', 'review of the picture');
  await page.getByRole('button', { name: 'Aufnahme übernehmen' }).click();
  await expect(page.getByRole('button', { name: 'Entfernen: Aufnahme 1' })).toBeVisible();
  await expect(page.getByText('1 von höchstens 5 Dateien')).toBeVisible();
  await expectUsable(page, 'Entfernen: Aufnahme 1', 'thumbnail');
}

/** axe finds nothing (WCAG 2.1 AA) and the named button is a big touch target (>= 48 px). */
async function expectUsable(page: Page, button: string, where: string): Promise<void> {
  const box = await page.getByRole('button', { name: button }).boundingBox();
  expect(box?.height ?? 0, `${button} height`).toBeGreaterThanOrEqual(48);
  expect(box?.width ?? 0, `${button} width`).toBeGreaterThanOrEqual(48);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('.kiosk-keyboard-dock')
    .analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, where).toEqual([]);
}

/** How many rows a kiosk IndexedDB table holds, read straight from the browser. */
async function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('point-of-public-kiosk');
        open.onerror = () => reject(new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
    store,
  );
}

function uploadsOnDisk(
  dataDir: string,
): { attachment_id: string; length: number; received: number; completed_at: string | null }[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT attachment_id, length, received, completed_at FROM attachment_uploads')
      .all() as { attachment_id: string; length: number; received: number; completed_at: string | null }[];
  } finally {
    db.close();
  }
}

test('a document photo survives a broken upload: resumed at the hub’s offset, received once, decrypted and verified by the clerk', async ({
  hub,
  kiosk,
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const proxy = new FaultProxy(new URL(hub.url), 3, 0);
  // The line breaks in the middle of the upload: the hub stores the third chunk but its answer
  // is lost, and for 1.5 s nothing of the upload gets through (long enough that Chromium's own
  // retry of an idempotent PUT fails too, so the terminal has to resume by itself).
  let chunkPuts = 0;
  let cutUntil = 0;
  proxy.decide = (method, url) => {
    if (!url.includes('/attachments/')) return null;
    if (Date.now() < cutUntil) return 'reset-before';
    if (method === 'PUT' && ++chunkPuts === 3) {
      cutUntil = Date.now() + 1_500;
      return 'reset-after';
    }
    return 'pass';
  };
  const proxyUrl = await proxy.start();
  try {
    await page.goto(
      kioskUrl(
        proxyUrl,
        demoKioskConfig(proxyUrl, { attachments: { ...ATTACHMENT_DEFAULTS, uploadChunkBytes: CHUNK } }),
      ),
    );
    await kiosk.waitForContent();
    await fillWithPhoto(kiosk, page);
    await expect(page.getByText('foto-1.jpg')).toBeVisible(); // listed on the review
    const trackingCode = await kiosk.submit();
    // The plaintext photo left IndexedDB in the finalize transaction.
    expect(await storeCount(page, 'draftAttachments')).toBe(0);

    await expect(page.getByText('Der Antrag ist im Rathaus eingegangen.')).toBeVisible({ timeout: 90_000 });
    await expect.poll(() => kiosk.outboxSize()).toBe(0);

    // Exactly once at the hub, with one complete attachment that needed several chunks.
    const submissions = submissionsOnDisk(hub.dataDir);
    expect(submissions.map((s) => s.tracking_code)).toEqual([trackingCode]);
    const uploads = uploadsOnDisk(hub.dataDir);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload?.received).toBe(upload?.length);
    expect(upload?.completed_at).not.toBeNull();
    expect(upload?.length ?? 0).toBeGreaterThan(4 * CHUNK);
    // Resumed, not restarted: offset 0 went over the line once; after the break the terminal
    // asked the hub where it stood.
    const puts = proxy.requests.filter((r) => r.startsWith('PUT') && r.includes('/chunks'));
    expect(puts.filter((r) => r.includes('offset=0&'))).toHaveLength(1);
    const asks = proxy.requests.filter((r) => r.startsWith('GET') && /\/attachments\/[^/?]+$/.test(r));
    expect(asks.length).toBeGreaterThanOrEqual(1);

    // The clerk decrypts it in the browser and the hash matches the metadata record.
    const clerkContext = await browser.newContext();
    const clerk = await clerkContext.newPage();
    await clerk.goto(`${hub.url}/clerk/`);
    await clerk.getByLabel('Benutzername').fill(DEMO_CLERK_USERNAME);
    await clerk.getByLabel('Passwort').fill(demoClerkPassword());
    await clerk.getByRole('button', { name: 'Anmelden' }).click();
    await clerk.getByRole('link', { name: trackingCode }).click();
    await clerk.getByLabel('Schlüsseldatei (JWK)').setInputFiles(demoPrivateKeyPath(parking.form.officeId));
    await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
    await clerk.getByLabel('Passphrase wiederholen').fill('lange geheime Passphrase');
    await clerk.getByRole('button', { name: 'Schlüssel importieren' }).click();
    const image = clerk.getByRole('img', { name: 'foto-1.jpg' });
    await expect(image).toBeVisible();
    await expect(clerk.getByText('SHA-512 stimmt mit dem Metadatensatz überein.')).toBeVisible();
    await expect(clerk.getByRole('link', { name: 'foto-1.jpg herunterladen' })).toBeVisible();
    // The download the console offers is the decrypted photo itself.
    const [download] = await Promise.all([
      clerk.waitForEvent('download'),
      clerk.getByRole('link', { name: 'foto-1.jpg herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('foto-1.jpg');
    const shown = readFileSync(await download.path());
    expect(shown.subarray(0, 2).toString('hex')).toBe('ffd8'); // a JPEG from the camera

    // Independently of the console: the metadata, decrypted with jose, names this photo's hash.
    const { plaintext } = await compactDecrypt(
      submissions[0]?.metadata_jwe ?? '',
      await demoOfficeDecryptionKey(parking.form.officeId),
    );
    const metadata = SubmissionMetadata.parse(JSON.parse(new TextDecoder().decode(plaintext)));
    expect(metadata.attachments).toHaveLength(1);
    expect(metadata.attachments[0]).toMatchObject({
      name: 'foto-1.jpg',
      mediaType: 'image/jpeg',
      size: shown.length,
      fieldId: 'registrationPhoto',
      sha512: createHash('sha512').update(shown).digest('hex'),
    });
    // The hub's files hold only ciphertext of the photo.
    // (A camera test pattern has long runs of equal bytes; search with its most varied 64 bytes.)
    const slice = mostVaried(shown, 64);
    expect(new Set(slice).size).toBeGreaterThan(40);
    expect(hubDiskBytes(hub.dataDir).includes(slice.toString('latin1'))).toBe(false);
    await clerkContext.close();
  } finally {
    await proxy.stop();
  }
});

test('a photo too large for the terminal’s limits is refused at finalize with a clear message, and a scanner file at once', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  await fillWithPhoto(kiosk, page);

  // The provider lowers the limit while the citizen is on the review (the draft stays).
  const strict = { ...ATTACHMENT_DEFAULTS, maxBytes: 1024, fileInput: true };
  // A new page load, not a same-document fragment change: the address with the new config, then
  // a reload in the same tab (a detour through about:blank would drop the tab's name, and with it
  // the draft's key: renderer/kiosk/storage/session-vault.ts).
  await page.goto(kioskUrl(hub.url, demoKioskConfig(hub.url, { attachments: strict })));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(
    page.getByText('Problem mit „foto-1.jpg“: Die Datei ist zu groß. Erlaubt sind höchstens 1 KB.'),
  ).toBeVisible();
  expect(await kiosk.outboxSize()).toBe(0);
  expect(await storeCount(page, 'draftAttachments')).toBe(1); // nothing lost either
  expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);

  // Back to the step: the citizen removes the photo; a file from the scanner is checked at once.
  await page.getByRole('button', { name: 'Ändern: Ihr Fahrzeug' }).click();
  await page.getByRole('button', { name: 'Entfernen: Aufnahme 1' }).click();
  await expect(page.getByText('0 von höchstens 5 Dateien')).toBeVisible();
  const chooser = page.getByLabel('Datei vom Scanner wählen');
  await chooser.setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.alloc(5000, 1) });
  await expect(page.getByText('Die Datei ist zu groß. Erlaubt sind höchstens 1 KB.')).toBeVisible();
  await chooser.setInputFiles({ name: 'notiz.txt', mimeType: 'text/plain', buffer: Buffer.from('hallo') });
  await expect(
    page.getByText('Diese Art von Datei geht hier nicht. Erlaubt sind Fotos (JPEG, PNG) und PDF.'),
  ).toBeVisible();
  await expect(page.getByText('0 von höchstens 5 Dateien')).toBeVisible();
});

test('a required photo: the step does not go on without it, the message sits beside the field, and a draft that lost it cannot be sent', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  await kiosk.startInGerman();
  await kiosk.search(parking.service.name.de);
  await kiosk.openService(parking.service.name.de);
  await kiosk.startForm();
  const [first, second] = parking.form.ui.steps;
  for (const name of first?.fields ?? []) await kiosk.fillField(parking.form, name, parking.answers[name]);
  await kiosk.next();
  for (const name of second?.fields ?? []) await kiosk.fillField(parking.form, name, parking.answers[name]);

  // Labelled like the other required fields: no "(freiwillig)".
  const field = page.getByRole('group', { name: 'Foto des Fahrzeugscheins', exact: true });
  await expect(field).toBeVisible();
  await kiosk.next();
  await expect(page.getByRole('heading', { level: 1, name: second?.title.de })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Bitte korrigieren Sie 1 Angabe.');
  const missing = 'Dieses Dokument wird für den Antrag gebraucht. Bitte nehmen Sie es auf.';
  await expect(field.getByText(missing)).toBeVisible();
  await expect(field).toHaveAccessibleDescription(missing);
  await expectUsable(page, 'Dokument fotografieren', 'photo field with its message');

  await takePhoto(page);
  await expect(field.getByText(missing)).toHaveCount(0);
  await kiosk.next();
  await expect(
    page.getByRole('heading', { level: 1, name: parking.form.ui.steps[2]?.title.de }),
  ).toBeVisible();
  for (const name of parking.form.ui.steps[2]?.fields ?? [])
    await kiosk.fillField(parking.form, name, parking.answers[name]);
  await kiosk.next();
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
  await expect(page.getByText('foto-1.jpg')).toBeVisible();

  // The photo leaves the draft behind the screen's back (as after a crash between two writes);
  // the restored review says so, and "submit" leads back to the field instead of sending.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('point-of-public-kiosk');
        open.onerror = () => reject(new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('draftAttachments', 'readwrite');
          tx.objectStore('draftAttachments').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
  await expect(page.getByRole('main').getByText(missing)).toBeVisible();
  await page.getByRole('button', { name: 'Antrag abschicken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: second?.title.de })).toBeVisible();
  await expect(field.getByText(missing)).toBeVisible();
  expect(await kiosk.outboxSize()).toBe(0);
  expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);
});

/** The window of `size` bytes with the most distinct values: a needle that cannot occur by chance. */
function mostVaried(bytes: Buffer, size: number): Buffer {
  let best = 0;
  let bestCount = -1;
  for (let start = 0; start + size <= bytes.length; start += 8) {
    const count = new Set(bytes.subarray(start, start + size)).size;
    if (count > bestCount) [best, bestCount] = [start, count];
  }
  return bytes.subarray(best, best + size);
}

test('ending the session deletes the draft’s photos and turns off a camera left open', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  await kiosk.startInGerman();
  await kiosk.search(parking.service.name.de);
  await kiosk.openService(parking.service.name.de);
  await kiosk.startForm();
  const [first, second] = parking.form.ui.steps;
  for (const name of first?.fields ?? []) await kiosk.fillField(parking.form, name, parking.answers[name]);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: second?.title.de })).toBeVisible();
  await takePhoto(page);
  expect(await storeCount(page, 'draftAttachments')).toBe(1);

  // The citizen opens the camera again and walks away with the preview on.
  await page.getByRole('button', { name: 'Dokument fotografieren' }).click();
  const preview = page.getByLabel('Kamerabild');
  await expect
    .poll(() => preview.evaluate((video) => (video as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await preview.evaluate((video) => {
    (window as unknown as { heldStream: unknown }).heldStream = (video as HTMLVideoElement).srcObject;
  });
  await kiosk.endSession();
  expect(await storeCount(page, 'draftAttachments')).toBe(0);
  const live = await page.evaluate(
    () =>
      ((window as unknown as { heldStream: MediaStream }).heldStream.getTracks() ?? []).filter(
        (track) => track.readyState === 'live',
      ).length,
  );
  expect(live).toBe(0);
});

test('a terminal that takes fewer files than a form requires does not start it: the service says where to apply instead', async ({
  hub,
  kiosk,
  page,
}) => {
  const blueCard = demoForm('blaue-karte');
  await kiosk.open(hub.url, { attachments: { ...ATTACHMENT_DEFAULTS, maxCount: 4 } });
  await kiosk.waitForContent();
  await kiosk.startInGerman();
  await kiosk.search(blueCard.service.name.de);
  await kiosk.openService(blueCard.service.name.de);
  await expect(
    page.getByRole('status').filter({
      hasText:
        'Für diesen Antrag braucht es 5 Nachweise; dieses Terminal nimmt höchstens 4 Dateien auf. Bitte stellen Sie den Antrag im Amt.',
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Antrag hier ausfüllen' })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
