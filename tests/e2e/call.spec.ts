import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoForm } from '../support/demo.js';
import { removeDataDir, startHub } from '../support/hub-process.js';
import {
  ClerkDesk,
  expectFramesFlowing,
  expectRemoteFrames,
  mediaLaunchOptions,
  openKiosk,
  readHubTable,
} from '../support/call.js';
import { expect, test } from '../support/fixtures.js';

test.use({ launchOptions: mediaLaunchOptions() });

const residence = demoForm('wohnsitz-anmeldung');

test('a citizen calls, waits in the queue, a clerk accepts: video both ways, chat, co-view, still, hang up', async ({
  hub,
  browser,
}) => {
  test.setTimeout(120_000);
  const clerk = await ClerkDesk.open(browser, hub.url);
  await clerk.available();

  const { kiosk, call } = await openKiosk(browser, hub.url);
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);

  // Before calling: hours from the synced office, clerks and queue live from the hub.
  await call.open();
  await expect(call.panel.getByText('Video-Sprechzeiten heute')).toBeVisible();
  const status = call.panel.getByTestId('call-office-status');
  await expect(status).toContainText('1 Mitarbeiterin oder Mitarbeiter frei');
  await expect(status).toContainText('Niemand wartet');
  await call.call();
  await call.expectPosition(1);
  await expect(call.panel.getByTestId('call-queue')).toContainText('Wartezeit');

  // The clerk sees who waits and what the citizen was looking at.
  const row = clerk.queue.getByRole('row').filter({ hasText: 'Dorfladen Lindenau' });
  await expect(row).toContainText(residence.service.name.de);
  await expect(row).toContainText(/0:\d\d/);
  await clerk.acceptFirst();

  // Both sides decode the other's camera.
  await expectRemoteFrames(kiosk.page);
  await expectRemoteFrames(clerk.page);
  await expect(call.panel).toContainText('Im Gespräch mit Erika Musterfrau');
  await expect(clerk.call).toHaveAttribute('data-media', 'connected');

  // Chat both ways over the data channel.
  await call.panel.getByLabel('Nachricht schreiben').fill('Hallo Rathaus, ich ziehe um');
  await call.panel.getByRole('button', { name: 'Senden' }).click();
  await expect(clerk.call.getByRole('region', { name: 'Chat' })).toContainText('Hallo Rathaus, ich ziehe um');
  await clerk.call.getByLabel('Nachricht an den Bürger').fill('Guten Tag, ich helfe Ihnen gern');
  await clerk.call.getByRole('button', { name: 'Senden' }).click();
  await expect(call.panel.getByRole('region', { name: 'Text-Chat' })).toContainText(
    'Guten Tag, ich helfe Ihnen gern',
  );

  // The clerk opens the form on the terminal, asks to see it; only after consent does it show.
  await clerk.call.getByRole('button', { name: 'Formular öffnen' }).click();
  const firstStep = residence.form.ui.steps[0];
  if (!firstStep) throw new Error('form without steps');
  await expect(kiosk.page.getByRole('heading', { level: 1, name: firstStep.title.de })).toBeVisible();
  await clerk.call.getByRole('button', { name: 'Mitsehen anfragen' }).click();
  const consent = kiosk.page.getByRole('alertdialog', {
    name: 'Darf die Mitarbeiterin oder der Mitarbeiter Ihr Formular sehen?',
  });
  await expect(consent).toBeVisible();
  await expect(clerk.call.getByLabel('Eingaben am Terminal (nur lesen)')).toHaveCount(0);
  await consent.getByRole('button', { name: 'Ja, zeigen' }).click();
  // The address entry is a group: the clerk sees its parts line by line.
  await kiosk.fillField(residence.form, 'address', { street: 'Mitsehmann' });
  const coview = clerk.call.getByLabel('Eingaben am Terminal (nur lesen)');
  await expect(coview).toContainText('Anschrift der neuen Wohnung › Straße');
  await expect(coview).toContainText('Mitsehmann');
  await expect(coview.locator('input, textarea, select')).toHaveCount(0);

  // A document still at the camera's full resolution.
  await clerk.call.getByRole('button', { name: 'Dokumentfoto aufnehmen' }).click();
  const still = clerk.call.getByRole('img', { name: 'Dokumentfoto 1' });
  await expect(still).toBeVisible();
  expect(await still.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThanOrEqual(320);
  await expect(kiosk.page.getByText('Das Rathaus hat ein Foto Ihres Dokuments aufgenommen.')).toBeVisible();

  // The citizen hangs up: both sides end, the hub logs times only.
  await expectFramesFlowing(clerk.page);
  await call.panel.getByRole('button', { name: 'Auflegen' }).click();
  await expect(call.panel).toContainText('Das Gespräch ist beendet.');
  await expect(clerk.section).toContainText('beendet');
  await expect(clerk.call).toHaveCount(0);
  await expect
    .poll(() => readHubTable<{ end_reason: string }>(hub.dataDir, 'SELECT end_reason FROM call_log'))
    .toEqual([{ end_reason: 'hangup' }]);
  // Nothing of the call's content reached the hub's disk.
  const onDisk = ['hub.sqlite', 'hub.sqlite-wal']
    .map((file) => {
      try {
        return readFileSync(join(hub.dataDir, file)).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');
  expect(onDisk).not.toContain('Hallo Rathaus');
  expect(onDisk).not.toContain('Mitsehmann');
});

test('a callback request left while the terminal is offline arrives at the town hall exactly once', async ({
  hub,
  browser,
}) => {
  const { context, kiosk, call } = await openKiosk(browser, hub.url);
  await context.setOffline(true);
  await expect(kiosk.status).toContainText('Offline');
  await call.open();
  await call.panel.getByRole('button', { name: 'Rückruf anfordern' }).click();
  await call.panel.getByLabel('Ihr Name').fill('Frieda Offline');
  await call.panel.getByLabel('Telefonnummer für den Rückruf').fill('+49 9401 123456');
  await call.panel.getByLabel('Worum geht es? (freiwillig)').fill('Hundesteuer');
  await call.panel.getByRole('button', { name: 'Absenden' }).click();
  await expect(call.panel).toContainText('Danke! Das Rathaus ruft Sie zurück.');
  await expect(call.panel).toContainText('gespeichert und wird gesendet, sobald das Terminal verbunden ist');
  expect(readHubTable(hub.dataDir, 'SELECT id FROM call_requests')).toEqual([]);

  // Back online, the first answer of the hub is lost on the way: the terminal sends again, and the
  // hub recognizes the same request instead of storing a second one.
  let posts = 0;
  await kiosk.page.route('**/api/v1/calls/requests', async (route) => {
    posts++;
    if (posts === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await context.setOffline(false);
  await expect(call.panel).toContainText('Die Anfrage ist im Rathaus eingegangen.', { timeout: 30_000 });
  expect(posts).toBeGreaterThanOrEqual(2);
  const rows = readHubTable<{ name: string; phone: string; kind: string }>(
    hub.dataDir,
    'SELECT name, phone, kind FROM call_requests',
  );
  expect(rows).toEqual([{ name: 'Frieda Offline', phone: '+49 9401 123456', kind: 'callback' }]);

  // The clerk finds it in the console.
  const clerk = await ClerkDesk.open(browser, hub.url);
  await clerk.page.getByText('Anrufprotokoll, Rückrufe und Termine').click();
  await expect(clerk.page.getByRole('table', { name: 'Rückrufwünsche und Termine' })).toContainText(
    'Frieda Offline',
  );
});

test('when nobody answers in time, the citizen books a video appointment instead', async ({ browser }) => {
  const hub = await startHub({ env: { POP_CALL_QUEUE_TIMEOUT: '3' } });
  try {
    const clerk = await ClerkDesk.open(browser, hub.url);
    await clerk.available();
    const { call } = await openKiosk(browser, hub.url);
    await call.open();
    await call.call();
    await call.expectPosition(1);
    // The clerk does not pick up: the hub ends the call as unanswered after the queue timeout.
    await expect(call.panel).toContainText('Leider konnte gerade niemand Ihren Anruf annehmen.');
    await expect(call.panel).toContainText('Sie können einen Rückruf anfordern oder einen Termin buchen.');
    await expect(clerk.queue).toContainText('Gerade wartet niemand');

    await call.panel.getByRole('button', { name: 'Termin buchen' }).click();
    const slots = call.panel.getByRole('group', { name: 'Termin wählen' }).getByRole('radio');
    await expect(slots.first()).toBeChecked();
    await slots.nth(1).check();
    await call.panel.getByLabel('Ihr Name').fill('Theo Termin');
    await call.panel.getByLabel('Telefonnummer für den Rückruf').fill('0941 123');
    await call.panel.getByRole('button', { name: 'Absenden' }).click();
    await expect(call.panel).toContainText('Danke! Ihr Video-Termin:');
    await expect(call.panel).toContainText('Die Anfrage ist im Rathaus eingegangen.');
    const rows = readHubTable<{ kind: string; slot: string; slot_confirmed: number }>(
      hub.dataDir,
      'SELECT kind, slot, slot_confirmed FROM call_requests',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'appointment', slot_confirmed: 1 });
    expect(rows[0]?.slot).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(readHubTable(hub.dataDir, 'SELECT end_reason FROM call_log')).toEqual([
      { end_reason: 'unanswered' },
    ]);
  } finally {
    await hub.stop();
    removeDataDir(hub.dataDir);
  }
});
