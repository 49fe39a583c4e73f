import type { BrowserContext, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEMO_CLERK_USERNAME } from '../../demo/demo-credentials.js';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import type { Office } from '../../protocol/catalog.js';
import { demoForm, submissionsOnDisk } from '../support/demo.js';
import { openClerkConsole } from '../support/clerk.js';
import { expect, test } from '../support/fixtures.js';
import type { KioskPage } from '../support/kiosk-page.js';

const residence = demoForm('wohnsitz-anmeldung');

/** The office loses every key the terminal knows (a rotation gone wrong): the hub must refuse. */
function dropOfficeKeys(dataDir: string, officeId: string): void {
  const db = new Database(join(dataDir, 'hub.sqlite'));
  try {
    const row = db.prepare('SELECT document FROM offices WHERE id = ?').get(officeId) as { document: string };
    const office = JSON.parse(row.document) as Office;
    office.encryptionKeys = office.encryptionKeys.map((key) => ({ ...key, kid: `${key.kid}-replaced` }));
    db.prepare('UPDATE offices SET document = ? WHERE id = ?').run(JSON.stringify(office), officeId);
  } finally {
    db.close();
  }
}

/**
 * A citizen fills the residence form and submits while the line is down; sealed to the key the
 * terminal knows, while meanwhile the town hall loses that key. Then the line returns.
 */
async function submitWhileTheKeyIsLost(
  hubUrl: string,
  dataDir: string,
  kiosk: KioskPage,
  context: BrowserContext,
): Promise<void> {
  await kiosk.open(hubUrl);
  await kiosk.waitForContent();
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await kiosk.search(residence.service.name.de);
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await kiosk.fillForm(residence.form, residence.answers);
  await context.setOffline(true);
  await expect(kiosk.status).toContainText('Offline');
  await kiosk.submit();
  dropOfficeKeys(dataDir, residence.form.officeId);
  await context.setOffline(false);
}

interface Entry {
  id: string;
  state: string;
  lastError: string | null;
}

