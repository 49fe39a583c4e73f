import { useState, type FormEvent } from 'react';
import { Button, Field, StatusMessage } from '../../shared/ui/index.js';
import type { FleetTexts } from '../texts.js';

export interface LoginFormProps {
  t: FleetTexts;
  onSubmit: (token: string) => void;
  sending: boolean;
  error: string | null;
}

export function LoginForm({ t, onSubmit, sending, error }: LoginFormProps) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== '') onSubmit(token.trim());
  };
  return (
    <main className="fleet-login">
      <h1>{t.login.heading}</h1>
      <p>{t.login.intro}</p>
      {error && <StatusMessage tone="error">{error}</StatusMessage>}
      <form onSubmit={submit}>
        <Field label={t.login.token}>
          {(p) => (
            <input
              {...p}
              className="pop-input"
              type="password"
              autoComplete="current-password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
        </Field>
        <Button variant="primary" type="submit" busy={sending}>
          {t.login.submit}
        </Button>
      </form>
    </main>
  );
}
