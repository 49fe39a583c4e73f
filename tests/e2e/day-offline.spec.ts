import { chromium, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactDecrypt } from 'jose';
import type { FormAnswers } from '../../protocol/forms.js';
import { SubmissionMetadata } from '../../protocol/submission.js';
import { mediaLaunchOptions } from '../support/call.js';
import {
  asDiskText,
  demoForm,
  demoOfficeDecryptionKey,
  hubDiskBytes,
  identifyingTexts,
  submissionsOnDisk,
  trackingCodesOnDisk,
} from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';
import { cutPower } from '../support/power-cut.js';

/**
 * The promise as one story: the line is cut for a day of applications, the shop switches
 * the terminal off hard at night and on again in the morning (still without line), and when the
 * line returns every application is at the town hall exactly once, readable only with the
 * responsible office's key, and nothing of it stayed readable on the terminal.
 * `POP_DAY_APPLICATIONS` sets how many citizens come by (default 4; each third brings a photo).
 */
const APPLICATIONS = Number(process.env['POP_DAY_APPLICATIONS'] ?? 4);
const forms = [
  demoForm('wohnsitz-anmeldung'),
  demoForm('anwohnerparkausweis'), // with its required photo of the vehicle registration
  demoForm('hundesteuer-anmeldung'),
];
const PHOTO_FIELD = 'registrationPhoto';

type DemoForm = (typeof forms)[number];

interface Sent {
  code: string;
  demo: DemoForm;
}

function formFor(citizen: number): DemoForm {
  const demo = forms[citizen % forms.length];
  if (!demo) throw new Error('no demo forms');
  return demo;
}

