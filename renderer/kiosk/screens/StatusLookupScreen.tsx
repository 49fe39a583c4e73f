import { useState, type FormEvent } from 'react';
import type { SubmissionStatus, TrackingStatus } from '../../../protocol/submission.js';
import { normalizeTrackingCode, TRACKING_CODE_PATTERN } from '../../../protocol/tracking-code.js';
import { Button, Field, StatusMessage } from '../../shared/ui/index.js';
import { formatLongDate } from '../i18n/dates.js';
import type { Texts } from '../i18n/texts.js';
import { QrScanner, type ScanCamera } from '../qr/QrScanner.js';
import { CITIZEN_AUTOCOMPLETE } from '../components/fields/autocomplete.js';

export interface StatusLookupScreenProps {
  t: Texts;
  locale: string;
  lookup(trackingCode: string): Promise<TrackingStatus | null>;
  /** The terminal camera for scanning the receipt's QR code; without it only typing is offered. */
  camera?: ScanCamera;
  onBack(): void;
}

type Result =
  | { kind: 'idle' }
  | { kind: 'invalid' }
  | { kind: 'not-found' }
  | { kind: 'unreachable' }
  | { kind: 'found'; status: TrackingStatus };

/** The citizen types the code from the receipt and sees what the town hall set, nothing more. */
export function StatusLookupScreen({ t, locale, lookup, camera, onBack }: StatusLookupScreenProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [result, setResult] = useState<Result>({ kind: 'idle' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return check(code);
  };

  const check = async (typed: string) => {
    const normalized = normalizeTrackingCode(typed);
    if (!TRACKING_CODE_PATTERN.test(normalized)) return setResult({ kind: 'invalid' });
    setBusy(true);
    try {
      const status = await lookup(normalized);
      setResult(status ? { kind: 'found', status } : { kind: 'not-found' });
    } catch {
      setResult({ kind: 'unreachable' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="kiosk-page kiosk-status">
      <h1>{t.statusTitle}</h1>
      <p>{t.statusIntro}</p>
      {camera && !scanning && (
        <Button size="large" onClick={() => setScanning(true)}>
          {t.statusScan}
        </Button>
      )}
      {camera && scanning && (
        <QrScanner
          t={t}
          camera={camera}
          onCode={(scanned) => {
            setScanning(false);
            setCode(scanned);
            void check(scanned);
          }}
          onStop={() => setScanning(false)}
        />
      )}
      <form
        noValidate
        autoComplete={CITIZEN_AUTOCOMPLETE}
        onSubmit={(event) => void submit(event)}
        className="kiosk-form__fields"
      >
        <Field
          label={t.receiptTrackingCode}
          error={result.kind === 'invalid' ? t.statusInvalidCode : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="pop-input kiosk-status__input"
              autoComplete={CITIZEN_AUTOCOMPLETE}
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <div className="kiosk-actions">
          <Button size="large" onClick={onBack}>
            {t.back}
          </Button>
          <Button variant="primary" size="large" type="submit" busy={busy}>
            {t.statusLookup}
          </Button>
        </div>
      </form>
      {result.kind === 'not-found' && <StatusMessage tone="warning">{t.statusNotFound}</StatusMessage>}
      {result.kind === 'unreachable' && <StatusMessage tone="error">{t.statusUnreachable}</StatusMessage>}
      {result.kind === 'found' && (
        <StatusMessage tone="success" title={t.statusNames[result.status.status]}>
          {result.status.message && <p className="kiosk-status__message">{result.status.message}</p>}
          <p>{t.statusSince(formatLongDate(result.status.updatedAt, locale))}</p>
        </StatusMessage>
      )}
    </main>
  );
}

export type StatusNames = Record<SubmissionStatus, string>;
