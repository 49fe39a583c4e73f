import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_TOKEN } from '../../demo/demo-credentials.js';
import { jwkThumbprint, type RsaPublicJwk } from '../../kiosk-config/fleet/office-keys.js';
import { DeliveryRecords } from '../../protocol/delivery.js';
import { METADATA_SCHEMA_URI } from '../../protocol/fitconnect/metadata.js';
import { DeliveryRouteAnswer } from '../../protocol/routes/delivery.js';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { demoKioskConfig } from '../../scripts/kiosk-url.js';
import { asDiskText, demoForm, hubDiskBytes, identifyingTexts, submissionsOnDisk } from '../support/demo.js';
import { makeDestinationKeys, receiveWithPython } from '../support/fitconnect-standin/fixture.js';
import { makeTestPki } from '../support/fitconnect-standin/pki.js';
import { startStandIn, type StandIn } from '../support/fitconnect-standin/server.js';
import { removeDataDir, startHub, type HubProcess } from '../support/hub-process.js';
import { KioskPage } from '../support/kiosk-page.js';

/**
 * Issue 16's promise end to end: an application sent from a terminal without a line, for an
 * office whose specialist system receives through FIT-Connect, is forwarded by the hub once the
 * line returns, arrives exactly once at the stand-in, decrypts and validates there with tools
 * independent of ours (python3-jwcrypto, python3-jsonschema), and the receiver's accept reaches
 * the citizen's tracking-code lookup on the terminal.
 */
const residence = demoForm('wohnsitz-anmeldung');
const OFFICE = residence.service.officeId;
const DESTINATION = randomUUID();
const CLIENT = { clientId: `pop-hub-${OFFICE}`, clientSecret: 'stand-in-secret-for-the-test' };
const t = TEXTS.de;

let hub: HubProcess | undefined;
let standIn: StandIn | undefined;

test.afterEach(async () => {
  await standIn?.close();
  if (hub) {
    await hub.stop();
    removeDataDir(hub.dataDir);
  }
});

async function provider(hubUrl: string, method: 'GET' | 'PUT', path: string, body?: unknown) {
  const response = await fetch(hubUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${DEMO_PROVIDER_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBe(200);
  return JSON.parse(text) as unknown;
}

/** The destination keys the kiosk stored with its last content pull (straight from IndexedDB). */
function storedDeliveryKids(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('point-of-public-kiosk');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('device')) return resolve([]);
          const get = db.transaction('device').objectStore('device').get('fit-connect-destination-keys');
          get.onsuccess = () => {
            const value = (get.result as { value?: { keys?: { kid: string }[] } } | undefined)?.value;
            resolve((value?.keys ?? []).map((k) => k.kid));
            db.close();
          };
          get.onerror = () => resolve([]);
        };
      }),
  );
}

test('an application sent offline for a FIT-Connect office arrives once, opens at the receiver, and its accept reaches the terminal', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  // The administration PKI in miniature (openssl) and the destination's event signing keys.
  const kid = `enc-${randomUUID()}`;
  const pki = makeTestPki(kid);
  const signing = await makeDestinationKeys();
  const fc = await startStandIn({
    ...CLIENT,
    destinationId: DESTINATION,
    encryptionKey: { kid, publicJwk: pki.jwk },
    destinationSigningKey: signing.destinationSigning,
    serviceSigningKey: signing.serviceSigning,
  });
  standIn = fc;
  // The sender every second, and a sent application's event log read every second.
  const town = await startHub({ args: ['--fitconnect-interval', '1', '--fitconnect-event-poll', '1'] });
  hub = town;

  // The provider routes the office to its FIT-Connect destination; the hub fetches the key.
  const saved = DeliveryRouteAnswer.parse(
    await provider(town.url, 'PUT', `/api/v1/provider/offices/${OFFICE}/delivery`, {
      kind: 'fit-connect',
      destinationId: DESTINATION,
      ...CLIENT,
      tokenUrl: fc.tokenUrl,
      submissionApiUrl: fc.url,
      leikaKey: residence.service.leikaKey,
      serviceName: residence.service.name.de,
    }),
  );
  expect(saved.keyProblem).toBeNull();
  expect(saved.route).toMatchObject({ kind: 'fit-connect', encryptionKid: kid });

  // The terminal trusts the test CA and pins the destination key for the office.
  const pins = demoKioskConfig(town.url)['officeKeys'] as Record<string, string[]>;
  const kiosk = new KioskPage(page);
  await kiosk.open(town.url, {
    fitConnectRoots: [pki.rootDer],
    officeKeys: { ...pins, [OFFICE]: [await jwkThumbprint(pki.jwk as RsaPublicJwk)] },
  });
  await kiosk.waitForContent();
  await expect.poll(() => storedDeliveryKids(page), { timeout: 30_000 }).toEqual([kid]);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // The line goes down; the citizen applies; the application waits on the terminal.
  await context.setOffline(true);
  const code = await kiosk.submitApplication(residence.service, residence.form, residence.answers);
  await kiosk.startInGerman();
  await expect(kiosk.status).toContainText('Offline');
  await expect(kiosk.status).toContainText('1 Antrag wartet auf Versand');
  expect(await kiosk.outboxSize()).toBe(1);
  expect(fc.submissions.size).toBe(0);
  await kiosk.endSession();

  // The line returns: the terminal sends to the hub, the hub forwards to FIT-Connect.
  await context.setOffline(false);
  await expect.poll(() => kiosk.outboxSize(), { timeout: 60_000 }).toBe(0);
  await expect.poll(() => fc.submitted().length, { timeout: 60_000 }).toBe(1);
  const [arrived] = fc.submitted();
  if (!arrived) throw new Error('nothing arrived at the stand-in');
  expect(fc.submissions.size).toBe(1);

  // The receiving office opens it with the independent tools.
  const received = await receiveWithPython(arrived, pki.privateJwk);
  expect(received.errors).toEqual([]);
  expect(received.ok).toBe(true);
  expect(received.data).toEqual(residence.answers);
  expect(received.metadata['$schema']).toBe(METADATA_SCHEMA_URI);
  expect(JSON.stringify(received.metadata['additionalReferenceInfo'])).toContain(code);

  // The hub held only ciphertext: none of what the citizen typed is in its rows or on its disk.
  const rows = submissionsOnDisk(town.dataDir);
  expect(rows.map((r) => r.tracking_code)).toEqual([code]);
  const disk = hubDiskBytes(town.dataDir);
  for (const text of identifyingTexts(residence.answers)) {
    expect(JSON.stringify(rows), `"${text}" in the submissions row`).not.toContain(text);
    expect(disk.includes(asDiskText(text)), `"${text}" on the hub's disk`).toBe(false);
  }

  // The specialist system accepts; the hub reads the event log and the citizen sees it.
  fc.accept(arrived.submissionId);
  await expect
    .poll(
      async () =>
        DeliveryRecords.parse(await provider(town.url, 'GET', '/api/v1/provider/deliveries')).items.map(
          (d) => `${d.state} ${d.fitConnectSubmissionId ?? ''}`,
        ),
      { timeout: 30_000 },
    )
    .toEqual([`accepted ${arrived.submissionId}`]);
  expect(fc.submitted()).toHaveLength(1);

  await kiosk.startInGerman();
  await page.getByRole('button', { name: t.statusOpen }).click();
  await page.getByLabel(t.receiptTrackingCode).fill(code);
  await page.getByRole('button', { name: t.statusLookup, exact: true }).click();
  const answer = page.getByRole('status').filter({ hasText: t.statusNames['in-progress'] });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('Von der zuständigen Stelle angenommen.');
});
