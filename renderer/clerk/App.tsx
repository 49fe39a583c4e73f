import { useEffect, useState } from 'react';
import { contract } from '../../protocol/routes/index.js';
import { clerkApi } from './api.js';
import { Button } from '../shared/ui/Button.js';
import { Spinner } from '../shared/ui/Spinner.js';
import { StatusMessage } from '../shared/ui/StatusMessage.js';
import { Console } from './Console.js';
import { LoginForm } from './components/LoginForm.js';
import { useDocumentTitle } from './hooks/useDocumentTitle.js';
import {
  useSession,
  type LoginProblem,
  type SessionControls,
  type SignedOutReason,
} from './hooks/useSession.js';
import type { ClerkTexts } from './texts.js';

/** The clerk console: asks the hub who is signed in, then shows the login or the console. */
export function App({ t }: { t: ClerkTexts }) {
  const controls = useSession();
  const { session } = controls;

  switch (session.status) {
    case 'checking':
      return (
        <main className="clerk-center">
          <h1 className="clerk-center__heading">{t.documentTitle.base}</h1>
          <div role="status">
            <Spinner label={t.session.checking} />
          </div>
        </main>
      );
    case 'unavailable':
      return <UnavailableScreen t={t} problem={session.problem} onRetry={controls.recheck} />;
    case 'signed-out':
      return <LoginScreen t={t} controls={controls} reason={session.reason} />;
    case 'signed-in':
      return (
        <Console
          t={t}
          profile={session.profile}
          onLogout={() => void controls.logout()}
          loggingOut={controls.loggingOut}
          logoutFailed={controls.logoutFailed}
          onSessionExpired={controls.expire}
        />
      );
  }
}

const RECHECK_MS = 15_000;

function UnavailableScreen({
  t,
  problem,
  onRetry,
}: {
  t: ClerkTexts;
  problem: 'unreachable' | 'failed';
  onRetry: () => void;
}) {
  // The console is often opened before the hub has started; it should come up without a click.
  useEffect(() => {
    const timer = window.setTimeout(onRetry, RECHECK_MS);
    return () => window.clearTimeout(timer);
  }, [onRetry]);

  return (
    <main className="clerk-center">
      <h1 className="clerk-center__heading">{t.documentTitle.base}</h1>
      <StatusMessage tone="error">
        {problem === 'unreachable' ? t.session.unreachable : t.session.failed}
      </StatusMessage>
      <Button variant="primary" onClick={onRetry}>
        {t.session.retry}
      </Button>
    </main>
  );
}

function LoginScreen({
  t,
  controls,
  reason,
}: {
  t: ClerkTexts;
  controls: SessionControls;
  reason: SignedOutReason | undefined;
}) {
  useDocumentTitle(t.documentTitle.base);
  const provider = useProviderSignIn();
  const providerProblem = providerProblemText(t);
  return (
    <LoginForm
      t={t}
      onSubmit={(username, password) => void controls.login(username, password)}
      sending={controls.loggingIn}
      error={(controls.loginProblem && loginProblemText(t, controls.loginProblem)) ?? providerProblem}
      notice={
        reason === 'expired'
          ? t.session.expired
          : reason === 'logged-out'
            ? t.session.loggedOut
            : reason === 'password-change'
              ? t.session.passwordChange
              : null
      }
      noticeAction={
        reason === 'password-change' ? { href: '/admin/', label: t.session.passwordChangeLink } : undefined
      }
      provider={provider}
    />
  );
}

/** The provider's button, when the hub has one; without an answer the local form stays alone. */
function useProviderSignIn(): { label: string; href: string } | undefined {
  const [provider, setProvider] = useState<{ label: string; href: string }>();
  useEffect(() => {
    let live = true;
    clerkApi.loginOptions().then(
      ({ oidc }) => live && oidc && setProvider({ label: oidc.label, href: contract.clerk.oidcStart.path }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return provider;
}

/** The hub sends a failed provider sign-in back as /clerk/?signin=<reason>. */
function providerProblemText(t: ClerkTexts): string | null {
  const reason = new URLSearchParams(window.location.search).get('signin');
  const problems = t.login.providerProblems;
  return reason !== null && Object.hasOwn(problems, reason)
    ? problems[reason as keyof typeof problems]
    : null;
}

function loginProblemText(t: ClerkTexts, problem: LoginProblem): string {
  switch (problem.kind) {
    case 'rejected':
      return problem.message;
    case 'unreachable':
      return t.login.unreachable;
    case 'failed':
      return t.login.failed;
  }
}
