import type { AttachmentRef, UploadState } from '../../protocol/attachments.js';
import { isUniqueViolation } from '../db/errors.js';
import type { AttachmentUploadTable, HubKysely } from '../db/schema.js';
import { sha256Hex } from '../util/hash.js';
import { readJweHeader, type JweHeaderCheck } from '../util/jwe-header.js';

type JweProblemCode = Extract<JweHeaderCheck, { ok: false }>['code'];

/**
 * Chunked, resumable uploads of sealed attachments. The terminal asks where the hub stands and
 * sends the next chunk at exactly that offset; each chunk is committed (SQLite synchronous=FULL,
 * or PostgreSQL) before the answer, so an acknowledged offset survives a crash of the hub. A
 * resend of a chunk the hub already has is answered as if it were new; anything else at a
 * wrong offset is refused with the offset the hub has.
 */
export interface ChunkInput {
  submissionId: string;
  attachmentId: string;
  terminalId: string;
  offset: number;
  /** Total length of the sealed attachment (JWE compact text). */
  length: number;
  text: string;
  /** Most bytes of uploads no submission lists yet that one terminal may hold (default below). */
  maxPendingBytes?: number;
}

/**
 * A terminal uploads at most a few attachments ahead of their submission (the outbox sender keeps
 * three in flight, each at most 20 MB plaintext), so this is generous for honest terminals while it
 * keeps a stolen or broken one from filling the hub's disk with uploads it never submits.
 */
export const MAX_PENDING_UPLOAD_BYTES = 256 * 1024 * 1024;

export type ChunkOutcome =
  | { kind: 'stored'; state: UploadState }
  | { kind: 'offset_mismatch'; state: UploadState }
  | { kind: 'length_mismatch'; state: UploadState }
  | { kind: 'overflow' }
  | { kind: 'not_found' }
  | { kind: 'submission_closed' }
  | { kind: 'quota_exceeded'; pendingBytes: number; maxPendingBytes: number }
  | { kind: 'invalid_encryption'; code: JweProblemCode; message: string };

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
/** A chunk is a slice of a JWE compact: base64url characters and the four dots. */
export const CHUNK_TEXT = /^[A-Za-z0-9_.-]*$/;

function stateOf(upload: Pick<AttachmentUploadTable, 'received' | 'length' | 'completed_at'>): UploadState {
  return { offset: upload.received, length: upload.length, complete: upload.completed_at !== null };
}

/** Where the hub stands with an upload; a stranger's upload looks like none. */
export async function uploadState(
  db: HubKysely,
  submissionId: string,
  attachmentId: string,
  terminalId: string,
): Promise<UploadState | undefined> {
  const upload = await db
    .selectFrom('attachment_uploads')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  if (!upload || upload.terminal_id !== terminalId) return undefined;
  return stateOf(upload);
}

export async function putChunk(db: HubKysely, input: ChunkInput, now: Date): Promise<ChunkOutcome> {
  try {
    return await putChunkOnce(db, input, now);
  } catch (error) {
    // A parallel resend of the same chunk won the race: answer from what it stored.
    if (!isUniqueViolation(error)) throw error;
    return putChunkOnce(db, input, now);
  }
}

async function putChunkOnce(db: HubKysely, input: ChunkInput, now: Date): Promise<ChunkOutcome> {
  const { submissionId, attachmentId, terminalId, offset, length, text } = input;
  if (offset + text.length > length) return { kind: 'overflow' };
  return db.transaction().execute(async (trx): Promise<ChunkOutcome> => {
    let upload = await trx
      .selectFrom('attachment_uploads')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .where('attachment_id', '=', attachmentId)
      .executeTakeFirst();
    if (upload && upload.terminal_id !== terminalId) return { kind: 'not_found' };
    if (!upload) {
      const submission = await trx
        .selectFrom('submissions')
        .select('id')
        .where('id', '=', submissionId)
        .executeTakeFirst();
      if (submission) return { kind: 'submission_closed' };
      if (offset !== 0) return { kind: 'offset_mismatch', state: { offset: 0, length, complete: false } };
      const maxPendingBytes = input.maxPendingBytes ?? MAX_PENDING_UPLOAD_BYTES;
      const pendingBytes = await pendingUploadBytes(trx, terminalId);
      if (pendingBytes + length > maxPendingBytes) {
        return { kind: 'quota_exceeded', pendingBytes, maxPendingBytes };
      }
      upload = {
        submission_id: submissionId,
        attachment_id: attachmentId,
        terminal_id: terminalId,
        length,
        received: 0,
        created_at: now.toISOString(),
        completed_at: null,
      };
      await trx.insertInto('attachment_uploads').values(upload).execute();
    }
    if (upload.length !== length) return { kind: 'length_mismatch', state: stateOf(upload) };
    const hash = sha256Hex(text);
    if (offset < upload.received) {
      const earlier = await trx
        .selectFrom('attachment_chunks')
        .select(['sha256', 'text'])
        .where('submission_id', '=', submissionId)
        .where('attachment_id', '=', attachmentId)
        .where('start', '=', offset)
        .executeTakeFirst();
      const same = earlier?.sha256 === hash && earlier.text.length === text.length;
      return { kind: same ? 'stored' : 'offset_mismatch', state: stateOf(upload) };
    }
    if (offset > upload.received || text.length === 0) {
      return { kind: 'offset_mismatch', state: stateOf(upload) };
    }
    await trx
      .insertInto('attachment_chunks')
      .values({ submission_id: submissionId, attachment_id: attachmentId, start: offset, text, sha256: hash })
      .execute();
    const received = offset + text.length;
    let completedAt: string | null = null;
    if (received === length) {
      const whole = await sealedText(trx, submissionId, attachmentId);
      const problem = jweProblem(whole ?? '');
      if (problem) {
        // Nothing of a broken upload stays: the terminal may start again from zero.
        await deleteUpload(trx, submissionId, attachmentId);
        return { kind: 'invalid_encryption', ...problem };
      }
      completedAt = now.toISOString();
    }
    await trx
      .updateTable('attachment_uploads')
      .set({ received, completed_at: completedAt })
      .where('submission_id', '=', submissionId)
      .where('attachment_id', '=', attachmentId)
      .execute();
    return { kind: 'stored', state: { offset: received, length, complete: completedAt !== null } };
  });
}

