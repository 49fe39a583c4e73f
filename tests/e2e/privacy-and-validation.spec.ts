import { demoContent } from '../../demo/demo-content.js';
import { API } from '../../protocol/api.js';
import { sealSubmission } from '../../renderer/shared/encryption/seal.js';
import { demoKioskConfig } from '../../scripts/kiosk-url.js';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

const residence = demoForm('wohnsitz-anmeldung');

test('the idle reset warns, then leaves no trace of the form in the page or in IndexedDB', async ({
  hub,
  kiosk,
  page,
}) => {
  test.setTimeout(120_000);
  await kiosk.open(hub.url, { idleTimeoutSeconds: 15, idleWarningSeconds: 8 });
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();

  const marker = `Zzmarker${Date.now()}`;
  await kiosk.fillField(residence.form, 'address', { street: `${marker}-street`, city: `${marker}-city` });
  // The draft reaches IndexedDB (debounced), so the wipe has something to remove.
  await expect.poll(() => kiosk.everythingStored()).toContain(`${marker}-street`);
  await kiosk.plantTraces(`${marker}-planted`);
  expect(await kiosk.everythingStored()).toContain(`scratch-${marker}-planted`);

  // Hands off: the warning comes first, then the session ends by itself.
  await expect(page.getByRole('alertdialog', { name: 'Sind Sie noch da?' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Berühren Sie den Bildschirm/ })).toBeVisible({
    timeout: 30_000,
  });

  await expect.poll(() => kiosk.everythingStored()).not.toContain(marker);
  const everything = await kiosk.everythingStored();
  // The synced catalog stays: the next citizen finds the services without a network round trip.
  expect(everything).toContain(residence.service.name.de);
});

test('"Weitermachen" in the idle warning keeps the session and its answers', async ({ hub, kiosk, page }) => {
  test.setTimeout(120_000);
  await kiosk.open(hub.url, { idleTimeoutSeconds: 15, idleWarningSeconds: 10 });
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await kiosk.fillField(residence.form, 'address', { street: 'Keep-Me-Straße' });
  await page.getByRole('button', { name: 'Weitermachen' }).click({ timeout: 30_000 });
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(
    page.getByLabel(residence.form.ui.fields['address']?.fields?.['street']?.label.de ?? '', { exact: true }),
  ).toHaveValue('Keep-Me-Straße');
});

test('invalid input is refused with a message next to the field, in the citizen language', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();

  await kiosk.next();
  await expect(page.getByRole('alert')).toContainText(/Bitte korrigieren Sie \d+ Angaben/);
  await expect(page.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  const firstStep = residence.form.ui.steps[0];
  expect(firstStep).toBeDefined();

  // A postal code with four digits gets the form's own plain-language message, next to it.
  const postal = residence.form.ui.fields['address']?.fields?.['postalCode'];
  if (!firstStep?.fields.includes('address') || !postal?.invalidMessage) throw new Error('demo form changed');
  for (const name of firstStep.fields) await kiosk.fillField(residence.form, name, residence.answers[name]);
  await kiosk.fillField(residence.form, 'address', { postalCode: '0166' });
  await kiosk.next();
  await expect(page.getByText(postal.invalidMessage.de)).toBeVisible();
  await expect(page.getByLabel(postal.label.de, { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Switching language keeps the answers and shows the message in English.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByLabel(postal.label.en ?? '', { exact: true })).toHaveValue('0166');
  await kiosk.page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText(postal.invalidMessage.en ?? '')).toBeVisible();
});

test('the address entry takes the postcode on the number pad and suggests the town offline', async ({
  hub,
  kiosk,
  page,
}) => {
  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.search('ummelden');
  await kiosk.openService(residence.service.name.de);
  await kiosk.startForm();
  await page.context().setOffline(true);
  const address = page.getByRole('group', { name: residence.form.ui.fields['address']?.label.de ?? '' });
  const postalCode = address.getByLabel('Postleitzahl', { exact: true });
  const town = address.getByLabel('Ort', { exact: true });
  await expect(postalCode).toHaveAttribute('inputmode', 'numeric');
  await postalCode.fill('01665');
  await expect(town).toHaveValue('Lindenau');
  // Two towns share a postcode: both are offered, the citizen picks one by touch.
  await postalCode.fill('01667');
  await expect(town).toHaveValue('Lindenau');
  await address.getByRole('button', { name: 'Unterlindenau übernehmen' }).click();
  await expect(town).toHaveValue('Unterlindenau');
  await expect(address.getByRole('button', { name: 'Oberlindenau übernehmen' })).toBeVisible();
  await expect(address.getByRole('button', { name: 'Unterlindenau übernehmen' })).toHaveCount(0);
  // A postcode outside the region suggests nothing and keeps what the citizen typed.
  await postalCode.fill('80331');
  await expect(town).toHaveValue('Unterlindenau');
  await expect(address.getByRole('button', { name: /übernehmen/ })).toHaveCount(0);
});

test('the hub refuses invalid submissions with a readable message, never a 500', async ({ hub, request }) => {
  const token = String(demoKioskConfig(hub.url)['terminalToken']);
  const headers = { authorization: `Bearer ${token}` };
  const office = demoContent.offices.find((o) => o.id === residence.form.officeId);
  const valid = await sealSubmission(
    {
      id: crypto.randomUUID(),
      trackingCode: 'ABCD-EFGH-JKMN',
      formId: residence.form.id,
      formVersion: residence.form.version,
      serviceId: residence.service.id,
      locale: 'de',
      submittedAt: new Date().toISOString(),
    },
    residence.answers,
    office?.encryptionKeys ?? [],
  );

  const plaintext = await request.post(hub.url + API.submissions, {
    headers,
    data: { ...valid, data: JSON.stringify(residence.answers) },
  });
  expect(plaintext.status()).toBe(400);
  expect(await plaintext.json()).toMatchObject({
    error: 'invalid_request',
    message: expect.stringContaining('must be a JWE in compact serialization'),
  });

  const notJson = await request.post(hub.url + API.submissions, {
    headers: { ...headers, 'content-type': 'application/json' },
    data: '{"id": ',
  });
  expect(notJson.status()).toBe(400);

  const tooBig = await request.post(hub.url + API.submissions, {
    headers,
    data: { ...valid, data: 'x'.repeat(600 * 1024) },
  });
  expect(tooBig.status()).toBe(413);

  const anonymous = await request.post(hub.url + API.submissions, { data: valid });
  expect(anonymous.status()).toBe(401);

  const first = await request.post(hub.url + API.submissions, { headers, data: valid });
  expect(first.status()).toBe(201);
  const again = await request.post(hub.url + API.submissions, { headers, data: valid });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual(await first.json());
  const changed = await request.post(hub.url + API.submissions, {
    headers,
    data: { ...valid, submittedAt: new Date(0).toISOString() },
  });
  expect(changed.status()).toBe(409);
});
