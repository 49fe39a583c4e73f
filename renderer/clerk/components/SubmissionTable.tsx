import { useEffect, useRef } from 'react';
import type { SubmissionSummary } from '../../../protocol/clerk.js';
import { formatDateTime } from '../../shared/ui/format.js';
import type { ClerkTexts } from '../texts.js';
import { StatusBadge } from './StatusBadge.js';

export interface SubmissionTableProps {
  t: ClerkTexts;
  submissions: SubmissionSummary[];
  /** Where a row's link leads; the table does not know how the console routes. */
  hrefFor: (id: string) => string;
  /** A row whose link gets focus when the table mounts: the one the clerk just came back from. */
  focusId?: string | null;
  /** Checkboxes to pick applications (for the export); without it the table has none. */
  selection?: TableSelection | undefined;
}

export interface TableSelection {
  selected: ReadonlySet<string>;
  onToggle(id: string, checked: boolean): void;
  onToggleAll(checked: boolean): void;
}

/** The received submissions as a data table; the tracking code is the row header and the link to the detail. */
export function SubmissionTable({ t, submissions, hrefFor, focusId, selection }: SubmissionTableProps) {
  const focusRef = useRef<HTMLAnchorElement>(null);

  // Only on mount: a later refresh must never pull focus away from where the clerk is.
  useEffect(() => {
    focusRef.current?.focus();
  }, []);

  return (
    <div className="clerk-table-scroll">
      <table className="clerk-table">
        <caption className="clerk-table__caption">{t.list.caption}</caption>
        <thead>
          <tr>
            {selection && (
              <td className="clerk-table__select">
                <input
                  type="checkbox"
                  aria-label={t.exports.selectAll}
                  checked={submissions.length > 0 && submissions.every((s) => selection.selected.has(s.id))}
                  onChange={(event) => selection.onToggleAll(event.target.checked)}
                />
              </td>
            )}
            <th scope="col">{t.list.columns.receivedAt}</th>
            <th scope="col">{t.list.columns.trackingCode}</th>
            <th scope="col">{t.list.columns.formTitle}</th>
            <th scope="col">{t.list.columns.terminal}</th>
            <th scope="col">{t.list.columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {submissions.map((submission) => (
            <tr key={submission.id}>
              {selection && (
                <td className="clerk-table__select">
                  <input
                    type="checkbox"
                    aria-label={t.exports.select(submission.trackingCode)}
                    checked={selection.selected.has(submission.id)}
                    onChange={(event) => selection.onToggle(submission.id, event.target.checked)}
                  />
                </td>
              )}
              <td>
                <time dateTime={submission.receivedAt}>
                  {formatDateTime(submission.receivedAt, { locale: t.locale })}
                </time>
              </td>
              <th scope="row">
                <a
                  className="clerk-table__code"
                  href={hrefFor(submission.id)}
                  ref={submission.id === focusId ? focusRef : undefined}
                >
                  {submission.trackingCode}
                </a>
              </th>
              <td>{submission.formTitle}</td>
              <td>{submission.terminalId}</td>
              <td>
                <StatusBadge status={submission.status} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
