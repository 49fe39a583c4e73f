import type { ReactNode } from 'react';
import type { SubmissionSummary } from '../../../protocol/clerk.js';
import { Button } from '../../shared/ui/Button.js';
import { formatTime } from '../../shared/ui/format.js';
import { Spinner } from '../../shared/ui/Spinner.js';
import { StatusMessage } from '../../shared/ui/StatusMessage.js';
import type { ClerkTexts } from '../texts.js';
import { SubmissionTable, type TableSelection } from './SubmissionTable.js';

export interface SubmissionListViewProps {
  t: ClerkTexts;
  /** null until the first answer from the hub. */
  submissions: SubmissionSummary[] | null;
  fetchedAt: Date | null;
  /** A refresh the clerk asked for is running. */
  refreshing: boolean;
  problem: 'unreachable' | 'failed' | null;
  onRefresh: () => void;
  refreshSeconds: number;
  hrefFor: (id: string) => string;
  focusId?: string | null;
  /** Checkboxes in the table, and what acts on the selection (the export). */
  selection?: TableSelection;
  selectionActions?: ReactNode;
}

/** The console's home: the list of received submissions with its refresh controls and states. */
export function SubmissionListView({
  t,
  submissions,
  fetchedAt,
  refreshing,
  problem,
  onRefresh,
  refreshSeconds,
  hrefFor,
  focusId,
  selection,
  selectionActions,
}: SubmissionListViewProps) {
  const fetchedTime = fetchedAt ? formatTime(fetchedAt, { locale: t.locale }) : null;

  return (
    <section className="clerk-list" aria-labelledby="clerk-list-heading">
      <div className="clerk-list__bar">
        <h1 className="clerk-list__heading" id="clerk-list-heading">
          {t.list.heading}
        </h1>
        <Button variant="secondary" onClick={onRefresh} busy={refreshing}>
          {t.list.refresh}
        </Button>
      </div>

      {fetchedTime && (
        <p className="clerk-list__meta">
          {submissions && `${t.list.count(submissions.length)} · `}
          {t.list.lastUpdated(fetchedTime)} {t.list.autoRefresh(refreshSeconds)}
        </p>
      )}

      {problem && <StatusMessage tone="error">{problemText(t, problem, fetchedTime)}</StatusMessage>}

      {submissions === null && !problem && (
        <div role="status" className="clerk-list__loading">
          <Spinner label={t.list.loading} />
        </div>
      )}

      {submissions !== null && submissions.length === 0 && (
        <p className="clerk-list__empty">{t.list.empty}</p>
      )}

      {submissions !== null && submissions.length > 0 && (
        <>
          {selectionActions}
          <SubmissionTable
            t={t}
            submissions={submissions}
            hrefFor={hrefFor}
            focusId={focusId}
            selection={selection}
          />
        </>
      )}
    </section>
  );
}

function problemText(t: ClerkTexts, problem: 'unreachable' | 'failed', fetchedTime: string | null): string {
  if (problem === 'failed') return t.list.failed;
  return fetchedTime ? t.list.unreachableStale(fetchedTime) : t.list.unreachable;
}
