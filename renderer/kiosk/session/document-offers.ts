import { ValueStore, type Observable } from '../../shared/observable.js';

/** A document that reaches the terminal from outside the form, e.g. the clerk's still in a call. */
export interface OfferedDocument {
  id: string;
  name: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Documents offered to the citizen's current application from outside the form. The call module
 * hands one in (`offers.offer({ id, name: 'dokument-1.jpg', mediaType: 'image/jpeg', bytes })`)
 * when the clerk sends a still over the call's data channel; the citizen session asks the citizen
 * and, only after "Anhängen", stores it as an attachment of the open form's first photo or scan
 * field, checked against the terminal's limits like a photo the citizen took. The bytes live in
 * memory only, one offer at a time, and the session end clears them.
 */
export class DocumentOffers {
  private readonly store = new ValueStore<OfferedDocument | null>(null);
  readonly current: Observable<OfferedDocument | null> = this.store;

  offer(document: OfferedDocument): void {
    this.store.set(document);
  }

  clear(): void {
    this.store.set(null);
  }
}
