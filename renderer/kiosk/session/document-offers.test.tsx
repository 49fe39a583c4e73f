import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DocumentOfferDialog } from '../components/DocumentOfferDialog.js';
import { TEXTS } from '../i18n/texts.js';
import { DocumentOffers, type OfferedDocument } from './document-offers.js';

const still: OfferedDocument = {
  id: 'still-1',
  name: 'dokument-1.jpg',
  mediaType: 'image/jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
};

describe('DocumentOffers', () => {
  it('holds one offer at a time until it is taken, declined or the session ends', () => {
    const offers = new DocumentOffers();
    const seen: (OfferedDocument | null)[] = [];
    const unsubscribe = offers.current.subscribe(() => seen.push(offers.current.get()));
    offers.offer(still);
    const second = { ...still, id: 'still-2' };
    offers.offer(second);
    expect(offers.current.get()).toBe(second);
    offers.clear();
    expect(offers.current.get()).toBeNull();
    unsubscribe();
    offers.offer(still);
    expect(seen).toEqual([still, second, null]);
  });
});

describe('DocumentOfferDialog', () => {
  it('asks the citizen before anything is attached, in their language', () => {
    const html = renderToStaticMarkup(
      <DocumentOfferDialog
        t={TEXTS.de}
        document={still}
        problem={null}
        busy={false}
        onAttach={() => undefined}
        onDecline={() => undefined}
      />,
    );
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain('Das Rathaus hat ein Foto Ihres Dokuments geschickt');
    expect(html).toContain('>Anhängen<');
    expect(html).toContain('>Nicht anhängen<');
    const arabic = renderToStaticMarkup(
      <DocumentOfferDialog
        t={TEXTS.ar}
        document={still}
        problem={null}
        busy={false}
        onAttach={() => undefined}
        onDecline={() => undefined}
      />,
    );
    expect(arabic).toContain('هل تريد إرفاقها بطلبك؟');
  });

  it('says why it could not be attached and offers no second try', () => {
    const html = renderToStaticMarkup(
      <DocumentOfferDialog
        t={TEXTS.de}
        document={still}
        problem="Die Datei ist zu groß."
        busy={false}
        onAttach={() => undefined}
        onDecline={() => undefined}
      />,
    );
    expect(html).toContain('Die Datei ist zu groß.');
    expect(html).not.toContain('>Anhängen<');
    expect(html).toContain('>Abbrechen<');
  });
});
