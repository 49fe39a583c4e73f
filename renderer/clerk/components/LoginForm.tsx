import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../shared/ui/Button.js';
import { Field } from '../../shared/ui/Field.js';
import { StatusMessage } from '../../shared/ui/StatusMessage.js';
import type { ClerkTexts } from '../texts.js';

export interface LoginFormProps {
  t: ClerkTexts;
  onSubmit: (username: string, password: string) => void;
  sending: boolean;
  /** Why the last attempt failed, shown as an alert. */
  error: string | null;
  /** Why the form is shown, e.g. after the session expired. */
  notice: string | null;
  /** A link that resolves the notice (the page where an invited account chooses its password). */
  noticeAction?: { href: string; label: string } | undefined;
  /** Sign-in through the municipality's OpenID provider, when the hub offers it. */
  provider?: { label: string; href: string } | undefined;
}

/** The clerk's login. Empty fields are caught here so the clerk hears which one is missing. */
export function LoginForm({ t, onSubmit, sending, error, notice, noticeAction, provider }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showMissing, setShowMissing] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const usernameMissing = showMissing && username.trim() === '';
  const passwordMissing = showMissing && password === '';

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    if (username.trim() === '' || password === '') {
      setShowMissing(true);
      (username.trim() === '' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    onSubmit(username.trim(), password);
  };

  return (
    <main className="clerk-login">
      <h1 className="clerk-login__heading" id="clerk-login-heading">
        {t.login.heading}
      </h1>
      <p className="clerk-login__intro">{t.login.intro}</p>
      {notice && <StatusMessage tone="info">{notice}</StatusMessage>}
      {noticeAction && (
        <p>
          <a className="pop-button pop-button--primary pop-button--medium" href={noticeAction.href}>
            {noticeAction.label}
          </a>
        </p>
      )}
      {error && <StatusMessage tone="error">{error}</StatusMessage>}
      {provider && (
        <>
          {/* A link, not a script: the browser leaves for the provider and comes back signed in. */}
          <a
            className="pop-button pop-button--primary pop-button--medium clerk-login__provider"
            href={provider.href}
          >
            {provider.label}
          </a>
          <p className="clerk-login__or">{t.login.orLocal}</p>
        </>
      )}
      <form
        className="clerk-login__form"
        aria-labelledby="clerk-login-heading"
        noValidate
        onSubmit={handleSubmit}
      >
        <Field label={t.login.username} error={usernameMissing ? t.login.usernameMissing : undefined}>
          {(control) => (
            <input
              {...control}
              ref={usernameRef}
              className="pop-input"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          )}
        </Field>
        <Field label={t.login.password} error={passwordMissing ? t.login.passwordMissing : undefined}>
          {(control) => (
            <input
              {...control}
              ref={passwordRef}
              className="pop-input"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={sending}>
          {t.login.submit}
        </Button>
        {/* Mounted ahead of time: a status region is announced when its text changes, not when it appears. */}
        <p className="pop-visually-hidden" role="status">
          {sending ? t.login.sending : ''}
        </p>
      </form>
    </main>
  );
}
