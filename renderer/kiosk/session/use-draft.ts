import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormAnswers } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import type { AnswerValue } from '../components/FormField.js';
import { getForm, type DraftStore, type KioskDatabase } from '../storage/index.js';
import { draftStepIndex, type SessionAction, type SessionState } from './flow.js';

export interface DraftInput {
  db: KioskDatabase;
  drafts: DraftStore;
  /** The terminal's languages and idle timeout: a draft older than the timeout is someone else's. */
  config: { locales: readonly Locale[]; defaultLocale: Locale; idleTimeoutSeconds: number };
  state: SessionState;
  stepCount: number;
  dispatch(action: SessionAction): void;
  /** The draft was restored, found too old or discarded: its files may have changed (stable). */
  onSettled(): void;
}

export interface Draft {
  /** Until the stored draft has been looked at, nothing is shown. */
  restoring: boolean;
  /** Forgets the draft and its files (home, or a form the clerk opens). */
  discard(): Promise<void>;
}

/**
 * The citizen's draft: restored once when the session mounts, saved on every change. Storage
 * and its encryption belong to DraftStore; a submission ends the draft through DraftStore.finish.
 */
export function useDraft({ db, drafts, config, state, stepCount, dispatch, onSettled }: DraftInput): Draft {
  const [restoring, setRestoring] = useState(true);

  // A reload or renderer crash in the middle of a form brings the citizen back to it, but only
  // while the session would still be alive: an old draft belongs to someone who has left.
  useEffect(() => {
    let cancelled = false;
    void drafts.load().then(async (draft) => {
      if (cancelled) return;
      const fresh = draft && Date.now() - Date.parse(draft.updatedAt) < config.idleTimeoutSeconds * 1000;
      const form = draft && fresh ? await getForm(db, draft.formKey) : undefined;
      if (draft && form && !cancelled) {
        const locale = config.locales.includes(draft.locale as Locale)
          ? (draft.locale as Locale)
          : config.defaultLocale;
        dispatch({
          type: 'resume',
          locale,
          serviceId: draft.serviceId,
          formKey: draft.formKey,
          stepIndex: draft.stepIndex,
          stepCount: form.ui.steps.length,
          answers: draft.answers,
        });
      } else if (draft) {
        await drafts.discard();
      }
      if (!cancelled) {
        onSettled();
        setRestoring(false);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [db, drafts, config, dispatch, onSettled]);

  // Every change of the answers is saved (debounced) so nothing typed is lost; a new step is
  // saved at once, so a reload right after "next" comes back to the same step.
  const { screen, answers, locale } = state;
  const savedStep = useRef<number | null>(null);
  useEffect(() => {
    if (screen.name !== 'form' && screen.name !== 'review') return;
    const stepIndex = draftStepIndex(screen, stepCount);
    if (stepIndex === null) return;
    drafts.schedule({
      locale,
      serviceId: screen.serviceId,
      formKey: screen.formKey,
      stepIndex,
      answers: cleanAnswers(answers),
    });
    if (savedStep.current !== stepIndex) void drafts.flush();
    savedStep.current = stepIndex;
  }, [screen, answers, locale, stepCount, drafts]);

  const discard = useCallback(async () => {
    await drafts.discard();
    onSettled();
  }, [drafts, onSettled]);

  return { restoring, discard };
}

function cleanAnswers(answers: Record<string, AnswerValue>): FormAnswers {
  const result: FormAnswers = {};
  for (const [key, value] of Object.entries(answers)) if (value !== undefined) result[key] = value;
  return result;
}
