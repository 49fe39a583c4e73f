import { expect, test } from '../support/fixtures.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { Provider } from '../support/fleet.js';
import { removeDataDir, startHub } from '../support/hub-process.js';

const TERMINAL = 'demo-terminal-1';

test('a signed config changes what the terminal offers: languages, services, idle timeout, video, accessibility defaults', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  const provider = await Provider.create(hub.url);
  await kiosk.open(hub.url, { fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5 } });
  const root = page.locator('html');
  // Before: the installation's settings (six languages, every office, video on, normal contrast).
  await expect(root).toHaveAttribute('data-contrast', 'normal');
  await expect(page.getByRole('button', { name: 'Mit dem Rathaus sprechen', exact: true })).toBeVisible();

  const file = provider.fleet((fleet) => {
    fleet.defaults.heartbeatSeconds = 10;
    fleet.defaults.locales = ['de', 'tr'];
    fleet.defaults.defaultLocale = 'de';
    fleet.defaults.idleTimeoutSeconds = 20;
    fleet.defaults.idleWarningSeconds = 10;
    fleet.defaults.accessibility = { fontScale: 1.2, highContrast: true, readAloud: false };
    fleet.defaults.video = { enabled: false, hours: [], maxBitrateKbps: 300 };
    fleet.municipalities['lindenau'] = {
      name: 'Gemeinde Lindenau',
      settings: { offices: ['buergerbuero', 'steueramt'] },
    };
    fleet.sites['dorfladen'] = {
      name: 'Dorfladen',
      municipality: 'lindenau',
      settings: {
        siteName: 'Dorfladen',
        // Standesamt's birth registration is listed but its office is not served: it stays hidden.
        services: ['personalausweis', 'reisepass', 'hundesteuer-anmelden', 'geburt-beurkunden'],
        attract: { title: { de: 'Rathaus nach Plan' }, rotateSeconds: 600 },
      },
    };
  });
  await provider.publish(await provider.release(file, 1), { terminals: [TERMINAL] });
  await expect(root).toHaveAttribute('data-fleet-config-version', '1', { timeout: 30_000 });

  // The attract screen of the new config, with the session's accessibility defaults already on.
  await expect(page.getByText('Rathaus nach Plan')).toBeVisible();
  await expect(root).toHaveAttribute('data-contrast', 'high');
  await expect(root).toHaveAttribute('data-text-size', 'large');
  await expect(page.getByRole('button', { name: 'Mit dem Rathaus sprechen', exact: true })).toHaveCount(0);

  // Only the configured languages are offered.
  await page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
  const languages = page.getByRole('main').getByRole('button');
  await expect(languages).toHaveText(['Deutsch', 'Türkçe']);
  await page.getByRole('main').getByRole('button', { name: 'Deutsch', exact: true }).click();

  // Only the listed services of the offices served.
  await expect(page.getByRole('heading', { name: 'Was möchten Sie erledigen?' })).toBeVisible();
  await expect(page.locator('.kiosk-catalog__count')).toHaveText('3 Dienstleistungen');
  await expect(page.getByRole('button', { name: /^Personalausweis beantragen/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Hund anmelden/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Wohnsitz anmelden/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Geburt anzeigen/ })).toHaveCount(0);
  await kiosk.search('Gewerbe');
  await expect(page.locator('.kiosk-catalog__count')).toContainText('Keine passende Dienstleistung gefunden');

  // The citizen turns high contrast off; the next session starts with the terminal's default again.
  await page.getByRole('button', { name: /Anzeige/ }).click();
  await page.getByRole('button', { name: 'Hoher Kontrast' }).click();
  await expect(root).toHaveAttribute('data-contrast', 'normal');
  await page.getByRole('button', { name: 'Sitzung beenden' }).click();
  await expect(page.getByText('Rathaus nach Plan')).toBeVisible();
  await expect(root).toHaveAttribute('data-contrast', 'high');

  // Idle timeout 20 s with a 10 s warning: the warning comes after 10 quiet seconds, not 100.
  await page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).click();
  const started = Date.now();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 20_000 });
  expect(Date.now() - started).toBeLessThan(20_000);
  await expect(warning).toContainText(/in (10|9|8|7) Sekunden/);
  await expect(page.getByText('Rathaus nach Plan')).toBeVisible({ timeout: 15_000 });
});

test('a signed config moves a Chromium-mode terminal to another hub: the CSP lets it, and only it', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  // The new hub accepts the kiosk pages that the old hub serves (CORS), as a provider would set it up.
  const newHub = await startHub({ env: { POP_KIOSK_ORIGINS: `app://kiosk,${new URL(hub.url).origin}` } });
  try {
    const provider = await Provider.create(hub.url);
    await kiosk.open(hub.url, { fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5 } });
    const reach = (url: string) =>
      page.evaluate(
        (target) =>
          fetch(`${target}/api/v1/health`).then(
            () => 'reached',
            () => 'blocked',
          ),
        url,
      );
    expect(await reach(newHub.url)).toBe('blocked');

    const file = provider.fleet((fleet) => {
      fleet.defaults.heartbeatSeconds = 10;
      fleet.terminals[TERMINAL] = { site: 'dorfladen', settings: { hubUrl: newHub.url } };
    });
    // The terminal stores the new config and reloads: the reloaded page gets the widened CSP.
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await provider.publish(await provider.release(file, 1), { terminals: [TERMINAL] });
    await reloaded;
    await expect(page.locator('html')).toHaveAttribute('data-fleet-config-version', '1');
    expect(await reach(newHub.url)).toBe('reached');
    // Only the published hub: any other address stays blocked.
    expect(await reach('http://127.0.0.1:9')).toBe('blocked');

    // The terminal now reports to the new hub and stays on the new config.
    const onNewHub = new Provider(newHub.url);
    await expect
      .poll(async () => (await onNewHub.overview()).terminals.find((t) => t.id === TERMINAL)?.state, {
        timeout: 30_000,
      })
      .toBe('online');
    await kiosk.startInGerman();
    await kiosk.waitOnline();
  } finally {
    await newHub.stop();
    removeDataDir(newHub.dataDir);
  }
});

test('remote "restart" in Chromium mode reloads the page and says so plainly in its result', async ({
  hub,
  kiosk,
  page,
}) => {
  const provider = await Provider.create(hub.url);
  await kiosk.open(hub.url, { fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5 } });
  await page.evaluate(() => {
    (window as unknown as { beforeRestart: boolean }).beforeRestart = true;
  });
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await provider.call('POST', FLEET_API.terminalCommands(TERMINAL), { kind: 'restart' }, 201);
  await reloaded;
  expect(await page.evaluate(() => 'beforeRestart' in window)).toBe(false);
  await expect
    .poll(
      async () => {
        const { commands } = (await provider.call('GET', FLEET_API.commands)) as {
          commands: { kind: string; status: string; result: string | null }[];
        };
        return commands.find((c) => c.kind === 'restart');
      },
      { timeout: 20_000 },
    )
    .toMatchObject({
      status: 'done',
      result: expect.stringMatching(/Chromium mode .* reloads instead/) as unknown,
    });
});
