import type { FleetFile } from '../../kiosk-config/fleet/fleet-file.js';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { expect, test } from '../support/fixtures.js';
import { Provider } from '../support/fleet.js';

const TERMINAL = 'demo-terminal-1';
const titled = (title: string, hubUrl?: string) => (file: FleetFile) => {
  file.defaults.heartbeatSeconds = 10;
  file.defaults.revert = { hubUnreachableSeconds: 10, crashesWithin10Minutes: 3 };
  file.sites['dorfladen'] = {
    name: 'Dorfladen',
    municipality: 'lindenau',
    settings: { siteName: 'Dorfladen', attract: { title: { de: title, en: title } } },
  };
  if (hubUrl) file.terminals[TERMINAL] = { site: 'dorfladen', settings: { hubUrl } };
};

test('a signed config reaches the terminal; a breaking one is reverted by itself; a tampered one is refused', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(240_000);
  const provider = await Provider.create(hub.url);
  await kiosk.open(hub.url, { fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5 } });
  const root = page.locator('html');

  await provider.publish(await provider.release(provider.fleet(titled('Rathaus Version eins')), 1), {
    terminals: [TERMINAL],
  });
  await expect(root).toHaveAttribute('data-fleet-config-version', '1', { timeout: 30_000 });
  await expect(page.getByText('Rathaus Version eins')).toBeVisible();
  // Proven healthy: reached the hub for the whole observation time.
  await expect(root).toHaveAttribute('data-fleet-trial', 'no', { timeout: 40_000 });

  // Version 2 points the terminal at a hub that does not answer.
  await provider.publish(await provider.release(provider.fleet(titled('Kaputt', 'http://127.0.0.1:9')), 2), {
    percent: 100,
  });
  await expect(root).toHaveAttribute('data-fleet-config-version', '2', { timeout: 30_000 });
  await expect(root).toHaveAttribute('data-fleet-config-version', '1', { timeout: 40_000 });
  await expect(page.getByText('Rathaus Version eins')).toBeVisible();
  await expect
    .poll(async () => (await provider.overview()).alerts.map((a) => `${a.terminalId}:${a.kind}`), {
      timeout: 30_000,
    })
    .toContain(`${TERMINAL}:config_reverted`);

  // The hub checks signatures before it publishes, and the terminal checks again: a payload changed
  // after signing is refused by the hub, and by the terminal when a hub hands it out anyway.
  const tampered = await provider.release(provider.fleet(titled('Manipuliert')), 3);
  const signed = tampered.configs[TERMINAL];
  if (!signed) throw new Error('the release has no config for the demo terminal');
  signed.payload = signed.payload.replace('Manipuliert', 'Gefälscht!');
  expect(await provider.publishRefused(tampered, { percent: 100 })).toMatch(/does not verify/);
  await provider.plant(hub.dataDir, 3, { [TERMINAL]: JSON.stringify(signed) });
  await expect
    .poll(async () => (await provider.overview()).alerts.find((a) => a.kind === 'config_refused')?.message, {
      timeout: 30_000,
    })
    .toMatch(/signature does not match/);
  await expect(root).toHaveAttribute('data-fleet-config-version', '1');
  await expect(page.getByText('Rathaus Version eins')).toBeVisible();
  const terminal = (await provider.overview()).terminals.find((t) => t.id === TERMINAL);
  expect(terminal).toMatchObject({ state: 'online', configVersion: 1, assignedVersion: 3 });

  // An unsigned blob claiming version 900000000000000 (refused by the hub, planted here) does not
  // raise the terminal's floor: after a reload it still takes the genuine release that follows.
  const poison = JSON.stringify({ version: 900_000_000_000_000, settings: { siteName: 'Eingefroren' } });
  expect(
    await provider.publishRefused(
      {
        format: 'pop-release/1',
        issuer: 'kdn-demo',
        version: 900_000_000_000_000,
        createdAt: new Date().toISOString(),
        configs: { [TERMINAL]: { payload: poison, keyId: 'kdn-2026', signature: 'A'.repeat(86) } },
      },
      { percent: 100 },
    ),
  ).toMatch(/does not verify/);
  await provider.plant(hub.dataDir, 4, { [TERMINAL]: poison });
  await expect
    .poll(async () => (await provider.overview()).alerts.map((a) => a.message), { timeout: 30_000 })
    .toContainEqual(expect.stringMatching(/not a signed envelope/));
  await page.reload();
  await expect(page.getByText('Rathaus Version eins')).toBeVisible();
  await provider.publish(await provider.release(provider.fleet(titled('Rathaus Version fünf')), 5), {
    percent: 100,
  });
  await expect(root).toHaveAttribute('data-fleet-config-version', '5', { timeout: 30_000 });
  await expect(page.getByText('Rathaus Version fünf')).toBeVisible();
});

