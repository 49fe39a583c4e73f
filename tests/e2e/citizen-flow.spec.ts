import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import {
  asDiskText,
  demoForm,
  demoPrivateKeyPath,
  hubDiskBytes,
  submissionsOnDisk,
} from '../support/demo.js';
import { openClerkConsole } from '../support/clerk.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

test('browse, fill, submit offline, receipt, reconnect: the hub holds it exactly once and the clerk sees it', async ({
  hub,
  kiosk,
  page,
  context,
  browser,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.waitOnline();

  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await kiosk.fillForm(residence.form, residence.answers);

  // The line goes down before the citizen presses "submit".
  await context.setOffline(true);
  await expect(kiosk.status).toContainText('Offline');
  const trackingCode = await kiosk.submit();
  expect(trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(
    page.getByText('wird automatisch gesendet, sobald das Terminal wieder verbunden ist'),
  ).toBeVisible();
  await expect(kiosk.status).toContainText('1 Antrag wartet auf Versand');
  expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);
  // Finalized means encrypted: the outbox in IndexedDB holds ciphertext only, the draft is gone.
  const onTerminal = await kiosk.everythingStored();
  for (const field of ['familyName', 'givenNames', 'placeOfBirth']) {
    expect(onTerminal).not.toContain(String(residence.answers[field]));
  }

  // The line comes back: the outbox sends by itself.
  await context.setOffline(false);
  await expect(page.getByText('Der Antrag ist im Rathaus eingegangen.')).toBeVisible();
  await expect(kiosk.status).not.toContainText('wartet auf Versand');
  const stored = submissionsOnDisk(hub.dataDir);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.tracking_code).toBe(trackingCode);
  // End-to-end encrypted: nothing the citizen typed is on the hub's disk in the clear.
  expect(stored[0]?.data_jwe.split('.')).toHaveLength(5);
  const disk = hubDiskBytes(hub.dataDir);
  const typed = residence.answers as Record<string, unknown> & { address: { street: string } };
  for (const text of [
    typed['familyName'],
    typed['givenNames'],
    typed.address.street,
    typed['placeOfBirth'],
  ]) {
    expect(disk).not.toContain(asDiskText(String(text)));
  }

  // The clerk logs in to the console and finds the application.
  const { context: clerkContext, clerk } = await openClerkConsole(browser, hub.url);
  const table = clerk.getByRole('table', { name: 'Eingegangene Anträge' });
  await expect(table.getByRole('link', { name: trackingCode })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // header + exactly one application
  await table.getByRole('link', { name: trackingCode }).click();
  await expect(clerk.getByRole('heading', { level: 1 })).toContainText(trackingCode);
  // The first time, the clerk imports the office key under a passphrase; the browser decrypts.
  await clerk.getByLabel('Schlüsseldatei (JWK)').setInputFiles(demoPrivateKeyPath(residence.form.officeId));
  await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
  await clerk.getByLabel('Passphrase wiederholen').fill('lange geheime Passphrase');
  await clerk.getByRole('button', { name: 'Schlüssel importieren' }).click();
  await expect(clerk.getByText(String(residence.answers['familyName']), { exact: true })).toBeVisible();
  await expect(clerk.getByText(String(residence.answers['givenNames']), { exact: true })).toBeVisible();
  await expect(clerk.getByText('Prüfung des Antrags')).toHaveCount(0); // hash and form checks passed
  // Labels, option texts and dates in German, as the clerk reads them — not the stored values.
  const answerRow = (label: string) => clerk.locator('.clerk-pairs__row').filter({ hasText: label });
  await expect(answerRow('Art der Wohnung')).toContainText('Hauptwohnung');
  await expect(answerRow('Geschlecht')).not.toContainText(String(residence.answers['sex']));
  const birthday = String(residence.answers['dateOfBirth']);
  await expect(answerRow('Geburtsdatum')).toContainText(birthday.split('-').reverse().join('.'));
  await expect(answerRow('Geburtsdatum')).not.toContainText(birthday);

  // After a reload the key is stored but locked: the passphrase opens it, a wrong one does not.
  await clerk.reload();
  await clerk.getByLabel('Passphrase', { exact: true }).fill('falsche Passphrase!');
  await clerk.getByRole('button', { name: 'Entsperren' }).click();
  await expect(clerk.getByRole('alert')).toContainText('Die Passphrase ist falsch.');
  await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
  await clerk.getByRole('button', { name: 'Entsperren' }).click();
  await expect(clerk.getByText(String(residence.answers['familyName']), { exact: true })).toBeVisible();

  // The clerk sets a status; the citizen asks for it at the terminal with the tracking code.
  await clerk.getByLabel('Status', { exact: true }).selectOption({ label: 'In Bearbeitung' });
  await clerk.getByLabel('Nachricht (höchstens 500 Zeichen)').fill('Bitte bringen Sie Ihren Ausweis mit.');
  await clerk.getByRole('button', { name: 'Status speichern' }).click();
  await expect(clerk.getByText('Der Status ist gespeichert.')).toBeVisible();
  await clerkContext.close();

  await page.getByRole('button', { name: 'Fertig' }).click();
  await kiosk.startInGerman();
  await page.getByRole('button', { name: 'Stand eines Antrags abfragen' }).click();
  await page.getByLabel('Ihre Vorgangsnummer').fill(trackingCode.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Abfragen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'In Bearbeitung' })).toContainText(
    'Bitte bringen Sie Ihren Ausweis mit.',
  );
  // In Arabic the date of the status names its month in Arabic.
  await page.getByRole('banner').getByRole('button', { name: TEXTS.ar.languageName }).click();
  const arabicStatus = page.getByRole('status').filter({ hasText: TEXTS.ar.statusNames['in-progress'] });
  await expect(arabicStatus).toContainText('الحالة بتاريخ');
  await expect(arabicStatus).not.toContainText(
    /January|February|March|April|May|June|July|August|September|October|November|December/,
  );
});

