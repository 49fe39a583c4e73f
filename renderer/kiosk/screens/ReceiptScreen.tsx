import { localize } from '../../../protocol/i18n.js';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';

export interface ReceiptScreenProps {
  t: Texts;
  locale: string;
  trackingCode: string;
  formTitle: Parameters<typeof localize>[0];
  delivered: boolean;
  onFinish(): void;
}

/** The receipt: a tracking code the citizen keeps, and whether the town hall has it yet. */
export function ReceiptScreen({
  t,
  locale,
  trackingCode,
  formTitle,
  delivered,
  onFinish,
}: ReceiptScreenProps) {
  return (
    <main className="kiosk-page kiosk-receipt">
      <h1>{t.receiptTitle}</h1>
      <p className="kiosk-lead">{localize(formTitle, locale).text}</p>
      <section className="kiosk-receipt__code" aria-labelledby="tracking-label">
        <h2 id="tracking-label">{t.receiptTrackingCode}</h2>
        <p className="kiosk-receipt__value" data-testid="tracking-code">
          {trackingCode}
        </p>
        <p>{t.receiptKeep}</p>
      </section>
      <StatusMessage tone={delivered ? 'success' : 'info'}>
        {delivered ? t.receiptSent : t.receiptQueued}
      </StatusMessage>
      <div className="kiosk-actions">
        <Button variant="primary" size="large" onClick={onFinish}>
          {t.finish}
        </Button>
      </div>
    </main>
  );
}
