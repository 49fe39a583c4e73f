import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/hub-process.js';
import { expect, test } from '../support/fixtures.js';

/** The operator's command, as installed: `pop-hub import-xzufi` against the running hub's database. */
function importXzufi(dataDir: string, file: string) {
  const run = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'dist/hub/pop-hub.js'),
      'import-xzufi',
      join(REPO_ROOT, 'tests/fixtures/xzufi', file),
      '--category',
      'verkehr-ordnung',
      '--office',
      'OE-ORDNUNGSAMT=ordnungsamt',
      '--data-dir',
      dataDir,
    ],
    { encoding: 'utf8' },
  );
  return { status: run.status, out: run.stdout, err: run.stderr };
}

test('an XZuFi export imports into the running hub and shows in the kiosk; a re-import withdraws', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  const before = await kiosk.contentRevision();

  const first = importXzufi(hub.dataDir, 'lindenau-v1.xml');
  // One Leistung of the export has no LeiKa key: it is listed and the rest is imported.
  expect(first.err).toBe('');
  expect(first.out).toMatch(/^2 added, 0 updated, 0 unchanged, 0 withdrawn; offices updated: ordnungsamt$/m);
  expect(first.out).toContain('leistung L100042_broken: no 14-digit LeiKa key in <referenzLeiKa>');
  expect(first.status).toBe(1);

  // The kiosk takes the import through its normal delta sync at its next start.
  await page.reload();
  await expect.poll(() => kiosk.contentRevision(), { timeout: 30_000 }).not.toBe(before);
  await kiosk.startInGerman();
  await kiosk.search('Anwohnerparken');
  await kiosk.openService('Parkausweis für Bewohner beantragen');
  const main = page.getByRole('main');
  await expect(
    main.getByText('Mit dem Bewohnerparkausweis parken Sie in Ihrer Zone ohne Parkschein.'),
  ).toBeVisible();
  // HTML arrived as structure, never as markup: paragraphs and the documents as a list.
  await expect(main.locator('.kiosk-structured-text p')).toHaveCount(2);
  await expect(
    main.getByText(
      'Der Ausweis gilt ein Jahr. Mehr unter lindenau.example (https://www.lindenau.example/parken).',
    ),
  ).toBeVisible();
  await expect(
    main.getByRole('listitem').filter({ hasText: 'Fahrzeugschein (Zulassungsbescheinigung Teil I)' }),
  ).toBeVisible();
  await expect(main.getByText(/Gebühr je Jahr: 30,70\s€/)).toBeVisible();
  await expect(main.getByText('Etwa eine Woche')).toBeVisible();
  await expect(main.locator('address')).toContainText('Rathausplatz 3, 01234 Lindenau');
  expect(await main.innerText()).not.toMatch(/<|alert\(|onclick/);

  const second = importXzufi(hub.dataDir, 'lindenau-v2.xml');
  expect(second.out, second.err).toMatch(
    /^1 added, 1 updated, 0 unchanged, 1 withdrawn; offices updated: none$/m,
  );
  expect(second.status).toBe(0);
  const imported = await kiosk.contentRevision();
  await page.reload();
  await expect.poll(() => kiosk.contentRevision(), { timeout: 30_000 }).not.toBe(imported);
  await kiosk.startInGerman();
  await kiosk.search('Fundsache');
  await expect(page.getByRole('button', { name: /^Fundsache abgeben/ })).toHaveCount(0);
  await kiosk.search('Hundehaltung');
  await expect(page.getByRole('button', { name: /^Hundehaltung anzeigen/ })).toBeVisible();
  await kiosk.search('Parkausweis für Bewohner');
  await kiosk.openService('Parkausweis für Bewohner beantragen');
  await expect(page.getByRole('main').getByText('Etwa zwei Wochen')).toBeVisible();
});
