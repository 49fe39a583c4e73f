import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { API } from '../../protocol/api.js';
import type { FormAnswers } from '../../protocol/forms.js';
import { sealApplication } from '../../renderer/shared/encryption/seal.js';
import { demoContent } from '../../demo/demo-content.js';
import { demoKioskConfig } from '../../scripts/kiosk-url.js';
import type { APIRequestContext } from '@playwright/test';
import { openClerkConsole } from '../support/clerk.js';
import { demoForm, demoPrivateKeyPath, identifyingTexts } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';

/**
 * The export of several applications, end to end: two sealed applications with a scan each
 * arrive at a real hub, the clerk selects both in the console and downloads one ZIP made in the
 * browser; Debian's `unzip` (not our code) opens it. Every request the console sends is
 * recorded, and none carries any of the answers.
 */
const residence = demoForm('wohnsitz-anmeldung');
const office = demoContent.offices.find((o) => o.id === residence.form.officeId);

interface Sent {
  trackingCode: string;
  answers: FormAnswers;
  scanName: string;
  scan: Buffer;
}

/** A small but real PNG: the signature, then bytes that make each scan different. */
const scanBytes = (seed: number) =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    Buffer.from(Array.from({ length: 600 }, (_, i) => (i * seed) % 256)),
  ]);

async function send(request: APIRequestContext, hubUrl: string, sent: Sent): Promise<void> {
  const headers = { authorization: `Bearer ${String(demoKioskConfig(hubUrl)['terminalToken'])}` };
  const { request: body, attachments } = await sealApplication(
    {
      id: randomUUID(),
      trackingCode: sent.trackingCode,
      formId: residence.form.id,
      formVersion: residence.form.version,
      serviceId: residence.service.id,
      locale: 'de',
      submittedAt: new Date().toISOString(),
    },
    sent.answers,
    office?.encryptionKeys ?? [],
    [{ id: randomUUID(), name: sent.scanName, mediaType: 'image/png', bytes: new Uint8Array(sent.scan) }],
  );
  for (const attachment of attachments) {
    const put = await request.put(
      `${hubUrl}${API.submissionAttachmentChunks(body.id, attachment.id)}?offset=0&length=${attachment.jwe.length}`,
      {
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        data: Buffer.from(attachment.jwe, 'latin1'),
      },
    );
    expect(put.status(), await put.text()).toBe(200);
  }
  const posted = await request.post(hubUrl + API.submissions, { headers, data: body });
  expect(posted.status(), await posted.text()).toBe(201);
}

const unzip = (zip: string, ...args: string[]) => execFileSync('unzip', [...args, zip]);
const entry = (zip: string, path: string) => execFileSync('unzip', ['-p', zip, path]);

