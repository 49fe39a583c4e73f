import type { Page } from '@playwright/test';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after a submit, "Fertig" forgets the citizen everywhere, and keeps the app shell and the catalog', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  // The service worker's precache is the app shell: it must survive every wipe.
  await expect
    .poll(async () => (await cacheNames(page)).some((n) => n.startsWith('workbox-precache')))
    .toBe(true);
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();

  const marker = `Qqsubmit${Date.now()}`;
  const answers = { ...residence.answers, familyName: `${marker}-family`, street: `${marker}-street` };
  await kiosk.fillForm(residence.form, answers);
  await kiosk.plantTraces(`${marker}-planted`);
  await kiosk.submit();
  await expect(page.getByText('Der Antrag ist im Rathaus eingegangen.')).toBeVisible();
  // Acknowledged by the hub: the outbox lets go of it, so nothing of the citizen is left to keep.
  await expect.poll(() => kiosk.everythingStored()).not.toContain(`${marker}-family`);

  await page.getByRole('button', { name: 'Fertig' }).click();
  await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
  await expect.poll(() => kiosk.everythingStored()).not.toContain(marker);
  expect((await cacheNames(page)).some((n) => n.startsWith('workbox-precache'))).toBe(true);
  expect(await kiosk.everythingStored()).toContain(residence.service.name.de);
});

test('"Sitzung beenden" in the top bar wipes at once, without waiting for the idle timeout', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  const marker = `Qqend${Date.now()}`;
  await kiosk.fillField(residence.form, 'address', { street: marker });
  await expect.poll(() => kiosk.everythingStored()).toContain(marker);
  await kiosk.plantTraces(marker);
  await kiosk.endSession();
  await expect.poll(() => kiosk.everythingStored()).not.toContain(marker);
  // The next citizen starts from the beginning, with an empty form.
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await expect(
    page.getByLabel(residence.form.ui.fields['address']?.fields?.['street']?.label.de ?? '', { exact: true }),
  ).toHaveValue('');
});

test('twenty citizens in a row leave no growing trail of DOM nodes, listeners or heap', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  await kiosk.open(hub.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { nodes: get('Nodes'), listeners: get('JSEventListeners'), heap: get('JSHeapUsedSize') };
  };
  const visit = async (i: number) => {
    await kiosk.startInGerman();
    await kiosk.search('ummelden');
    await kiosk.openService(residence.service.name.de);
    await kiosk.startForm();
    await kiosk.fillField(residence.form, 'address', { street: `Soakstraße ${i}` });
    await kiosk.endSession();
  };
  for (let i = 0; i < 3; i += 1) await visit(i);
  const first = await measure();
  for (let i = 3; i < 20; i += 1) await visit(i);
  const last = await measure();
  expect(last.listeners).toBeLessThanOrEqual(first.listeners + 10);
  expect(last.nodes).toBeLessThanOrEqual(first.nodes + 200);
  expect(last.heap - first.heap).toBeLessThan(3 * 1024 * 1024);
});

test('a restart after a power cut forgets what the last citizen left in web storage and caches', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  const marker = `Qqpower${Date.now()}`;
  await kiosk.plantTraces(marker);
  expect(await kiosk.everythingStored()).toContain(marker);
  // No wipe ran: the page is simply loaded again, as after the machine came back.
  await page.goto(`${hub.url}/kiosk/`);
  await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible();
  await expect.poll(() => kiosk.everythingStored()).not.toContain(marker);
});
