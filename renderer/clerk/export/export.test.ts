import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '../../../protocol/clerk.js';
import { demoAnswersAt } from '../../../demo/demo-answers.js';
import { demoContent } from '../../../demo/demo-content.js';
import { demoOfficeKeys, demoPrivateKeyPath } from '../../../demo/demo-keys.js';
import { importDecryptionKey } from '../../shared/encryption/jwe.js';
import { sealApplication } from '../../shared/encryption/seal.js';
import { de } from '../texts.js';
import { exportApplications, type ExportProgress, type ExportSource } from './collect.js';
import { attachmentFileNames, safeFileName } from './package.js';

const found = demoContent.forms.find((f) => f.id === 'wohnsitz-anmeldung');
if (!found) throw new Error('demo content has no wohnsitz-anmeldung');
const form = found;
const answers = demoAnswersAt(new Date('2026-06-15T10:00:00Z'))['wohnsitz-anmeldung'] ?? {};
const privateKey = await importDecryptionKey(
  JSON.parse(readFileSync(demoPrivateKeyPath(form.officeId), 'utf8')) as JsonWebKey,
);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

/** An application as the hub holds it (sealed), and the attachments the hub would serve. */
async function sealed(id: string, trackingCode: string, attachmentName: string) {
  const { request, attachments } = await sealApplication(
    {
      id,
      trackingCode,
      formId: form.id,
      formVersion: form.version,
      serviceId: 'wohnsitz-anmelden',
      locale: 'de',
      submittedAt: '2026-06-15T09:30:00.000Z',
    },
    answers,
    demoOfficeKeys(form.officeId),
    [{ id: crypto.randomUUID(), name: attachmentName, mediaType: 'image/png', bytes: png }],
  );
  const detail: SubmissionDetail = {
    id,
    trackingCode,
    formId: form.id,
    formVersion: form.version,
    formTitle: form.title.de,
    serviceId: request.serviceId,
    officeId: form.officeId,
    terminalId: 'foyer',
    status: 'received',
    statusMessage: '',
    submittedAt: request.submittedAt,
    receivedAt: '2026-06-15T09:31:00.000Z',
    locale: 'de',
    keyId: request.keyId,
    data: request.data,
    metadata: request.metadata,
    attachments: (request.attachments ?? []).map((a) => ({ id: a.id, length: a.length })),
    form: form,
  };
  return { detail, jwes: new Map(attachments.map((a) => [a.id, a.jwe])) };
}