test('a terminal enrolls with a one-time code and works without any shared secret', async ({
  hub,
  kiosk,
  page,
}) => {
  const provider = await Provider.create(hub.url);
  const { code } = (await provider.call(
    'POST',
    FLEET_API.enrollmentCodes,
    { terminalId: 'kiosk-bibliothek', name: 'Bibliothek' },
    201,
  )) as { code: string };
  await kiosk.open(hub.url, {
    terminalId: 'kiosk-bibliothek',
    terminalToken: undefined,
    fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5, enrollmentCode: code },
  });
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await expect
    .poll(async () => (await provider.overview()).terminals.find((t) => t.id === 'kiosk-bibliothek'), {
      timeout: 20_000,
    })
    .toMatchObject({ enrolled: true, state: 'online' });

  // Revoked: the hub refuses the terminal's key from now on.
  await provider.call('POST', FLEET_API.revoke('kiosk-bibliothek'), {}, 204);
  const refused = page.waitForResponse((r) => r.url().endsWith(FLEET_API.terminalToken));
  await page.reload();
  expect((await refused).status()).toBe(401);
  expect((await provider.overview()).terminals.find((t) => t.id === 'kiosk-bibliothek')?.state).toBe(
    'revoked',
  );
});

test('the provider watches the fleet in the console and sends a command that reports back', async ({
  hub,
  kiosk,
  browser,
}) => {
  const provider = await Provider.create(hub.url);
  await kiosk.open(hub.url, { fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5 } });

  const context = await browser.newContext();
  const console_ = await context.newPage();
  await console_.goto(`${hub.url}/fleet/`);
  await console_.getByLabel('Provider-Token').fill('not-the-token');
  await console_.getByRole('button', { name: 'Anmelden' }).click();
  await expect(console_.getByRole('alert')).toContainText('Dieses Token kennt der Hub nicht.');
  await console_.getByLabel('Provider-Token').fill(DEMO_PROVIDER_TOKEN);
  await console_.getByRole('button', { name: 'Anmelden' }).click();

  const row = console_.getByRole('row', { name: new RegExp(TERMINAL) });
  await expect(row.getByText('online')).toBeVisible({ timeout: 20_000 });
  await expect(console_.getByRole('img', { name: /Verfügbarkeit je Terminal/ })).toBeVisible();

  await console_.getByLabel('Suche (ID oder Name)').fill('gibt-es-nicht');
  await expect(console_.getByRole('table')).toContainText('0 von 1 Terminals');
  await console_.getByLabel('Suche (ID oder Name)').fill('');

  await console_.getByRole('button', { name: `Protokolle holen an ${TERMINAL} senden` }).click();
  await expect(console_.getByRole('status').filter({ hasText: 'eingereiht' })).toBeVisible();
  const done = console_.locator('[data-command-status="done"]');
  await expect(done).toContainText('Protokolle holen', { timeout: 30_000 });
  await expect(done).toContainText('Logs of this page attached');
  await context.close();
});
