import Database from 'better-sqlite3';
import { importJWK } from 'jose';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demoAnswersAt } from '../../demo/demo-answers.js';
import { demoContent } from '../../demo/demo-content.js';
import { demoPrivateKeyPath } from '../../demo/demo-keys.js';
import type { FormAnswers, FormDefinition } from '../../protocol/forms.js';
import type { Service } from '../../protocol/catalog.js';

/**
 * A demo form with the service that offers it and a valid set of answers, given on the day `now`
 * falls on (the test's clock; the real one unless a test moves it).
 */
export function demoForm(
  formId: string,
  now: Date = new Date(),
): { form: FormDefinition; service: Service; answers: FormAnswers } {
  const form = demoContent.forms.find((f) => f.id === formId);
  const service = demoContent.services.find((s) => s.formId === formId);
  const answers = demoAnswersAt(now)[formId];
  if (!form || !service || !answers) throw new Error(`demo content has no form ${formId}`);
  return { form, service, answers };
}

const published = JSON.stringify(demoContent);
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What identifies the citizen and the terminal cannot know otherwise — names, streets, places,
 * plates, free text, e-mail, phone: texts of five characters or more that the published catalog
 * does not contain. The privacy checks search the terminal's and the hub's storage for these.
 * Excluded: calendar dates (`YYYY-MM-DD`). The plaintext envelope of a queued application must
 * carry the day it was made (`createdAt`, `submittedAt`), and a typed date (a move-in, a start
 * date) may be that very day; a date alone does not identify anyone.
 */
export function identifyingTexts(answers: FormAnswers): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (
      typeof value === 'string' &&
      value.length >= 5 &&
      !CALENDAR_DATE.test(value) &&
      !published.includes(value)
    )
      texts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(answers);
  return texts;
}

interface SubmissionOnDisk {
  id: string;
  tracking_code: string;
  data_jwe: string;
  metadata_jwe: string;
  received_at: string;
}

/** Reads the hub's SQLite file directly: what is really on the town hall's disk. */
export function submissionsOnDisk(dataDir: string): SubmissionOnDisk[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT id, tracking_code, data_jwe, metadata_jwe, received_at FROM submissions')
      .all() as SubmissionOnDisk[];
  } finally {
    db.close();
  }
}

/** The tracking codes of the applications on the hub's disk, sorted (to compare with those sent). */
export function trackingCodesOnDisk(dataDir: string): string[] {
  return submissionsOnDisk(dataDir)
    .map((s) => s.tracking_code)
    .sort();
}

/** Per submission on the hub's disk: how many attachments it lists and how many of them arrived whole. */
export function attachmentsOnDisk(
  dataDir: string,
): { trackingCode: string; listed: number; complete: number }[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT s.tracking_code AS trackingCode, s.attachments AS refs,
           (SELECT COUNT(*) FROM attachment_uploads u
             WHERE u.submission_id = s.id AND u.completed_at IS NOT NULL AND u.received = u.length) AS complete
         FROM submissions s`,
      )
      .all() as { trackingCode: string; refs: string; complete: number }[];
    return rows.map((row) => ({
      trackingCode: row.trackingCode,
      listed: (JSON.parse(row.refs) as unknown[]).length,
      complete: row.complete,
    }));
  } finally {
    db.close();
  }
}

/** Every byte the hub keeps in its data folder (database, WAL, journal), as latin1 text to search. */
export function hubDiskBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .map((name) => join(dataDir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

/** The bytes of a UTF-8 string as latin1 text, to search `hubDiskBytes` and other raw file contents. */
export function asDiskText(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** The demo office's private key file, as the office hands it to its clerks. */
export { demoPrivateKeyPath };

/** The demo office's private key for jose, the JOSE implementation that did not encrypt. */
export async function demoOfficeDecryptionKey(officeId: string) {
  const jwk = JSON.parse(readFileSync(demoPrivateKeyPath(officeId), 'utf8')) as Record<string, unknown>;
  return importJWK(jwk, 'RSA-OAEP-256');
}
