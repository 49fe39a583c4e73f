import type { SubmissionRequest } from '../../../protocol/submission.js';
import { KioskDatabase } from '../storage/index.js';

let opened = 0;

/** A fresh kiosk database of its own for one test (under fake-indexeddb); delete it after the test. */
export async function openTestDatabase(name: string): Promise<KioskDatabase> {
  const db = new KioskDatabase(`${name}-${++opened}`);
  await db.open();
  return db;
}

/** Submission id number n, a valid UUID. */
export const submissionId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Application number n as finalize queues it: the envelope in clear, data and metadata as stand-ins
 * for the sealed JWEs, submitted n seconds after 10:00 on 21 November 2026.
 */
export const sealedRequest = (n: number, overrides: Partial<SubmissionRequest> = {}): SubmissionRequest => ({
  id: submissionId(n),
  trackingCode: 'ABCD-EFGH-JKMN',
  formId: 'f',
  formVersion: 1,
  serviceId: 's',
  locale: 'de',
  keyId: 'k',
  data: 'sealed.data',
  metadata: 'sealed.metadata',
  submittedAt: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
  ...overrides,
});
