import { describe, expect, it, vi } from 'vitest';
import { renderHook, settle } from '../testing/render-hook.js';
import { parkingForm } from '../testing/session-fixtures.js';
import { DocumentOffers, type OfferedDocument } from './document-offers.js';
import { useDocumentOffer } from './use-document-offer.js';

const still: OfferedDocument = {
  id: 'still-1',
  name: 'dokument-1.jpg',
  mediaType: 'image/jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
};

function offered() {
  const offers = new DocumentOffers();
  offers.offer(still);
  return offers;
}

describe('useDocumentOffer', () => {
  it('offers the clerk’s document only while a shown photo field can take it', async () => {
    const offers = offered();
    const add = vi.fn(() => Promise.resolve(null));
    const hook = await renderHook(
      (p: { answers: Record<string, unknown> }) => useDocumentOffer(offers, parkingForm, p.answers, add),
      { answers: { ownCar: false } },
    );
    expect(hook.current.offered).toBeNull(); // the photo field is hidden
    await hook.rerender({ answers: { ownCar: true } });
    expect(hook.current.offered).toBe(still);
    await settle(async () => {
      hook.current.attach();
      await vi.waitFor(() => expect(offers.current.get()).toBeNull());
    });
    expect(add).toHaveBeenCalledWith('registration', still);
    expect(hook.current).toMatchObject({ offered: null, busy: false, problem: null });
    await hook.unmount();
  });

  it('keeps the offer and says why when the file is refused; declining forgets it', async () => {
    const offers = offered();
    const add = vi.fn(() => Promise.resolve('too_large' as const));
    const hook = await renderHook(() => useDocumentOffer(offers, parkingForm, { ownCar: true }, add), {});
    await settle(async () => {
      hook.current.attach();
      await vi.waitFor(() => expect(add).toHaveBeenCalled());
    });
    expect(hook.current).toMatchObject({ offered: still, problem: 'too_large', busy: false });
    await settle(() => hook.current.decline());
    expect(hook.current).toMatchObject({ offered: null, problem: null });
    await hook.unmount();
  });
});
