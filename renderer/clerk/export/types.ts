import type { SubmissionDetail } from '../../../protocol/clerk.js';
import type { SubmissionMetadata } from '../../../protocol/submission.js';
import type { OpenedSubmission } from '../../shared/encryption/open.js';

export type Described = SubmissionMetadata['attachments'][number];

/** One decrypted attachment with what the metadata record says about it. */
export interface OpenedAttachment {
  described: Described;
  bytes: Uint8Array<ArrayBuffer>;
  /** Size and SHA-512 match the metadata record. */
  verified: boolean;
}

/** Everything the console has of one application once it is decrypted. */
export interface OpenedApplication {
  detail: SubmissionDetail;
  opened: OpenedSubmission;
  /** SHA-512 of the data matched the metadata record. */
  dataVerified: boolean;
  attachments: OpenedAttachment[];
}

export const ATTACHMENT_FOLDER = 'anhaenge';
