import { useState, type FormEvent } from 'react';
import { Button, Field, StatusMessage } from '../../shared/ui/index.js';
import type { ClerkTexts } from '../texts.js';

export interface KeyPanelProps {
  t: ClerkTexts;
  mode: 'import' | 'unlock';
  keyId: string;
  onImport(fileText: string, passphrase: string): Promise<void>;
  onUnlock(passphrase: string): Promise<void>;
}

/** Asks once for the office's key file and a passphrase, later only for the passphrase. */
export function KeyPanel({ t, mode, keyId, onImport, onUnlock }: KeyPanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (mode === 'import' && !file) return setError(t.keys.chooseFile);
    if (mode === 'import' && passphrase !== repeat) return setError(t.keys.mismatch);
    setBusy(true);
    try {
      if (mode === 'import' && file) await onImport(await file.text(), passphrase);
      else await onUnlock(passphrase);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="clerk-keys" aria-labelledby="clerk-keys-heading">
      <h2 id="clerk-keys-heading">{mode === 'import' ? t.keys.importHeading : t.keys.unlockHeading}</h2>
      <p>{mode === 'import' ? t.keys.importIntro(keyId) : t.keys.unlockIntro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="clerk-keys__form">
        {mode === 'import' && (
          <Field label={t.keys.file}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".json,application/json"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            )}
          </Field>
        )}
        <Field label={t.keys.passphrase} help={mode === 'import' ? t.keys.passphraseHelp : undefined}>
          {(control) => (
            <input
              {...control}
              className="pop-input"
              type="password"
              autoComplete={mode === 'import' ? 'new-password' : 'current-password'}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          )}
        </Field>
        {mode === 'import' && (
          <Field label={t.keys.repeat}>
            {(control) => (
              <input
                {...control}
                className="pop-input"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(event) => setRepeat(event.target.value)}
              />
            )}
          </Field>
        )}
        {error && <StatusMessage tone="error">{error}</StatusMessage>}
        <Button variant="primary" type="submit" busy={busy}>
          {mode === 'import' ? t.keys.importButton : t.keys.unlockButton}
        </Button>
      </form>
    </section>
  );
}