test('the clerk exports two selected applications as one ZIP that a plain unzip reads, and the hub sees no answer', async ({
  hub,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const sent: Sent[] = [
    {
      trackingCode: 'ABCD-EFGH-JKMN',
      answers: residence.answers,
      scanName: 'Mietvertrag.png',
      scan: scanBytes(7),
    },
    {
      trackingCode: 'PQRS-TVWX-YZ23',
      answers: {
        ...residence.answers,
        residenceType: 'secondary',
        familyName: 'Wagner',
        givenNames: 'Jonas',
      },
      scanName: 'Wohnungsgeberbestätigung.png',
      scan: scanBytes(13),
    },
  ];
  for (const application of sent) await send(request, hub.url, application);

  const { context, clerk } = await openClerkConsole(browser, hub.url);
  // Every request body the console sends to the hub, and the attachments held until the
  // progress bar has been seen.
  const bodies: string[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route('**/*', async (route) => {
    const body = route.request().postDataBuffer();
    if (body) bodies.push(body.toString('utf8'));
    bodies.push(route.request().url());
    if (/\/api\/v1\/clerk\/submissions\/[^/]+\/attachments\//.test(route.request().url())) await released;
    await route.continue();
  });

  for (const { trackingCode } of sent)
    await clerk.getByRole('checkbox', { name: `Antrag ${trackingCode} auswählen` }).check();
  await expect(clerk.getByText('2 Anträge ausgewählt')).toBeVisible();
  const axe = await new AxeBuilder({ page: clerk })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
  await clerk.getByRole('button', { name: '2 Anträge als ZIP exportieren' }).click();

  // The office key is not in this browser yet: the export asks for it, then goes on by itself.
  await expect(clerk.getByText('Für den Export wird der Schlüssel des Amtes gebraucht.')).toBeVisible();
  await clerk.getByLabel('Schlüsseldatei (JWK)').setInputFiles(demoPrivateKeyPath(residence.form.officeId));
  await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
  await clerk.getByLabel('Passphrase wiederholen').fill('lange geheime Passphrase');
  const downloaded = clerk.waitForEvent('download');
  await clerk.getByRole('button', { name: 'Schlüssel importieren' }).click();

  const bar = clerk.getByRole('progressbar', { name: 'Fortschritt des Exports' });
  await expect(bar).toBeVisible();
  const during = Number(await bar.getAttribute('aria-valuenow'));
  expect(during).toBeGreaterThanOrEqual(0);
  expect(during).toBeLessThan(100);
  release();

  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^antraege-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await download.path();
  await expect(
    clerk.getByText(`Export fertig: ${download.suggestedFilename()} wurde heruntergeladen.`),
  ).toBeVisible();

  // unzip tests the archive (CRCs) and lists a folder per application.
  expect(unzip(zip, '-tq').toString()).toContain('No errors detected');
  const listing = unzip(zip, '-Z1').toString().split('\n').filter(Boolean).sort();
  expect(listing).toEqual(
    sent
      .flatMap(({ trackingCode, scanName }) => [
        `${trackingCode}/anhaenge/${scanName}`,
        `${trackingCode}/answers.json`,
        `${trackingCode}/antrag.html`,
        `${trackingCode}/metadata.json`,
      ])
      .sort(),
  );

  for (const application of sent) {
    const folder = application.trackingCode;
    expect(JSON.parse(entry(zip, `${folder}/answers.json`).toString('utf8'))).toEqual(application.answers);
    expect(entry(zip, `${folder}/anhaenge/${application.scanName}`).equals(application.scan)).toBe(true);

    const metadata = JSON.parse(entry(zip, `${folder}/metadata.json`).toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(metadata).toMatchObject({
      trackingCode: folder,
      form: { id: residence.form.id, version: residence.form.version },
      serviceId: residence.service.id,
      data: { file: 'answers.json', verified: true },
      attachments: [{ file: `anhaenge/${application.scanName}`, mediaType: 'image/png', verified: true }],
    });

    const html = entry(zip, `${folder}/antrag.html`).toString('utf8');
    expect(html).toContain('Art der Wohnung');
    expect(html).toContain(application.answers['residenceType'] === 'main' ? 'Hauptwohnung' : 'Nebenwohnung');
    expect(html).toContain('Tag des Einzugs');
    const [y, m, d] = String(application.answers['moveInDate']).split('-');
    expect(html).toContain(`${d}.${m}.${y}`);
    // No raw codes and no ISO dates in the printable view.
    for (const raw of ['main', 'secondary', 'female', String(application.answers['moveInDate'])])
      expect(html, raw).not.toContain(`<td>${raw}</td>`);
    expect(html).not.toContain(String(application.answers['moveInDate']));
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link |src="https?:/);
  }

  // Nothing the citizens typed went to the hub: not in a body, not in a URL.
  const identifying = sent.flatMap((s) => identifyingTexts(s.answers));
  expect(identifying.length).toBeGreaterThan(5);
  for (const text of identifying) for (const body of bodies) expect(body, text).not.toContain(text);
  await context.close();
});
