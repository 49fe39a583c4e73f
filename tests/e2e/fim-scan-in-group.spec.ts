import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactDecrypt } from 'jose';
import type { Locator } from '@playwright/test';
import { demoContent } from '../../demo/demo-content.js';
import { loadDemoSeed } from '../../demo/demo-seed.js';
import { aufenthaltServices } from '../../demo/content/services-aufenthalt.js';
import { migrateToLatest } from '../../hub/db/migrate.js';
import { openDatabase } from '../../hub/db/open.js';
import { importFimXml } from '../../hub/fim/import.js';
import { findRepoRoot } from '../../hub/repo-root.js';
import { seedIfEmpty } from '../../hub/seed/seed.js';
import { SubmissionMetadata } from '../../protocol/submission.js';
import { mediaLaunchOptions } from '../support/call.js';
import { demoOfficeDecryptionKey, submissionsOnDisk } from '../support/demo.js';
import { removeDataDir, startHub } from '../support/hub-process.js';
import { expect, test } from '../support/fixtures.js';
import type { KioskPage } from '../support/kiosk-page.js';

/**
 * An upload inside a repeatable group of a FIM schema is a scan in every entry: the citizen
 * scans each child's birth certificate in that child's entry, and the application carries both
 * files, each named by its entry's path.
 */
test.use({ launchOptions: mediaLaunchOptions() });

const NS3 = 'urn:xoev-de:fim:standard:xdatenfelder_3.0.0';
const field = (id: string, label: string, type: string) =>
  `<x:datenfeld><x:identifikation><x:id>${id}</x:id></x:identifikation><x:name>${label}</x:name><x:bezeichnungEingabe>${label}</x:bezeichnungEingabe><x:feldart><code>input</code></x:feldart><x:datentyp><code>${type}</code></x:datentyp>${type === 'file' ? '<x:mediaType>image/jpeg</x:mediaType><x:mediaType>application/pdf</x:mediaType>' : ''}</x:datenfeld>`;
const struktur = (anzahl: string, inner: string) =>
  `<x:struktur><x:anzahl>${anzahl}</x:anzahl><x:enthaelt>${inner}</x:enthaelt></x:struktur>`;
const group = (id: string, label: string, inner: string) =>
  `<x:datenfeldgruppe><x:identifikation><x:id>${id}</x:id></x:identifikation><x:name>${label}</x:name><x:bezeichnungEingabe>${label}</x:bezeichnungEingabe>${inner}</x:datenfeldgruppe>`;
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<x:xdatenfelder.stammdatenschema.0102 xmlns:x="${NS3}"><x:stammdatenschema><x:identifikation><x:id>S99000001</x:id><x:version>1.0.0</x:version></x:identifikation><x:name>kinder</x:name><x:bezeichnung>Geburtsurkunden der Kinder</x:bezeichnung>${struktur(
  '1:1',
  group(
    'G99000001',
    'Ihre Kinder',
    struktur(
      '1:3',
      group(
        'G99000002',
        'Kind',
        struktur('1:1', field('F99000001', 'Vorname', 'text')) +
          struktur('1:1', field('F99000002', 'Geburtsurkunde', 'file')),
      ),
    ),
  ),
)}</x:stammdatenschema></x:xdatenfelder.stammdatenschema.0102>`;

const form = importFimXml(XML, {
  formId: 'kinder-urkunden',
  officeId: 'buergerbuero',
  updatedAt: '2026-01-01T00:00:00.000Z',
}).form;
const service = {
  ...(aufenthaltServices[0] as (typeof aufenthaltServices)[number]),
  id: 'kinder-urkunden',
  leikaKey: '99000000000001',
  name: { de: 'Geburtsurkunden der Kinder einreichen' },
  keywords: ['Geburtsurkunde'],
  formId: 'kinder-urkunden',
};

async function takeScan(entry: Locator): Promise<void> {
  const scan = entry.getByRole('group', { name: 'Geburtsurkunde', exact: true });
  await scan.getByRole('button', { name: 'Dokument scannen' }).click();
  const preview = scan.getByLabel('Kamerabild');
  await expect
    .poll(() => preview.evaluate((video) => (video as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await scan.getByRole('button', { name: 'Auslösen' }).click();
  await scan.getByRole('button', { name: 'Aufnahme übernehmen' }).click();
  await expect(scan.getByRole('button', { name: /^Entfernen: / })).toHaveCount(1);
}

async function fillChildren(kiosk: KioskPage): Promise<void> {
  const { page } = kiosk;
  await kiosk.startInGerman();
  await kiosk.search(service.name.de);
  await kiosk.openService(service.name.de);
  await kiosk.startForm();
  await expect(page.getByRole('heading', { level: 1, name: 'Ihre Kinder' })).toBeVisible();
  const entries = page.locator('.kiosk-repeat__entry');
  await entries.nth(0).getByLabel('Vorname').fill('Ada');
  // Without the first child's certificate the step does not go on, and says which is missing.
  await kiosk.next();
  await expect(
    entries.nth(0).getByText('Dieses Dokument wird für den Antrag gebraucht.', { exact: false }),
  ).toBeVisible();
  await takeScan(entries.nth(0));
  await page.getByRole('button', { name: 'Weiteren Eintrag hinzufügen' }).click();
  await entries.nth(1).getByLabel('Vorname').fill('Max');
  await takeScan(entries.nth(1));
  await kiosk.next();
  await expect(page.getByRole('heading', { level: 1, name: 'Angaben prüfen' })).toBeVisible();
}

test('a scan inside a repeated FIM group is taken per entry and submitted with its path', async ({
  kiosk,
  page,
}) => {
  test.setTimeout(180_000);
  // The hub starts on a database that holds the demo content and this imported form.
  const dataDir = mkdtempSync(join(tmpdir(), 'pop-hub-'));
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  const seed = await loadDemoSeed(findRepoRoot());
  await seedIfEmpty(db, {
    ...seed,
    content: {
      ...demoContent,
      services: [...demoContent.services, service],
      forms: [...demoContent.forms, form],
    },
  });
  await db.destroy();
  const hub = await startHub({ dataDir });
  try {
    await kiosk.open(hub.url);
    await kiosk.waitForContent();
    await fillChildren(kiosk);
    await kiosk.submit();
    await expect(page.getByText('Der Antrag ist im Rathaus eingegangen.')).toBeVisible({ timeout: 90_000 });
    await expect.poll(() => kiosk.outboxSize()).toBe(0);

    const [submission] = submissionsOnDisk(hub.dataDir);
    const { plaintext } = await compactDecrypt(
      submission?.metadata_jwe ?? '',
      await demoOfficeDecryptionKey(form.officeId),
    );
    const metadata = SubmissionMetadata.parse(JSON.parse(new TextDecoder().decode(plaintext)));
    expect(metadata.formId).toBe('kinder-urkunden');
    expect(metadata.attachments.map((a) => [a.fieldId, a.mediaType]).sort()).toEqual([
      ['kind/0/geburtsurkunde', 'image/jpeg'],
      ['kind/1/geburtsurkunde', 'image/jpeg'],
    ]);
    const { plaintext: data } = await compactDecrypt(
      submission?.data_jwe ?? '',
      await demoOfficeDecryptionKey(form.officeId),
    );
    expect(JSON.parse(new TextDecoder().decode(data))).toMatchObject({
      kind: [{ vorname: 'Ada' }, { vorname: 'Max' }],
    });
  } finally {
    await hub.stop();
    removeDataDir(hub.dataDir);
  }
});