/** Bytes of this terminal's uploads that no received submission lists yet. */
async function pendingUploadBytes(db: HubKysely, terminalId: string): Promise<number> {
  const row = await db
    .selectFrom('attachment_uploads as u')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('u.length'), eb.lit(0)).as('bytes'))
    .where('u.terminal_id', '=', terminalId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('submissions as s').select('s.id').whereRef('s.id', '=', 'u.submission_id'))),
    )
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

function jweProblem(text: string): { code: JweProblemCode; message: string } | null {
  if (!COMPACT.test(text)) {
    return { code: 'invalid_encryption', message: 'the attachment is not a JWE in compact serialization' };
  }
  const header = readJweHeader(text);
  return header.ok ? null : { code: header.code, message: header.message };
}

async function deleteUpload(db: HubKysely, submissionId: string, attachmentId: string): Promise<void> {
  await db
    .deleteFrom('attachment_chunks')
    .where('submission_id', '=', submissionId)
    .where('attachment_id', '=', attachmentId)
    .execute();
  await db
    .deleteFrom('attachment_uploads')
    .where('submission_id', '=', submissionId)
    .where('attachment_id', '=', attachmentId)
    .execute();
}

/** The whole sealed attachment, its chunks joined in order; undefined when there is none. */
export async function sealedText(
  db: HubKysely,
  submissionId: string,
  attachmentId: string,
): Promise<string | undefined> {
  const chunks = await db
    .selectFrom('attachment_chunks')
    .select('text')
    .where('submission_id', '=', submissionId)
    .where('attachment_id', '=', attachmentId)
    .orderBy('start')
    .execute();
  return chunks.length === 0 ? undefined : chunks.map((c) => c.text).join('');
}

export type AttachmentCheck =
  | { ok: true }
  | { ok: false; kind: 'attachments_incomplete'; missing: string[] }
  | { ok: false; kind: 'invalid_encryption'; code: JweProblemCode; message: string };

/**
 * Before a submission is stored: every attachment it lists was uploaded by the same terminal,
 * is complete with the announced length, and is sealed to the submission's key.
 */
export async function checkAttachments(
  db: HubKysely,
  submissionId: string,
  refs: readonly AttachmentRef[],
  terminalId: string,
  keyId: string,
): Promise<AttachmentCheck> {
  if (refs.length === 0) return { ok: true };
  const uploads = await db
    .selectFrom('attachment_uploads')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .where(
      'attachment_id',
      'in',
      refs.map((r) => r.id),
    )
    .execute();
  const byId = new Map(uploads.map((u) => [u.attachment_id, u]));
  const missing = refs
    .filter((ref) => {
      const upload = byId.get(ref.id);
      return (
        !upload ||
        upload.terminal_id !== terminalId ||
        upload.completed_at === null ||
        upload.length !== ref.length
      );
    })
    .map((ref) => ref.id);
  if (missing.length > 0) return { ok: false, kind: 'attachments_incomplete', missing };
  for (const ref of refs) {
    const first = await db
      .selectFrom('attachment_chunks')
      .select('text')
      .where('submission_id', '=', submissionId)
      .where('attachment_id', '=', ref.id)
      .where('start', '=', 0)
      .executeTakeFirst();
    const header = readJweHeader(`${(first?.text ?? '').split('.')[0] ?? ''}.x.x.x.x`);
    if (!header.ok)
      return {
        ok: false,
        kind: 'invalid_encryption',
        code: header.code,
        message: `attachment ${ref.id}: ${header.message}`,
      };
    if (header.kid !== keyId) {
      return {
        ok: false,
        kind: 'invalid_encryption',
        code: 'invalid_encryption',
        message: `attachment ${ref.id} is encrypted to ${header.kid}, not to keyId ${keyId}`,
      };
    }
  }
  return { ok: true };
}

/** How long an upload whose submission never came is kept (a terminal may be offline for weeks). */
export const ABANDONED_UPLOAD_DAYS = 30;

/**
 * Deletes uploads older than `before` that no submission lists: a terminal reset or a
 * quarantined application leaves them behind, and nobody can ever read them. Returns how many.
 */
export async function pruneAbandonedUploads(db: HubKysely, before: Date): Promise<number> {
  const stale = await db
    .selectFrom('attachment_uploads')
    .select(['submission_id', 'attachment_id'])
    .where('created_at', '<', before.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submissions')
            .select('submissions.id')
            .whereRef('submissions.id', '=', 'attachment_uploads.submission_id'),
        ),
      ),
    )
    .execute();
  for (const upload of stale) await deleteUpload(db, upload.submission_id, upload.attachment_id);
  return stale.length;
}