test('after the first sync the kiosk opens and works with the network cut, even after a reload', async ({
  hub,
  kiosk,
  page,
  context,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await expect(page.locator('.kiosk-service').first()).toBeVisible();
  // The service worker has precached the app shell and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await kiosk.startInGerman();
  await expect(kiosk.status).toContainText('Offline');
  await kiosk.search('Hund');
  const dogTax = demoForm('hundesteuer-anmeldung');
  await kiosk.openService(dogTax.service.name.de);
  await kiosk.startForm();
  await kiosk.fillForm(dogTax.form, dogTax.answers);
  const code = await kiosk.submit();

  // Also a restart of the whole kiosk (a new page) without network still opens it.
  await page.close();
  const second = await context.newPage();
  await second.goto(`${hub.url}/kiosk/`);
  await expect(second.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
  await expect(second.locator('.kiosk-topbar__status')).toHaveCount(0); // attract screen: no top bar

  await context.setOffline(false);
  await expect
    .poll(() => submissionsOnDisk(hub.dataDir).map((s) => s.tracking_code), { timeout: 30_000 })
    .toEqual([code]);
});

test('a reload in the middle of a form keeps what the citizen typed', async ({ hub, kiosk, page }) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('Sperrmüll');
  const bulky = demoForm('sperrmuell-abholung');
  await kiosk.openService(bulky.service.name.de);
  await kiosk.startForm();
  const firstStep = bulky.form.ui.steps[0];
  if (!firstStep) throw new Error('form without steps');
  for (const name of firstStep.fields) await kiosk.fillField(bulky.form, name, bulky.answers[name]);
  await kiosk.next();
  await expect(page.getByRole('heading', { level: 1, name: bulky.form.ui.steps[1]?.title.de })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: bulky.form.ui.steps[1]?.title.de })).toBeVisible();
  await kiosk.page.getByRole('button', { name: 'Zurück', exact: true }).click();
  const firstField = firstStep.fields[0] ?? '';
  const label = bulky.form.ui.fields[firstField]?.label.de ?? '';
  await expect(page.getByLabel(label, { exact: true })).toHaveValue(String(bulky.answers[firstField]));
});
