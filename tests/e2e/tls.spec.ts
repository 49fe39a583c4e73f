import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags, findChromium } from '../../scripts/chromium.js';
import { CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import { openClerkConsole } from '../support/clerk.js';
import { demoForm, trackingCodesOnDisk } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { removeDataDir, startHub } from '../support/hub-process.js';
import { KioskPage } from '../support/kiosk-page.js';
import { startTlsProxy } from '../support/tls-proxy.js';

/**
 * The hub behind a real TLS proxy (Debian's nginx) with a certificate from a CA the test makes:
 * the kiosk and the clerk console reach the hub only through it, in a browser that trusts that CA
 * the way a provider's terminals would (its NSS database), and the hub, told to trust the proxy,
 * marks its session cookie Secure and sends HSTS.
 */
test('kiosk and clerk console work through a TLS proxy, with HSTS and a Secure session cookie', async () => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'pop-tls-'));
  const hub = await startHub({ env: { POP_TRUST_PROXY: '127.0.0.1' } });
  const proxy = await startTlsProxy(hub.url, dir);
  const launch = (home: string) =>
    chromium.launch({
      executablePath: findChromium() ?? undefined,
      args: [...chromiumFlags(), '--disable-gpu'],
      env: { ...process.env, HOME: home },
    });
  const browser = await launch(proxy.browserHome);
  const untrusting = await launch(join(dir, 'plain-home'));
  try {
    // A browser that does not know the CA refuses the hub: the trust below is real.
    const stranger = await untrusting.newPage();
    await expect(stranger.goto(`${proxy.url}/kiosk/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);

    const page = await browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(proxy.url);
    expect(new URL(page.url()).protocol).toBe('https:');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const residence = demoForm('wohnsitz-anmeldung');
    await kiosk.startInGerman();
    await kiosk.search('ummelden');
    await kiosk.openService(residence.service.name.de);
    await kiosk.startForm();
    await kiosk.fillForm(residence.form, residence.answers);
    const code = await kiosk.submit();
    await expect(page.getByText('Der Antrag ist im Rathaus eingegangen.')).toBeVisible();
    expect(trackingCodesOnDisk(hub.dataDir)).toEqual([code]);

    // HSTS over TLS from the trusted proxy, never on the hub's own plain-HTTP port.
    const overTls = await page.evaluate(async () =>
      (await fetch('/api/v1/health')).headers.get('strict-transport-security'),
    );
    expect(overTls).toMatch(/^max-age=\d{7,}/);
    const plain = await fetch(`${hub.url}/api/v1/health`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();

    const { context, clerk } = await openClerkConsole(browser, proxy.url);
    await expect(
      clerk.getByRole('table', { name: 'Eingegangene Anträge' }).getByRole('link', { name: code }),
    ).toBeVisible();
    const session = (await context.cookies()).find((c) => c.name === CLERK_SESSION_COOKIE);
    expect(session?.secure).toBe(true);
    expect(session?.httpOnly).toBe(true);
    await context.close();
  } finally {
    await untrusting.close();
    await browser.close();
    await proxy.stop();
    await hub.stop();
    removeDataDir(hub.dataDir);
    rmSync(dir, { recursive: true, force: true });
  }
});
