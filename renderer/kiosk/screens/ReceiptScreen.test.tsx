import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../protocol/i18n.js';
import { TEXTS } from '../i18n/texts.js';
import { ReceiptScreen } from './ReceiptScreen.js';

const render = (locale: (typeof LOCALES)[number], delivered: boolean) =>
  renderToStaticMarkup(
    <ReceiptScreen
      t={TEXTS[locale]}
      locale={locale}
      trackingCode="ABCD-EFGH-JKLM"
      formTitle={{ de: 'Anmeldung einer Wohnung' }}
      municipality="Gemeinde Lindenau"
      office={undefined}
      processingTime={undefined}
      submittedAt="2026-05-04T10:00:00.000Z"
      delivered={delivered}
      printState="idle"
      canPrint={false}
      onPrint={() => undefined}
      onFinish={() => undefined}
    />,
  );

/** A text as the markup carries it (apostrophes and quotes escaped). */
const inMarkup = (text: string) => renderToStaticMarkup(<>{text}</>);

describe('the receipt heading', () => {
  it('says what the status says, in every kiosk language: saved, then arrived', () => {
    for (const locale of LOCALES) {
      const t = TEXTS[locale];
      expect(t.receiptTitleSent, locale).not.toBe(t.receiptTitle);
      const queued = render(locale, false);
      expect(queued, locale).toContain(`<h1>${inMarkup(t.receiptTitle)}</h1>`);
      expect(queued, locale).toContain(inMarkup(t.receiptQueued));
      const sent = render(locale, true);
      expect(sent, locale).toContain(`<h1>${inMarkup(t.receiptTitleSent)}</h1>`);
      expect(sent, locale).toContain(inMarkup(t.receiptSent));
      expect(sent, locale).not.toContain(inMarkup(t.receiptTitle));
    }
  });

  it('in Arabic reads as Arabic', () => {
    expect(render('ar', true)).toContain('<h1>وصل طلبك إلى البلدية</h1>');
    expect(render('de', true)).toContain('<h1>Ihr Antrag ist eingegangen</h1>');
  });
});
