import { mediaLaunchOptions } from '../support/call.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { attachmentsOnDisk, demoForm, submissionsOnDisk, trackingCodesOnDisk } from '../support/demo.js';
import { removeDataDir, startHub } from '../support/hub-process.js';
import { expect, test } from '../support/fixtures.js';

/**
 * The outbox under faults, with the real hub and the real kiosk: applications made offline must
 * reach the town hall exactly once whatever happens on the way. `POP_FAULT_APPLICATIONS` raises
 * the count for a longer run.
 */
const COUNT = Number(process.env['POP_FAULT_APPLICATIONS'] ?? 3);
// The parking permit needs a photo of the registration: Chromium's fake camera takes it, and the
// photo travels through the same faults as the application.
const parking = demoForm('anwohnerparkausweis');
test.use({ launchOptions: mediaLaunchOptions() });

test('the hub is killed during the uploads and restarted: the terminal resumes, nothing lost or doubled', async ({
  kiosk,
  context,
}) => {
  test.setTimeout(120_000 + COUNT * 10_000);
  let hub = await startHub();
  const port = Number(new URL(hub.url).port);
  try {
    await kiosk.open(hub.url);
    await kiosk.waitForContent();
    await context.setOffline(true);
    const codes: string[] = [];
    for (let i = 0; i < COUNT; i++)
      codes.push(await kiosk.submitApplication(parking.service, parking.form, parking.answers));
    expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);

    await context.setOffline(false);
    // The moment the first application is on the hub's disk, the hub dies without warning.
    await expect
      .poll(() => submissionsOnDisk(hub.dataDir).length, { timeout: 30_000, intervals: [20] })
      .toBeGreaterThan(0);
    await hub.kill();
    hub = await startHub({ dataDir: hub.dataDir, port });

    await expect.poll(() => trackingCodesOnDisk(hub.dataDir), { timeout: 60_000 }).toEqual([...codes].sort());
    await expect.poll(() => kiosk.outboxSize()).toBe(0);
    expect(submissionsOnDisk(hub.dataDir)).toHaveLength(COUNT);
    // Each with its one photo of the registration, complete.
    expect(attachmentsOnDisk(hub.dataDir).filter((s) => s.listed === 1 && s.complete === 1)).toHaveLength(
      COUNT,
    );
  } finally {
    await hub.stop();
    removeDataDir(hub.dataDir);
  }
});

test('a faulty line (resets, truncated answers, 5xx, stalls) delivers every application exactly once', async ({
  hub,
  kiosk,
  context,
}) => {
  test.setTimeout(150_000 + COUNT * 10_000);
  const proxy = new FaultProxy(new URL(hub.url), 20261121, 0.6);
  const proxyUrl = await proxy.start();
  try {
    // The page, the content and the submissions all go through the faulty line.
    await kiosk.open(proxyUrl);
    await kiosk.waitForContent();
    await context.setOffline(true);
    const codes: string[] = [];
    for (let i = 0; i < COUNT; i++)
      codes.push(await kiosk.submitApplication(parking.service, parking.form, parking.answers));
    await context.setOffline(false);

    await expect
      .poll(() => trackingCodesOnDisk(hub.dataDir), { timeout: 120_000 })
      .toEqual([...codes].sort());
    await expect.poll(() => kiosk.outboxSize(), { timeout: 30_000 }).toBe(0);
    const faults = Object.entries(proxy.counts).filter(([kind, n]) => kind !== 'pass' && n > 0);
    expect(faults.length, `faults injected: ${JSON.stringify(proxy.counts)}`).toBeGreaterThan(0);
    expect(submissionsOnDisk(hub.dataDir)).toHaveLength(COUNT);
    expect(attachmentsOnDisk(hub.dataDir).filter((s) => s.listed === 1 && s.complete === 1)).toHaveLength(
      COUNT,
    );
  } finally {
    await proxy.stop();
  }
});
