import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { expect, test } from '../support/fixtures.js';

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, where).toEqual([]);
}

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

  await page.getByLabel('Benutzername').fill('paul');
  await page.getByLabel('Name', { exact: true }).fill('Paul Schmidt');
  await page.getByRole('button', { name: 'Einladen' }).click();
  await expect(page.getByText(/paul ist eingeladen\. Erstpasswort/)).toBeVisible();
  await page.getByRole('button', { name: 'paul sperren' }).click();
  const accounts = page.getByRole('region', { name: 'Konten' });
  await expect(accounts.getByRole('row', { name: /^paul / })).toContainText('gesperrt');

  const audit = page.getByRole('region', { name: 'Protokoll' });
  await expect(audit).toContainText('office.key.add');
  await expect(audit).toContainText('clerk.disable');
  await expectAxeClean(page, 'console after actions');
});
