import { generateKeyPairSync } from 'node:crypto';
import { API } from '../../protocol/api.js';
import type { OfficeKey } from '../../protocol/catalog.js';
import type { ContentChanges } from '../../protocol/content-changes.js';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { demoForm, submissionsOnDisk } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { Provider } from '../support/fleet.js';

// Sperrmüll goes to the Ordnungsamt: the office whose key the proxy in the line replaces.
const bulkyWaste = demoForm('sperrmuell-abholung');

/** The attacker's own RSA-4096 key under the genuine kid: strong enough, but nobody vouched for it. */
function swapOfficeKey(officeId: string): (body: string) => string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
  const attackerJwk = {
    ...publicKey.export({ format: 'jwk' }),
    alg: 'RSA-OAEP-256',
    use: 'enc',
  } as OfficeKey['jwk'];
  return (body) => {
    const page = JSON.parse(body) as ContentChanges;
    for (const change of page.changes) {
      if (change.kind !== 'office' || change.document?.id !== officeId) continue;
      change.document.encryptionKeys = change.document.encryptionKeys.map((key) => ({
        ...key,
        jwk: { ...attackerJwk, kid: key.kid },
      }));
    }
    return JSON.stringify(page);
  };
}

test('a key swapped in the content feed gets nothing sealed to it; the citizen is told, the fleet console shows why', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(90_000);
  const provider = await Provider.create(hub.url);
  const proxy = new FaultProxy(new URL(hub.url), 14, 0);
  const swap = swapOfficeKey(bulkyWaste.form.officeId);
  proxy.rewrite = (method, url) => (method === 'GET' && url.startsWith(API.contentChanges) ? swap : null);
  const proxyUrl = await proxy.start();
  try {
    await kiosk.open(proxyUrl, { fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 5 } });
    await kiosk.waitForContent();
    await kiosk.startInGerman();
    await kiosk.waitOnline();
    await kiosk.search(bulkyWaste.service.name.de);
    await kiosk.openService(bulkyWaste.service.name.de);
    await kiosk.startForm();
    await kiosk.fillForm(bulkyWaste.form, bulkyWaste.answers);
    await page.getByRole('button', { name: 'Antrag abschicken' }).click();

    await expect(page.getByText(TEXTS.de.officeKeyRefused)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ihr Antrag ist gespeichert' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: TEXTS.de.receiptTitleSent })).toHaveCount(0);
    // Nothing sealed, nothing queued, nothing sent.
    expect(await kiosk.outboxSize()).toBe(0);
    expect(proxy.requests.filter((r) => /^(POST|PUT) \/api\/v1\/submissions/.test(r))).toEqual([]);
    expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);

    await expect
      .poll(
        async () => (await provider.overview()).alerts.find((a) => a.kind === 'office_key_refused')?.message,
        { timeout: 30_000 },
      )
      .toMatch(
        /^Office ordnungsamt key ordnungsamt-\S+ refused: its thumbprint \S+ is not among the 1 pinned/,
      );
    expect(submissionsOnDisk(hub.dataDir)).toHaveLength(0);
  } finally {
    await proxy.stop();
  }
});
