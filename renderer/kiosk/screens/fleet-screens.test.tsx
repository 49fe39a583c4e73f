import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../i18n/texts.js';
import { AttractScreen } from './AttractScreen.js';
import { ReceiptScreen } from './ReceiptScreen.js';

describe('settings from the terminal config on screens', () => {
  it('the attract screen rotates through the configured languages, starting with the first', () => {
    const html = renderToStaticMarkup(
      <AttractScreen
        t={TEXTS.de}
        locale="de"
        title={{ de: 'Ihr Rathaus', ar: 'بلديتك' }}
        subtitle={{ de: 'Anträge stellen' }}
        rotation={{ locales: ['ar', 'de'], seconds: 8, cta: (l) => TEXTS[l].attractStart }}
        onStart={() => undefined}
      />,
    );
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('بلديتك');
    expect(html).toContain(TEXTS.ar.attractStart);
  });

  it('without a printer the receipt has no print button and says it stays on screen', () => {
    const receipt = (canPrint: boolean) =>
      renderToStaticMarkup(
        <ReceiptScreen
          t={TEXTS.de}
          locale="de"
          trackingCode="ABCD-EFGH-JKLM"
          formTitle={{ de: 'Hund anmelden' }}
          municipality="Lindenau"
          office={undefined}
          processingTime={undefined}
          submittedAt="2026-11-21T10:00:00Z"
          delivered
          printState={canPrint ? 'idle' : 'no-printer'}
          canPrint={canPrint}
          onPrint={() => undefined}
          onFinish={() => undefined}
        />,
      );
    expect(receipt(true)).toContain(TEXTS.de.receiptPrint);
    expect(receipt(false)).not.toContain(TEXTS.de.receiptPrint);
    expect(receipt(false)).toContain(TEXTS.de.receiptNoPrinter);
  });
});
