import { useState } from 'react';
import { HttpError } from '../shared/http.js';
import { Spinner } from '../shared/ui/index.js';
import { fleetApi } from './api.js';
import { LoginForm } from './components/LoginForm.js';
import { FleetConsole } from './FleetConsole.js';
import { useFleetData } from './hooks/useFleetData.js';
import type { FleetTexts } from './texts.js';

/** The provider console: the fleet after a provider-token login. A clerk session opens nothing here. */
export function App({ t }: { t: FleetTexts }) {
  const { data, refresh, signedIn } = useFleetData();
  const [sending, setSending] = useState(false);
  const [loginError, setLoginError] = useState<string | null>(null);

  const login = (token: string) => {
    setSending(true);
    setLoginError(null);
    fleetApi.login(token).then(
      () => {
        setSending(false);
        signedIn();
      },
      (error: unknown) => {
        setSending(false);
        setLoginError(
          error instanceof HttpError && error.status === 401 ? t.login.rejected : t.login.unreachable,
        );
      },
    );
  };

  switch (data.status) {
    case 'loading':
      return (
        <main className="fleet-login">
          <h1>{t.title}</h1>
          <div role="status">
            <Spinner label={t.loading} />
          </div>
        </main>
      );
    case 'signed-out':
      return <LoginForm t={t} onSubmit={login} sending={sending} error={loginError} />;
    case 'ready':
      return (
        <FleetConsole
          t={t}
          data={data}
          onChanged={refresh}
          onLogout={() => void fleetApi.logout().finally(refresh)}
        />
      );
  }
}
