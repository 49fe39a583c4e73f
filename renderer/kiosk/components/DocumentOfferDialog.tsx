import { useEffect, useMemo } from 'react';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';
import type { OfferedDocument } from '../session/document-offers.js';
import { AlertDialog } from './AlertDialog.js';

export interface DocumentOfferDialogProps {
  t: Texts;
  document: OfferedDocument;
  /** Why it could not be attached (too large, too many, ...), after the citizen said yes. */
  problem: string | null;
  busy: boolean;
  onAttach(): void;
  onDecline(): void;
}

/** Asks the citizen whether a document the town hall sent belongs to the application. */
export function DocumentOfferDialog({
  t,
  document,
  problem,
  busy,
  onAttach,
  onDecline,
}: DocumentOfferDialogProps) {
  const texts = t.attachments;
  const url = useMemo(
    () =>
      document.mediaType.startsWith('image/')
        ? URL.createObjectURL(new Blob([document.bytes], { type: document.mediaType }))
        : null,
    [document],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <AlertDialog id="document-offer" title={texts.offerTitle} body={texts.offerBody}>
      {url && <img className="kiosk-attachment__preview" src={url} alt={document.name} />}
      {problem && <StatusMessage tone="error">{problem}</StatusMessage>}
      <div className="kiosk-actions">
        <Button size="large" onClick={onDecline}>
          {problem ? texts.cancel : texts.offerDecline}
        </Button>
        {!problem && (
          <Button variant="primary" size="large" busy={busy} onClick={onAttach}>
            {texts.offerAttach}
          </Button>
        )}
      </div>
    </AlertDialog>
  );
}
