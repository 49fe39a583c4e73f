/** The storage module: the only code that touches IndexedDB. */
export { KioskDatabase, DATABASE_NAME, formKey } from './db.js';
export type { Draft, DraftAttachment, OutboxEntry, StoredForm } from './db.js';
export {
  addDraftAttachment,
  clearDraftAttachments,
  draftAttachments,
  removeDraftAttachment,
} from './draft-attachments.js';
export { applyStaged, contentRevision, getForm, pullStart, readCatalog, stagePage } from './content-store.js';
export { planChanges } from './plan-changes.js';
export { DraftStore, type DraftSaveProblem } from './draft-store.js';
export { isQuotaExceeded } from './quota.js';
export { CITIZEN_TABLES, wipeCitizenData } from './citizen-data.js';
export { finalizeSubmission, outboxCounts, isPending } from './outbox-store.js';
export { readDeviceSetting, writeDeviceSetting } from './device-store.js';
export {
  acknowledgeCallRequest,
  pendingCallRequests,
  queueCallRequest,
  retryCallRequestLater,
  type PendingCallRequest,
} from './call-request-store.js';
