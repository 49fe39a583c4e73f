import { useCallback, useEffect, useState } from 'react';
import type { ClerkAccount } from '../../protocol/admin.js';
import { HttpError } from '../shared/http.js';
import { Spinner } from '../shared/ui/index.js';
import { AdminConsole } from './AdminConsole.js';
import { adminApi } from './api.js';
import { LoginForm, PasswordForm } from './components/LoginForms.js';
import type { AdminTexts } from './texts.js';

type State = { status: 'loading' } | { status: 'signed-out' } | { status: 'ready'; account: ClerkAccount };

/** The administration console: login, the first own password, then offices, accounts and the log. */
export function App({ t }: { t: AdminTexts }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const load = useCallback(() => {
    adminApi.account().then(
      (account) => setState({ status: 'ready', account }),
      () => setState({ status: 'signed-out' }),
    );
  }, []);
  useEffect(load, [load]);

  const attempt = (work: Promise<unknown>, refused: (error: HttpError) => string) => {
    setSending(true);
    setError(null);
    work.then(
      () => {
        setSending(false);
        load();
      },
      (failure: unknown) => {
        setSending(false);
        setError(
          failure instanceof HttpError && failure.status !== 0 ? refused(failure) : t.login.unreachable,
        );
      },
    );
  };

  if (state.status === 'loading')
    return (
      <main className="admin-login">
        <h1>{t.title}</h1>
        <div role="status">
          <Spinner label={t.loading} />
        </div>
      </main>
    );
  if (state.status === 'signed-out')
    return (
      <LoginForm
        t={t}
        sending={sending}
        error={error}
        onSubmit={(username, password) =>
          attempt(adminApi.login(username, password), (e) =>
            e.status === 401 ? t.login.rejected : e.message,
          )
        }
      />
    );
  if (state.account.mustChangePassword)
    return (
      <PasswordForm
        t={t}
        sending={sending}
        error={error}
        onSubmit={(current, next) => attempt(adminApi.changePassword(current, next), (e) => e.message)}
      />
    );
  if (state.account.role !== 'admin')
    return (
      <main className="admin-login">
        <h1>{t.title}</h1>
        <p role="alert">{t.login.notAdmin}</p>
      </main>
    );
  return <AdminConsole t={t} account={state.account} onLogout={() => void adminApi.logout().finally(load)} />;
}
