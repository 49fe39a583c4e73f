import { useState, type FormEvent } from 'react';
import { Button, Field, StatusMessage } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

interface FormProps {
  t: AdminTexts;
  sending: boolean;
  error: string | null;
  onSubmit: (first: string, second: string) => void;
}

function TwoFieldForm({
  heading,
  intro,
  labels,
  autocomplete,
  submit,
  sending,
  error,
  onSubmit,
}: Omit<FormProps, 't'> & {
  heading: string;
  intro?: string;
  labels: [string, string];
  autocomplete: [string, string];
  submit: string;
}) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (first !== '' && second !== '') onSubmit(first.trim(), second);
  };
  return (
    <main className="admin-login">
      <h1>{heading}</h1>
      {intro && <p>{intro}</p>}
      {error && <StatusMessage tone="error">{error}</StatusMessage>}
      <form onSubmit={send}>
        <Field label={labels[0]}>
          {(p) => (
            <input
              {...p}
              className="pop-input"
              type={autocomplete[0] === 'username' ? 'text' : 'password'}
              autoComplete={autocomplete[0]}
              value={first}
              onChange={(e) => setFirst(e.target.value)}
            />
          )}
        </Field>
        <Field label={labels[1]}>
          {(p) => (
            <input
              {...p}
              className="pop-input"
              type="password"
              autoComplete={autocomplete[1]}
              value={second}
              onChange={(e) => setSecond(e.target.value)}
            />
          )}
        </Field>
        <Button variant="primary" type="submit" busy={sending}>
          {submit}
        </Button>
      </form>
    </main>
  );
}

export function LoginForm({ t, ...rest }: FormProps) {
  return (
    <TwoFieldForm
      {...rest}
      heading={t.login.heading}
      labels={[t.login.username, t.login.password]}
      autocomplete={['username', 'current-password']}
      submit={t.login.submit}
    />
  );
}

export function PasswordForm({ t, ...rest }: FormProps) {
  return (
    <TwoFieldForm
      {...rest}
      heading={t.password.heading}
      intro={t.password.intro}
      labels={[t.password.current, t.password.next]}
      autocomplete={['current-password', 'new-password']}
      submit={t.password.submit}
    />
  );
}
