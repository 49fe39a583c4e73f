import type { Office } from '../../../protocol/catalog.js';
import type { PrintOutcome } from '../../../protocol/bridge.js';
import type { LocalizedText } from '../../../protocol/i18n.js';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import { Localized, localized } from '../i18n/Localized.js';
import { formatStamp } from '../i18n/dates.js';
import type { Texts } from '../i18n/texts.js';
import { QrCode } from '../receipt/QrCode.js';
import '../receipt/receipt.css';

/** Where printing stands: not asked, on its way, or what came of it. */
export type ReceiptPrintState = 'idle' | 'printing' | PrintOutcome;

export interface ReceiptScreenProps {
  t: Texts;
  locale: string;
  trackingCode: string;
  formTitle: LocalizedText;
  municipality: string;
  office: Office | undefined;
  processingTime: LocalizedText | undefined;
  submittedAt: string;
  delivered: boolean;
  /** Attachment bytes on their way, while the application's photos upload. */
  upload?: { sent: number; total: number } | undefined;
  printState: ReceiptPrintState;
  /** False when the terminal has no printer (config): the receipt stays on screen. */
  canPrint?: boolean;
  onPrint(): void;
  onFinish(): void;
}

/**
 * The receipt: a tracking code the citizen keeps (also as a QR code to photograph), whether the
 * town hall has it yet, who handles it and what happens next. The same page is the printout: its
 * print stylesheet (receipt.css) hides the controls and lays it out for paper.
 */
export function ReceiptScreen({
  t,
  locale,
  trackingCode,
  formTitle,
  municipality,
  office,
  processingTime,
  submittedAt,
  delivered,
  upload,
  printState,
  canPrint = true,
  onPrint,
  onFinish,
}: ReceiptScreenProps) {
  return (
    <main className="kiosk-page kiosk-receipt">
      <p className="kiosk-receipt__print-header">
        {municipality} · {formatStamp(submittedAt, locale)}
      </p>
      {/* The heading says what the status below it says: saved here, or arrived at the town hall. */}
      <h1>{delivered ? t.receiptTitleSent : t.receiptTitle}</h1>
      <p className="kiosk-lead" {...localized(formTitle, locale)} />
      <section className="kiosk-receipt__code" aria-labelledby="tracking-label">
        <h2 id="tracking-label">{t.receiptTrackingCode}</h2>
        <p className="kiosk-receipt__value" data-testid="tracking-code">
          {trackingCode}
        </p>
        <QrCode text={trackingCode} label={t.receiptQrLabel} />
        <p>{t.receiptKeep}</p>
      </section>
      <StatusMessage tone={delivered ? 'success' : 'info'}>
        {delivered ? t.receiptSent : t.receiptQueued}
      </StatusMessage>
      {!delivered && upload && upload.total > 0 && (
        <p className="kiosk-upload-progress" role="status">
          {t.attachments.uploading(Math.min(100, Math.floor((upload.sent / upload.total) * 100)))}{' '}
          <progress max={upload.total} value={upload.sent} aria-hidden="true" />
        </p>
      )}
      <section className="kiosk-receipt__next" aria-labelledby="next-steps">
        <h2 id="next-steps">{t.receiptNextStepsTitle}</h2>
        <p>{t.receiptNextSteps}</p>
        {processingTime && (
          <p>
            {t.processingTime}: <Localized text={processingTime} locale={locale} />
          </p>
        )}
        {office && (
          <address className="kiosk-receipt__office" data-testid="receipt-office">
            <strong {...localized(office.name, locale)} />
            <br />
            {office.address.street}, {office.address.postalCode} {office.address.city}
            <br />
            {office.phone} · {office.email}
          </address>
        )}
      </section>
      <div className="kiosk-print-hide">
        {printState === 'printed' && <StatusMessage tone="success">{t.receiptPrinted}</StatusMessage>}
        {printState === 'no-printer' && <StatusMessage tone="info">{t.receiptNoPrinter}</StatusMessage>}
      </div>
      <div className="kiosk-actions">
        {canPrint && (
          <Button size="large" onClick={onPrint} disabled={printState === 'printing'}>
            {t.receiptPrint}
          </Button>
        )}
        <Button variant="primary" size="large" onClick={onFinish}>
          {t.finish}
        </Button>
      </div>
    </main>
  );
}
