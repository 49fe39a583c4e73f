import { useState } from 'react';
import { isAttachmentWidget, isVisible, type FormDefinition } from '../../../protocol/forms.js';
import { ValueStore } from '../../shared/observable.js';
import { useObservable } from '../../shared/useObservable.js';
import type { DocumentOffers, OfferedDocument } from './document-offers.js';
import type { Attachments } from './use-attachments.js';
import type { AttachmentProblem } from '../../../protocol/attachments.js';

const NO_OFFERS = new ValueStore<OfferedDocument | null>(null);

export interface DocumentOffer {
  /** The document the clerk sent, while the citizen has a form open that can take it. */
  offered: OfferedDocument | null;
  problem: AttachmentProblem | null;
  busy: boolean;
  attach(): void;
  decline(): void;
}

/**
 * A document from outside the form (the clerk's still) goes, after the citizen says yes, to the
 * open form's first shown photo or scan field.
 */
export function useDocumentOffer(
  offers: DocumentOffers | undefined,
  form: FormDefinition | undefined,
  answers: Record<string, unknown>,
  add: Attachments['add'],
): DocumentOffer {
  const offered = useObservable(offers?.current ?? NO_OFFERS);
  const [problem, setProblem] = useState<AttachmentProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const photoField = form
    ? form.ui.steps
        .flatMap((step) => step.fields)
        .find((name) => {
          const ui = form.ui.fields[name];
          return ui !== undefined && isAttachmentWidget(ui.widget) && isVisible(ui, answers);
        })
    : undefined;
  return {
    offered: offers && photoField ? offered : null,
    problem,
    busy,
    attach() {
      if (!offers || !offered || !photoField) return;
      setBusy(true);
      void add(photoField, offered)
        .then((refused) => {
          if (refused) setProblem(refused);
          else offers.clear();
        })
        .finally(() => setBusy(false));
    },
    decline() {
      setProblem(null);
      offers?.clear();
    },
  };
}