test('a day offline and a power cut: every application arrives once, readable only by its office', async ({
  hub,
}) => {
  test.setTimeout(120_000 + APPLICATIONS * 25_000);
  const profile = mkdtempSync(join(tmpdir(), 'pop-day-profile-'));
  const { args, executablePath } = mediaLaunchOptions();
  const launch = () => chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
  const sent: Sent[] = [];
  // The privacy checks below look for these; each form has several (names, streets, plate ...).
  for (const { form, answers } of forms)
    expect(identifyingTexts(answers).length, form.id).toBeGreaterThanOrEqual(3);
  try {
    // Morning: the terminal syncs once, then the line goes down for the rest of the day.
    let context = await launch();
    let page = await firstPage(context);
    let kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    await kiosk.waitForContent();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);

    for (let i = 0; i < APPLICATIONS; i++) {
      const demo = formFor(i);
      sent.push({ code: await kiosk.submitApplication(demo.service, demo.form, demo.answers), demo });
    }
    await kiosk.startInGerman();
    await expect(kiosk.status).toContainText('Offline');
    await expect(kiosk.status).toContainText(waiting(APPLICATIONS));
    expect(trackingCodesOnDisk(hub.dataDir)).toEqual([]);

    // Night: the power goes, no shutdown. Morning: on again, the line still down.
    cutPower(profile);
    context = await launch();
    await context.setOffline(true);
    page = await firstPage(context);
    kiosk = new KioskPage(page);
    await page.goto(`${hub.url}/kiosk/`);
    await kiosk.startInGerman(); // the catalog comes from the terminal's own storage
    await expect(kiosk.status).toContainText('Offline');
    await expect(kiosk.status).toContainText(waiting(APPLICATIONS));
    // The next citizen finds nothing of the day's: no draft, no answer, no photo in the clear.
    await expect(page.getByLabel('Dienstleistung suchen')).toHaveValue('');
    const onTerminal = await kiosk.everythingStored();
    for (const { demo } of sent) {
      for (const text of identifyingTexts(demo.answers))
        expect(onTerminal, `"${text}" on the terminal`).not.toContain(text);
    }

    // The line returns: the outbox drains by itself.
    await context.setOffline(false);
    await expect.poll(() => kiosk.outboxSize(), { timeout: 60_000 + APPLICATIONS * 5_000 }).toBe(0);
    await expect(kiosk.status).not.toContainText('wartet auf Versand');
    await expect(kiosk.status).not.toContainText('warten auf Versand');
    await context.close();

    // Exactly once each.
    expect(trackingCodesOnDisk(hub.dataDir)).toEqual(sent.map((s) => s.code).sort());
    const stored = submissionsOnDisk(hub.dataDir);

    // The hub's disk holds none of what the citizens typed.
    const disk = hubDiskBytes(hub.dataDir);
    for (const { demo } of sent) {
      for (const text of identifyingTexts(demo.answers))
        expect(disk.includes(asDiskText(text)), `"${text}" on the hub's disk`).toBe(false);
    }

    // Readable with the responsible office's key (jose, not the code that encrypted), and with
    // no other office's key; the metadata's hashes match the data and the photo's ciphertext
    // is complete at the hub.
    const offices = [...new Set(forms.map((f) => f.form.officeId))];
    const keys = new Map(
      await Promise.all(offices.map(async (id) => [id, await demoOfficeDecryptionKey(id)] as const)),
    );
    const officeKey = (officeId: string) => {
      const key = keys.get(officeId);
      if (!key) throw new Error(`no key of ${officeId}`);
      return key;
    };
    for (const { code, demo } of sent) {
      const { form, answers } = demo;
      const row = stored.find((s) => s.tracking_code === code);
      if (!row) throw new Error(`${code} is not at the hub`);
      const key = officeKey(form.officeId);
      const data = (await compactDecrypt(row.data_jwe, key)).plaintext;
      expect(JSON.parse(new TextDecoder().decode(data))).toMatchObject(stripPhoto(answers));
      const metadata = SubmissionMetadata.parse(
        JSON.parse(new TextDecoder().decode((await compactDecrypt(row.metadata_jwe, key)).plaintext)),
      );
      expect(metadata.formId).toBe(form.id);
      expect(metadata.dataSha512).toBe(createHash('sha512').update(data).digest('hex'));
      for (const other of offices.filter((id) => id !== form.officeId))
        await expect(compactDecrypt(row.data_jwe, officeKey(other))).rejects.toThrow();
      if (form.ui.steps.some((step) => step.fields.includes(PHOTO_FIELD))) {
        expect(metadata.attachments.map((a) => [a.fieldId, a.mediaType])).toEqual([
          [PHOTO_FIELD, 'image/jpeg'],
        ]);
        const [photo] = metadata.attachments;
        expect(completeUploads(hub.dataDir, row.id), `photo of ${code} complete`).toEqual([photo?.id]);
        const bytes = (await compactDecrypt(storedAttachment(hub.dataDir, row.id, photo?.id ?? ''), key))
          .plaintext;
        expect(bytes.length).toBe(photo?.size);
        expect(createHash('sha512').update(bytes).digest('hex')).toBe(photo?.sha512);
      } else {
        expect(metadata.attachments).toEqual([]);
      }
    }
  } finally {
    cutPower(profile);
    rmSync(profile, { recursive: true, force: true });
  }
});

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

function waiting(n: number): string {
  return n === 1 ? '1 Antrag wartet auf Versand' : `${n} Anträge warten auf Versand`;
}

/** The answers without the photo field (a photo is an attachment, not an answer). */
function stripPhoto(answers: FormAnswers): FormAnswers {
  return Object.fromEntries(Object.entries(answers).filter(([name]) => name !== PHOTO_FIELD));
}

/** The attachment ids of a submission the hub holds completely. */
function completeUploads(dataDir: string, submissionId: string): string[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          'SELECT attachment_id FROM attachment_uploads WHERE submission_id = ? AND completed_at IS NOT NULL AND received = length',
        )
        .all(submissionId) as { attachment_id: string }[]
    ).map((r) => r.attachment_id);
  } finally {
    db.close();
  }
}

/** An attachment's JWE as the hub's chunks hold it, put together in order. */
function storedAttachment(dataDir: string, submissionId: string, attachmentId: string): string {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          'SELECT text FROM attachment_chunks WHERE submission_id = ? AND attachment_id = ? ORDER BY start',
        )
        .all(submissionId, attachmentId) as { text: string }[]
    )
      .map((r) => r.text)
      .join('');
  } finally {
    db.close();
  }
}
