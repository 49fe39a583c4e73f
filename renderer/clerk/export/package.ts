import type { ClerkTexts } from '../texts.js';
import { applicationHtml } from './application-html.js';
import { ATTACHMENT_FOLDER, type OpenedApplication } from './types.js';

/**
 * A file name that is safe in every ZIP tool and file system: no folders, no control or reserved
 * characters, not empty, not a dot name.
 */
export function safeFileName(name: string): string {
  // Only the last part of a path: a name is never a place to write to.
  const base = name.split(/[/\\]/).pop() ?? '';
  const visible = [...base.normalize('NFC')].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? '_' : c));
  const cleaned = visible
    .join('')
    .replace(/[<>:"/\\|?*]+/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  return cleaned === '' ? 'anhang' : cleaned;
}

/** Names for the attachments in their folder: unique, the second "foto.jpg" becomes "foto-2.jpg". */
export function attachmentFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const safe = safeFileName(name);
    let candidate = safe;
    const dot = safe.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * The files of one application's export, by path inside its folder: the answers exactly as
 * decrypted (answers.json, whose SHA-512 the metadata names), the printable view (antrag.html),
 * the attachments, and metadata.json with the envelope, the hashes and the checks.
 */
export function applicationFiles(
  application: OpenedApplication,
  t: ClerkTexts,
  exportedAt: Date,
): Map<string, Uint8Array<ArrayBuffer>> {
  const { detail, opened } = application;
  const encoder = new TextEncoder();
  const names = attachmentFileNames(application.attachments.map((a) => a.described.name));
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  files.set('answers.json', opened.data ?? encoder.encode(`${JSON.stringify(opened.answers, null, 2)}\n`));
  files.set('antrag.html', encoder.encode(applicationHtml(application, names, t, exportedAt)));
  application.attachments.forEach((attachment, index) =>
    files.set(`${ATTACHMENT_FOLDER}/${names[index] ?? 'anhang'}`, attachment.bytes),
  );
  const metadata = {
    submissionId: detail.id,
    trackingCode: detail.trackingCode,
    form: { id: detail.formId, version: detail.formVersion, title: detail.formTitle },
    serviceId: detail.serviceId,
    officeId: detail.officeId,
    terminalId: detail.terminalId,
    locale: detail.locale,
    submittedAt: detail.submittedAt,
    receivedAt: detail.receivedAt,
    status: detail.status,
    keyId: detail.keyId,
    exportedAt: exportedAt.toISOString(),
    data: { file: 'answers.json', sha512: opened.metadata.dataSha512, verified: application.dataVerified },
    attachments: application.attachments.map((attachment, index) => ({
      file: `${ATTACHMENT_FOLDER}/${names[index] ?? 'anhang'}`,
      name: attachment.described.name,
      mediaType: attachment.described.mediaType,
      size: attachment.described.size,
      sha512: attachment.described.sha512,
      ...(attachment.described.fieldId ? { fieldId: attachment.described.fieldId } : {}),
      verified: attachment.verified,
    })),
    problems: [...opened.problems, ...opened.fieldErrors.map((e) => `${e.field}: ${e.message}`)],
  };
  files.set('metadata.json', encoder.encode(`${JSON.stringify(metadata, null, 2)}\n`));
  return files;
}