/** The kiosk's outbox straight from IndexedDB. */
function outboxEntries(page: Page): Promise<Entry[]> {
  return page.evaluate(
    () =>
      new Promise<Entry[]>((resolve, reject) => {
        const open = indexedDB.open('point-of-public-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => {
            resolve((all.result as Entry[]).map(({ id, state, lastError }) => ({ id, state, lastError })));
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('an application the hub refuses for good is quarantined on the terminal and shown with its reason in the fleet and clerk consoles', async ({
  hub,
  kiosk,
  page,
  context,
  browser,
}) => {
  await submitWhileTheKeyIsLost(hub.url, hub.dataDir, kiosk, context);

  // The hub answers 422 unknown_key: the entry stays on the terminal, in quarantine.
  await expect
    .poll(() => outboxEntries(page), { timeout: 30_000 })
    .toEqual([
      expect.objectContaining({ state: 'quarantined', lastError: expect.stringContaining('holds no key') }),
    ]);
  expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);
  const [entry] = await outboxEntries(page);
  const submissionId = entry?.id ?? '';
  expect(submissionId).not.toBe('');

  // The provider sees it under the terminal, with the reason and a way to try again.
  const providerContext = await browser.newContext();
  const fleet = await providerContext.newPage();
  await fleet.goto(`${hub.url}/fleet/`);
  await fleet.getByLabel('Provider-Token').fill(DEMO_PROVIDER_TOKEN);
  await fleet.getByRole('button', { name: 'Anmelden' }).click();
  const quarantine = fleet.getByRole('region', { name: /Anträge in Quarantäne/ });
  await expect(quarantine).toContainText('(1)', { timeout: 30_000 });
  const row = quarantine.getByRole('row', { name: new RegExp(submissionId) });
  await expect(row).toContainText(`holds no key`);
  await expect(row).toContainText(residence.form.officeId);
  await expect(quarantine.getByRole('table')).toHaveAccessibleName(/demo-terminal-1|Demo/);
  await row.getByRole('button', { name: `Antrag ${submissionId} auf demo-terminal-1 erneut senden` }).click();
  await expect(row).toContainText('Erneuter Versuch angefordert');

  // The clerk of the office sees it too — which terminal, why, since when — without any answers.
  const { context: clerkContext, clerk } = await openClerkConsole(browser, hub.url);
  const panel = clerk.getByRole('region', { name: '1 Antrag hängt auf einem Terminal fest' });
  await expect(panel).toContainText('Auf Terminal');
  await expect(panel).toContainText('holds no key');
  // Named as the clerk knows them, not by their ids.
  await expect(panel).toContainText('Amt: Bürgerbüro (Einwohnermeldeamt)');
  await expect(panel).toContainText(`Formular „${residence.form.title.de}“`);
  for (const field of ['familyName', 'givenNames']) {
    await expect(panel).not.toContainText(String(residence.answers[field]));
  }

  // The office gets its key back, the terminal picks up the retry and the application arrives once.
  {
    const db = new Database(join(hub.dataDir, 'hub.sqlite'));
    const row = db.prepare('SELECT document FROM offices WHERE id = ?').get(residence.form.officeId) as {
      document: string;
    };
    const office = JSON.parse(row.document) as Office;
    office.encryptionKeys = office.encryptionKeys.map((key) => ({
      ...key,
      kid: key.kid.replace(/-replaced$/, ''),
    }));
    db.prepare('UPDATE offices SET document = ? WHERE id = ?').run(
      JSON.stringify(office),
      residence.form.officeId,
    );
    db.close();
  }
  await expect
    .poll(() => submissionsOnDisk(hub.dataDir).map((s) => s.id), { timeout: 60_000 })
    .toEqual([submissionId]);
  await expect.poll(() => kiosk.outboxSize(), { timeout: 30_000 }).toBe(0);
  await expect(quarantine).toContainText('(0)', { timeout: 30_000 });
  await providerContext.close();
  await clerkContext.close();
});

test('an application no fix can deliver is discarded on the office’s decision: gone from the terminal, kept in the audit trail with the reason', async ({
  hub,
  kiosk,
  page,
  context,
  browser,
}) => {
  await submitWhileTheKeyIsLost(hub.url, hub.dataDir, kiosk, context); // and the key never comes back
  await expect
    .poll(() => outboxEntries(page), { timeout: 30_000 })
    .toEqual([expect.objectContaining({ state: 'quarantined' })]);
  const [entry] = await outboxEntries(page);
  const submissionId = entry?.id ?? '';

  const { context: clerkContext, clerk } = await openClerkConsole(browser, hub.url);
  const panel = clerk.getByRole('region', { name: '1 Antrag hängt auf einem Terminal fest' });
  await expect(panel).toContainText('holds no key', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Löschen anordnen …' }).click();
  const reason = panel.getByLabel('Begründung (mindestens 10 Zeichen)');
  // Too short a reason is refused in place, and nothing is ordered.
  await reason.fill('weg');
  await panel.getByRole('button', { name: 'Endgültig löschen lassen' }).click();
  await expect(reason).toHaveAccessibleDescription(/mindestens 10 Zeichen/);
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  const because = 'Schlüssel verloren; Frau Schneider hat sich persönlich angemeldet.';
  await reason.fill(because);
  await panel.getByRole('button', { name: 'Endgültig löschen lassen' }).click();
  await expect(panel).toContainText('Löschung angeordnet');
  await expect(panel).toContainText(because);

  // The terminal deletes it with its next report (the answers never left it unencrypted) ...
  await expect.poll(() => outboxEntries(page), { timeout: 60_000 }).toEqual([]);
  expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);
  // ... the consoles no longer list it, and the audit trail has who, why and when it was gone.
  await expect(clerk.getByRole('region', { name: /hängt auf einem Terminal fest/ })).toHaveCount(0, {
    timeout: 45_000,
  });
  const audit = await (
    await fetch(`${hub.url}/api/v1/provider/quarantine/discards`, {
      headers: { authorization: `Bearer ${DEMO_PROVIDER_TOKEN}` },
    })
  ).json();
  expect(audit).toEqual({
    items: [
      expect.objectContaining({
        submissionId,
        discardReason: because,
        requestedBy: DEMO_CLERK_USERNAME,
        quarantineReason: expect.stringContaining('holds no key'),
        confirmedAt: expect.any(String),
      }),
    ],
  });
  await clerkContext.close();
});
