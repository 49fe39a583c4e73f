import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { certificateForm } from '../../hub/testing/fixture-content.js';
import { demoKioskConfig } from '../../scripts/kiosk-url.js';
import { expect, test } from '../support/fixtures.js';

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, where).toEqual([]);
}

/** A demo hub's new admin, signed in with a password of their own, on the console. */
async function signedInAdmin(hubUrl: string, page: Page, username: string): Promise<void> {
  const invited = await fetch(`${hubUrl}/api/v1/provider/admins`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_PROVIDER_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username, displayName: 'Berta Admin' }),
  });
  expect(invited.status).toBe(201);
  const { initialPassword } = (await invited.json()) as { initialPassword: string };
  await page.goto(`${hubUrl}/admin/`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(initialPassword);
  await page.keyboard.press('Enter');
  await page.getByLabel('Erstpasswort').fill(initialPassword);
  await page.getByLabel('Neues Passwort').fill(`${username}-eigenes-passwort`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ämter und Schlüssel' })).toBeVisible();
}

test('an admin creates an office with hours, writes a service in two languages beside the kiosk preview, publishes and withdraws its form', async ({
  hub,
  page,
}) => {
  test.setTimeout(240_000);
  await signedInAdmin(hub.url, page, 'berta');
  const nav = page.getByRole('navigation', { name: 'Bereiche der Verwaltung' });

  // A new office: its key pair is made in the browser at creation, the private half downloaded.
  await page.getByRole('button', { name: 'Amt anlegen' }).click();
  const officeForm = page.getByRole('form', { name: 'Neues Amt' });
  await officeForm.getByLabel('Kennung').fill('friedhofsamt');
  await officeForm.getByLabel('Name', { exact: true }).fill('Friedhofsamt Lindenau');
  await officeForm.getByLabel('Straße und Hausnummer').fill('Marktplatz 2');
  await officeForm.getByLabel('Postleitzahl').fill('0123');
  await officeForm.getByLabel('Ort').fill('Lindenau');
  await officeForm.getByLabel('Telefon').fill('03456 7890');
  await officeForm.getByLabel('E-Mail').fill('ordnung@lindenau.example');
  const hours = officeForm.getByRole('group', { name: 'Öffnungszeiten' });
  await hours.getByRole('button', { name: 'Zeitraum hinzufügen' }).click();
  await hours.getByLabel('bis').fill('11:30');
  await expectAxeClean(page, 'office editor');
  // A malformed postal code is named by the hub, and nothing is created.
  await officeForm.getByRole('button', { name: 'Amt anlegen' }).click();
  await expect(page.getByText(/address\.postalCode/)).toBeVisible({ timeout: 60_000 });
  await expect(officeForm).toBeVisible();
  await officeForm.getByLabel('Postleitzahl').fill('01234');
  const download = page.waitForEvent('download');
  await officeForm.getByRole('button', { name: 'Amt anlegen' }).click();
  const privateJwk = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { kid: string };
  await expect(
    page.getByText(`Friedhofsamt Lindenau ist angelegt, Schlüssel ${privateJwk.kid} ist aktuell`),
  ).toBeVisible({
    timeout: 60_000,
  });
  const offices = (await (await page.request.get(`${hub.url}/api/v1/clerk/admin/offices`)).json()) as {
    offices: { id: string; openingHours: unknown[] }[];
  };
  expect(offices.offices.find((o) => o.id === 'friedhofsamt')?.openingHours).toEqual([
    { day: 'mon', from: '08:00', to: '11:30' },
  ]);

  // A service, German and English, previewed by the kiosk's own screen as it is typed.
  await nav.getByRole('button', { name: 'Leistungen und Formulare' }).click();
  await page.getByRole('button', { name: 'Leistung anlegen' }).click();
  const serviceForm = page.getByRole('form', { name: 'Neue Leistung' });
  await serviceForm.getByLabel(/^Kennung/).fill('sondernutzung');
  await serviceForm.getByLabel('Leistungsschlüssel').fill('99066015000000');
  await serviceForm.getByLabel('Zuständiges Amt').selectOption('friedhofsamt');
  await serviceForm.getByLabel('Kategorie').selectOption('wohnen');
  await serviceForm.getByLabel('Name (Deutsch)').fill('Sondernutzung beantragen');
  await serviceForm.getByLabel('Kurztext (Deutsch)').fill('Straße für ein Fest nutzen');
  await serviceForm
    .getByLabel('Beschreibung (Absätze durch Leerzeilen) (Deutsch)')
    .fill('Wer die Straße nutzt, beantragt es.');
  await serviceForm
    .getByLabel('Erforderliche Unterlagen (eine je Zeile) (Deutsch)')
    .fill('Lageplan\nPersonalausweis');
  await serviceForm.getByLabel('Bearbeitungsdauer (Deutsch)').fill('zwei Wochen');
  const preview = page.frameLocator('iframe[title^="Vorschau von"]');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Sondernutzung beantragen');
  await expect(preview.getByText('Friedhofsamt Lindenau')).toBeVisible();
  await expect(preview.getByRole('listitem').filter({ hasText: 'Lageplan' })).toBeVisible();
  await serviceForm.getByLabel('Sprache hinzufügen').selectOption('en');
  await serviceForm.getByLabel('Name (Englisch)').fill('Special use of a street');
  await serviceForm.getByLabel('Erforderliche Unterlagen (eine je Zeile) (Englisch)').fill('Site plan');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Special use of a street');
  await expect(preview.locator('html')).toHaveAttribute('lang', 'en');
  await expectAxeClean(page, 'service editor');
  await serviceForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Sondernutzung beantragen ist gespeichert')).toBeVisible();
  const card = page.getByRole('article', { name: 'Sondernutzung beantragen' });
  await expect(card).toContainText('kein Formular');

  // A form as JSON (what the FIM importer writes), published as a version of its own.
  const dir = await mkdtemp(join(tmpdir(), 'pop-admin-form-'));
  const formFile = join(dir, 'sondernutzung.json');
  await writeFile(
    formFile,
    JSON.stringify({ ...certificateForm, id: 'sondernutzung-antrag', officeId: 'friedhofsamt' }),
  );
  await card.getByLabel('Formular für Sondernutzung beantragen veröffentlichen').setInputFiles(formFile);
  await expect(
    page.getByText(/Formular sondernutzung-antrag ist als Version 1 veröffentlicht/),
  ).toBeVisible();
  await expect(card).toContainText('Formular: sondernutzung-antrag');
  const notJson = join(dir, 'kaputt.json');
  await writeFile(notJson, '{ "id": ');
  await card.getByLabel('Formular für Sondernutzung beantragen veröffentlichen').setInputFiles(notJson);
  await expect(page.getByText('kaputt.json ist keine JSON-Datei')).toBeVisible();

  const terminal = await page.request.get(`${hub.url}/api/v1/content`, {
    headers: { authorization: `Bearer ${String(demoKioskConfig(hub.url)['terminalToken'])}` },
  });
  const content = (await terminal.json()) as { services: { id: string; name: { en?: string } }[] };
  expect(content.services.find((s) => s.id === 'sondernutzung')?.name.en).toBe('Special use of a street');

  await card.getByRole('button', { name: 'Formular sondernutzung-antrag zurückziehen' }).click();
  await expect(page.getByText('Formular sondernutzung-antrag ist zurückgezogen.')).toBeVisible();
  await card.getByRole('button', { name: 'Sondernutzung beantragen zurückziehen' }).click();
  await expect(page.getByText(/Sondernutzung beantragen ist zurückgezogen/)).toBeVisible();
  await expect(card).toHaveCount(0);

  // The audit log, filtered and exported as the hub writes it.
  await nav.getByRole('button', { name: 'Protokoll' }).click();
  await page.getByLabel('Aktion (z. B. office.create)').fill('service.create');
  const audit = page.getByRole('region', { name: 'Protokoll' });
  await expect(audit.getByRole('row')).toHaveCount(2);
  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als CSV herunterladen' }).click();
  const exported = await readFile(await (await csv).path(), 'utf8');
  expect(exported.split('\n')[0]).toContain('action');
  expect(exported).toContain('service:sondernutzung');
  expect(exported).not.toContain('office.create');
  await expectAxeClean(page, 'audit');
});

test('an admin signs in, chooses a password, makes an office key in the browser, invites and disables a clerk', async ({
  hub,
  page,
}) => {
  test.setTimeout(180_000);
  const invited = await fetch(`${hub.url}/api/v1/provider/admins`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_PROVIDER_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ada', displayName: 'Ada Admin' }),
  });
  expect(invited.status).toBe(201);
  const { initialPassword } = (await invited.json()) as { initialPassword: string };

  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Benutzername').fill('ada');
  await page.getByLabel('Passwort').fill(initialPassword);
  await expectAxeClean(page, 'login');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Eigenes Passwort wählen' })).toBeVisible();
  await page.getByLabel('Erstpasswort').fill(initialPassword);
  await page.getByLabel('Neues Passwort').fill('adas-eigenes-passwort');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Ämter und Schlüssel' })).toBeVisible();
  await expectAxeClean(page, 'console');

  // The key pair is made here, in the browser; only the public half goes to the hub.
  const keyButton = page.getByRole('button', { name: /^Neuen Schlüssel für / }).first();
  const download = page.waitForEvent('download');
  await keyButton.focus();
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  const privateJwk = JSON.parse(await readFile(file, 'utf8')) as { d: string; kid: string; alg: string };
  expect(privateJwk).toMatchObject({ alg: 'RSA-OAEP-256' });
  expect(privateJwk.d.length).toBeGreaterThan(600);
  await expect(page.getByText(`Schlüssel ${privateJwk.kid} ist jetzt aktuell`)).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('listitem').filter({ hasText: privateJwk.kid })).toContainText('aktuell');
  const offices = await page.request.get(`${hub.url}/api/v1/clerk/admin/offices`);
  const stored = await offices.text();
  expect(stored).toContain(privateJwk.kid);
  expect(stored).not.toContain(privateJwk.d);

  await page
    .getByRole('navigation', { name: 'Bereiche der Verwaltung' })
    .getByRole('button', { name: 'Konten' })
    .click();
  await page.getByLabel('Benutzername').fill('paul');
  await page.getByLabel('Name', { exact: true }).fill('Paul Schmidt');
  await page.getByRole('button', { name: 'Einladen' }).click();
  await expect(page.getByText(/paul ist eingeladen\. Erstpasswort/)).toBeVisible();
  await page.getByRole('button', { name: 'paul sperren' }).click();
  const accounts = page.getByRole('region', { name: 'Konten' });
  await expect(accounts.getByRole('row', { name: /^paul / })).toContainText('gesperrt');

  await page.getByRole('button', { name: 'Erstpasswort für paul erzeugen' }).click();
  await expect(page.getByText(/Neues Erstpasswort für paul/)).toBeVisible();
  await page.getByRole('button', { name: 'paul entsperren' }).click();
  await expect(accounts.getByRole('row', { name: /^paul / })).toContainText('aktiv');

  await page
    .getByRole('navigation', { name: 'Bereiche der Verwaltung' })
    .getByRole('button', { name: 'Protokoll' })
    .click();
  const audit = page.getByRole('region', { name: 'Protokoll' });
  await expect(audit).toContainText('office.key.add');
  await expect(audit).toContainText('clerk.enable');
  await expect(audit).toContainText('clerk.disable');
  await expectAxeClean(page, 'console after actions');
});
