import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { SubmissionDetail } from '../../../protocol/clerk.js';
import { openSubmission } from '../../shared/encryption/open.js';
import { decryptJwe, sha512Hex } from '../../shared/encryption/jwe.js';
import type { ClerkTexts } from '../texts.js';
import { applicationFiles } from './package.js';
import type { OpenedApplication } from './types.js';

/** What an export reads from the hub: only sealed envelopes and sealed attachments. */
export interface ExportSource {
  submission(id: string): Promise<SubmissionDetail>;
  attachment(submissionId: string, attachmentId: string): Promise<string>;
}

export interface ExportProgress {
  /** Applications finished. */
  done: number;
  total: number;
  /** 0-100, counting each application and each of its attachments as one step. */
  percent: number;
}

export type ExportResult =
  /** The ZIP in the pieces it was written in (a Blob joins them without one big copy). */
  | { kind: 'zip'; fileName: string; parts: Uint8Array<ArrayBuffer>[] }
  /** The office key for these applications is not unlocked in this tab. */
  | { kind: 'needs-key'; keyId: string };

export interface ExportOptions {
  source: ExportSource;
  keyFor(keyId: string): CryptoKey | undefined;
  t: ClerkTexts;
  now(): Date;
  onProgress(progress: ExportProgress): void;
}

/** Decrypts one application and its attachments, checking each against the metadata record. */
export async function openApplication(
  detail: SubmissionDetail,
  key: CryptoKey,
  source: ExportSource,
  onStep: () => void = () => {},
): Promise<OpenedApplication> {
  const opened = await openSubmission(detail, detail.form, key);
  const dataVerified =
    opened.data !== undefined && (await sha512Hex(opened.data)) === opened.metadata.dataSha512;
  onStep();
  const attachments: OpenedApplication['attachments'] = [];
  for (const described of opened.metadata.attachments) {
    const bytes = await decryptJwe(await source.attachment(detail.id, described.id), key);
    const verified = bytes.byteLength === described.size && (await sha512Hex(bytes)) === described.sha512;
    attachments.push({ described, bytes, verified });
    onStep();
  }
  return { detail, opened, dataVerified, attachments };
}

/** Files that are compressed already are stored as they are; text is deflated. */
const STORED = /\.(jpe?g|png|pdf|zip|gz)$/i;

/**
 * Entries are marked as made on Unix with mode 0644: Info-ZIP's unzip (Debian's, and others)
 * reads the names of entries from an MS-DOS host as code page 437 even with the UTF-8 flag set,
 * so "Bestätigung.png" would come out garbled.
 */
const UNIX_FILE = { os: 3, attrs: 0o100644 * 0x10000 };

/**
 * The export of the given applications as one ZIP, made here from what this tab decrypts: one
 * application's files at the top, several in a folder per application (its tracking code). The
 * hub is asked only for the sealed envelopes and attachments it already holds.
 */
export async function exportApplications(
  ids: readonly string[],
  options: ExportOptions,
): Promise<ExportResult> {
  const { source, t } = options;
  const details: SubmissionDetail[] = [];
  for (const id of ids) details.push(await source.submission(id));
  for (const detail of details) {
    if (!options.keyFor(detail.keyId)) return { kind: 'needs-key', keyId: detail.keyId };
  }

  const totalSteps = details.reduce((sum, d) => sum + 1 + d.attachments.length, 0);
  let steps = 0;
  let done = 0;
  const report = () =>
    options.onProgress({
      done,
      total: details.length,
      percent: totalSteps === 0 ? 100 : Math.min(99, Math.floor((steps / totalSteps) * 100)),
    });
  report();

  const exportedAt = options.now();
  // Written as it goes: each application's plaintext can be let go once its files are in.
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else parts.push(chunk as Uint8Array<ArrayBuffer>);
  });
  for (const detail of details) {
    const key = options.keyFor(detail.keyId);
    if (!key) return { kind: 'needs-key', keyId: detail.keyId };
    const application = await openApplication(detail, key, source, () => {
      steps++;
      report();
    });
    const folder = details.length === 1 ? '' : `${detail.trackingCode}/`;
    for (const [path, bytes] of applicationFiles(application, t, exportedAt)) {
      const name = `${folder}${path}`;
      const entry = STORED.test(path) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      Object.assign(entry, UNIX_FILE, { mtime: exportedAt });
      zip.add(entry);
      entry.push(bytes, true);
    }
    done++;
    report();
  }
  zip.end();
  if (failure) throw failure;
  options.onProgress({ done, total: details.length, percent: 100 });
  const [only] = details;
  const fileName =
    details.length === 1 && only ? `antrag-${only.trackingCode}.zip` : `antraege-${localDay(exportedAt)}.zip`;
  return { kind: 'zip', fileName, parts };
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