const first = await sealed('4f8c2a10-1111-4aaa-8bbb-000000000001', 'ABCD-EFGH-JKMN', 'meldebestätigung.png');
const second = await sealed('4f8c2a10-2222-4aaa-8bbb-000000000002', 'PQRS-TUVW-XYZA', '../etc/passwd');
const sealedOf = (id: string) => {
  const application = [first, second].find((s) => s.detail.id === id);
  if (!application) throw new Error(`no application ${id}`);
  return application;
};
const source: ExportSource = {
  submission: (id) => Promise.resolve(sealedOf(id).detail),
  attachment: (id, attachmentId) => Promise.resolve(sealedOf(id).jwes.get(attachmentId) ?? ''),
};
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const joined = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('export of decrypted applications', () => {
  it('makes one ZIP with a folder per application: answers, printable view, attachments, metadata', async () => {
    const progress: ExportProgress[] = [];
    const result = await exportApplications([first.detail.id, second.detail.id], {
      source,
      keyFor: (kid) => (kid === first.detail.keyId ? privateKey : undefined),
      t: de,
      now: () => new Date('2026-06-20T08:00:00.000Z'),
      onProgress: (p) => progress.push(p),
    });
    if (result.kind !== 'zip') throw new Error(`expected a zip, got ${result.kind}`);
    expect(result.fileName).toMatch(/^antraege-2026-06-2\d\.zip$/);
    const files = unzipSync(joined(result.parts));
    expect(Object.keys(files).sort()).toEqual([
      'ABCD-EFGH-JKMN/anhaenge/meldebestätigung.png',
      'ABCD-EFGH-JKMN/answers.json',
      'ABCD-EFGH-JKMN/antrag.html',
      'ABCD-EFGH-JKMN/metadata.json',
      'PQRS-TUVW-XYZA/anhaenge/passwd',
      'PQRS-TUVW-XYZA/answers.json',
      'PQRS-TUVW-XYZA/antrag.html',
      'PQRS-TUVW-XYZA/metadata.json',
    ]);
    expect(JSON.parse(text(files['ABCD-EFGH-JKMN/answers.json']))).toEqual(answers);
    expect(files['ABCD-EFGH-JKMN/anhaenge/meldebestätigung.png']).toEqual(png);

    const metadata = JSON.parse(text(files['ABCD-EFGH-JKMN/metadata.json'])) as Record<string, unknown>;
    const dataHash = createHash('sha512')
      .update(files['ABCD-EFGH-JKMN/answers.json'] ?? new Uint8Array())
      .digest('hex');
    expect(metadata).toMatchObject({
      submissionId: first.detail.id,
      trackingCode: 'ABCD-EFGH-JKMN',
      form: { id: 'wohnsitz-anmeldung', version: form.version },
      serviceId: 'wohnsitz-anmelden',
      submittedAt: '2026-06-15T09:30:00.000Z',
      data: { file: 'answers.json', sha512: dataHash, verified: true },
      attachments: [
        {
          file: 'anhaenge/meldebestätigung.png',
          sha512: createHash('sha512').update(png).digest('hex'),
          verified: true,
        },
      ],
    });

    const html = text(files['ABCD-EFGH-JKMN/antrag.html']);
    expect(html).toContain('<title>Anmeldung');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('Hauptwohnung'); // residenceType "main", as the console shows it
    expect(html).not.toMatch(/>main</);
    expect(html).not.toMatch(/>female</);
    const [y, m, d] = String(answers['moveInDate']).split('-');
    expect(html).toContain(`${d}.${m}.${y}`);
    expect(html).not.toContain(String(answers['moveInDate']));
    expect(html).toContain('Lindenstraße');

    // The bar only moves forward and ends full.
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: 2, total: 2, percent: 100 });
  });

  it('puts a single application at the top of its ZIP', async () => {
    const result = await exportApplications([first.detail.id], {
      source,
      keyFor: () => privateKey,
      t: de,
      now: () => new Date('2026-06-20T08:00:00.000Z'),
      onProgress: () => {},
    });
    if (result.kind !== 'zip') throw new Error('expected a zip');
    expect(result.fileName).toBe('antrag-ABCD-EFGH-JKMN.zip');
    expect(Object.keys(unzipSync(joined(result.parts))).sort()).toEqual([
      'anhaenge/meldebestätigung.png',
      'answers.json',
      'antrag.html',
      'metadata.json',
    ]);
  });

  it('asks for the key instead of exporting what it cannot open', async () => {
    const result = await exportApplications([first.detail.id], {
      source,
      keyFor: () => undefined,
      t: de,
      now: () => new Date(),
      onProgress: () => {},
    });
    expect(result).toEqual({ kind: 'needs-key', keyId: first.detail.keyId });
  });

  it('names attachments safely and uniquely', () => {
    expect(safeFileName('../../x.pdf')).toBe('x.pdf');
    expect(safeFileName('C:\\Users\\a\\scan.pdf')).toBe('scan.pdf');
    expect(safeFileName('a\u0000b:c.png')).toBe('a_b_c.png');
    expect(safeFileName(' .. ')).toBe('anhang');
    expect(attachmentFileNames(['foto.jpg', 'Foto.jpg', 'foto.jpg'])).toEqual([
      'foto.jpg',
      'Foto-2.jpg',
      'foto-3.jpg',
    ]);
  });
});
