import { demoKioskConfig, kioskUrl } from '../../scripts/kiosk-url.js';
import { demoForm, trackingCodesOnDisk } from '../support/demo.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';

const dogTax = demoForm('hundesteuer-anmeldung');
const APPLICATIONS = 4;

/**
 * Two windows of the kiosk on one profile (a second tab in Chromium mode, a reloaded window next
 * to a dying one) share one outbox. When the line returns both engines wake up, but only the
 * window holding the Web Lock sends: every application goes over the line once, not twice.
 */
test('two windows on one outbox: one sender, each application posted once', async ({
  hub,
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const proxy = new FaultProxy(new URL(hub.url), 1, 0); // a plain pass-through that counts
  const base = await proxy.start();
  try {
    const url = kioskUrl(base, demoKioskConfig(base));
    const first = new KioskPage(page);
    await page.goto(url);
    await first.waitForContent();
    const secondPage = await context.newPage();
    await secondPage.goto(url);
    const second = new KioskPage(secondPage);
    await expect(secondPage.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();

    await context.setOffline(true);
    const codes: string[] = [];
    for (let i = 0; i < APPLICATIONS; i++)
      codes.push(await first.submitApplication(dogTax.service, dogTax.form, dogTax.answers));
    expect(await second.outboxSize()).toBe(APPLICATIONS); // the same outbox

    await context.setOffline(false);
    await expect.poll(() => trackingCodesOnDisk(hub.dataDir), { timeout: 60_000 }).toEqual([...codes].sort());
    await expect.poll(() => first.outboxSize(), { timeout: 30_000 }).toBe(0);
    // Both windows probed the hub, but the submissions went over the line once each.
    const posts = proxy.requests.filter((r) => r === 'POST /api/v1/submissions');
    expect(posts).toHaveLength(APPLICATIONS);
    const probes = proxy.requests.filter((r) => r.startsWith('GET /api/v1/health'));
    expect(probes.length).toBeGreaterThanOrEqual(2);
  } finally {
    await proxy.stop();
  }
});
