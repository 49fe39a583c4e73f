import { useMemo, useState } from 'react';
import type { ClerkProfile } from '../../protocol/clerk.js';
import { Button } from '../shared/ui/Button.js';
import { Spinner } from '../shared/ui/Spinner.js';
import { StatusMessage } from '../shared/ui/StatusMessage.js';
import { CallDesk } from './call/CallDesk.js';
import { ConsoleHeader } from './components/ConsoleHeader.js';
import { DetailScreen } from './components/DetailScreen.js';
import { clerkApi } from './api.js';
import { StatusForm } from './components/StatusForm.js';
import { SubmissionDetailView } from './components/SubmissionDetailView.js';
import { useKeyring } from './keys/context.js';
import { DecryptedAnswers } from './keys/DecryptedAnswers.js';
import { ExportControls } from './export/ExportControls.js';
import { SubmissionListView } from './components/SubmissionListView.js';
import { useDocumentTitle } from './hooks/useDocumentTitle.js';
import { useHashRoute } from './hooks/useHashRoute.js';
import { useSubmission, type SubmissionProblem } from './hooks/useSubmission.js';
import { SUBMISSIONS_REFRESH_MS, useSubmissions, type SubmissionsControls } from './hooks/useSubmissions.js';
import { StuckApplications } from './quarantine/StuckApplications.js';
import { useStuckApplications } from './quarantine/useStuckApplications.js';
import { routeHref } from './route.js';
import type { ClerkTexts } from './texts.js';

export interface ConsoleProps {
  t: ClerkTexts;
  profile: ClerkProfile;
  onLogout: () => void;
  loggingOut: boolean;
  logoutFailed: boolean;
  /** Called when the hub answers 401: the session is over. */
  onSessionExpired: () => void;
}

const hrefForSubmission = (id: string) => routeHref({ view: 'detail', id });

/** The signed-in console: header, then the list or one submission, as the URL hash says. */
export function Console({ t, profile, onLogout, loggingOut, logoutFailed, onSessionExpired }: ConsoleProps) {
  const { route, backToList } = useHashRoute();
  // The list lives here, not in the list view, so coming back from a detail shows it at once.
  const list = useSubmissions(onSessionExpired);

  // Remember the last opened submission so its link gets focus again on the way back.
  const detailId = route.view === 'detail' ? route.id : null;
  const [lastDetailId, setLastDetailId] = useState(detailId);
  if (detailId !== null && detailId !== lastDetailId) setLastDetailId(detailId);

  return (
    <>
      <ConsoleHeader
        t={t}
        displayName={profile.displayName}
        onLogout={onLogout}
        loggingOut={loggingOut}
        logoutError={logoutFailed ? t.session.logoutFailed : null}
      />
      <main className="clerk-main">
        <CallDesk onSessionExpired={onSessionExpired} />
        {route.view === 'detail' ? (
          <SubmissionScreen
            key={route.id}
            t={t}
            id={route.id}
            onBack={backToList}
            onSessionExpired={onSessionExpired}
          />
        ) : (
          <ListScreen t={t} list={list} focusId={lastDetailId} />
        )}
      </main>
    </>
  );
}

function ListScreen({
  t,
  list,
  focusId,
}: {
  t: ClerkTexts;
  list: SubmissionsControls;
  focusId: string | null;
}) {
  useDocumentTitle(t.documentTitle.base);
  const stuck = useStuckApplications();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Only what the list shows counts: an application gone from the list is no longer selected.
  const selected = useMemo(
    () => new Set((list.submissions ?? []).map((s) => s.id).filter((id) => picked.has(id))),
    [list.submissions, picked],
  );
  const selectedIds = [...selected];
  return (
    <>
      <StuckApplications
        t={t}
        items={stuck.items}
        onDiscard={async (item, reason) => {
          await clerkApi.discardStuck(item, reason);
          stuck.reload();
        }}
      />
      <SubmissionListView
        t={t}
        submissions={list.submissions}
        fetchedAt={list.fetchedAt}
        refreshing={list.refreshing}
        problem={list.problem}
        onRefresh={list.refresh}
        refreshSeconds={SUBMISSIONS_REFRESH_MS / 1000}
        hrefFor={hrefForSubmission}
        focusId={focusId}
        selection={{
          selected,
          onToggle: (id, checked) =>
            setPicked((before) => {
              const next = new Set(before);
              if (checked) next.add(id);
              else next.delete(id);
              return next;
            }),
          onToggleAll: (checked) =>
            setPicked(new Set(checked ? (list.submissions ?? []).map((s) => s.id) : [])),
        }}
        selectionActions={
          <section className="clerk-list__export" aria-label={t.exports.heading}>
            <p className="clerk-list__meta">
              {t.exports.selected(selectedIds.length)}. {t.exports.intro}
            </p>
            <ExportControls t={t} ids={selectedIds} label={t.exports.exportSelected(selectedIds.length)} />
          </section>
        }
      />
    </>
  );
}

function SubmissionScreen({
  t,
  id,
  onBack,
  onSessionExpired,
}: {
  t: ClerkTexts;
  id: string;
  onBack: () => void;
  onSessionExpired: () => void;
}) {
  const { state, reload } = useSubmission(id, onSessionExpired);
  const keyring = useKeyring();
  useDocumentTitle(
    state.status === 'loaded' ? t.documentTitle.detail(state.detail.trackingCode) : t.documentTitle.base,
  );

  return (
    <DetailScreen t={t} onBack={onBack}>
      {state.status === 'loading' && (
        <div role="status" className="clerk-detail-screen__loading">
          <Spinner label={t.detail.loading} />
        </div>
      )}
      {state.status === 'error' && (
        <>
          <StatusMessage tone="error">{problemText(t, state.problem)}</StatusMessage>
          {state.problem !== 'not-found' && <Button onClick={reload}>{t.detail.retry}</Button>}
        </>
      )}
      {state.status === 'loaded' && (
        <SubmissionDetailView
          t={t}
          detail={state.detail}
          answers={<DecryptedAnswers t={t} detail={state.detail} keyring={keyring} />}
        />
      )}
      {state.status === 'loaded' && (
        <StatusForm
          t={t}
          initial={{ status: state.detail.status, message: state.detail.statusMessage }}
          onSave={(update) => clerkApi.setStatus(state.detail.id, update)}
        />
      )}
    </DetailScreen>
  );
}

function problemText(t: ClerkTexts, problem: SubmissionProblem): string {
  switch (problem) {
    case 'not-found':
      return t.detail.notFound;
    case 'unreachable':
      return t.detail.unreachable;
    case 'failed':
      return t.detail.failed;
  }
}
