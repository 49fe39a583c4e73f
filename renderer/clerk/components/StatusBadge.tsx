import type { SubmissionStatus } from '../../../protocol/submission.js';
import type { ClerkTexts } from '../texts.js';

/** A submission's status as a word with a tinted background; the word carries the meaning, not the colour. */
export function StatusBadge({ status, t }: { status: SubmissionStatus; t: ClerkTexts }) {
  return <span className={`clerk-badge clerk-badge--${status}`}>{t.status[status]}</span>;
}
