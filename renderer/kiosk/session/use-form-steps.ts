import type { FormDefinition } from '../../../protocol/forms.js';
import type { Office } from '../../../protocol/catalog.js';
import type { DraftStore } from '../storage/index.js';
import type { SessionAction, SessionState } from './flow.js';
import { errorsByPath, firstStepWithError, stepErrors, type DraftFile } from './submission.js';
import type { Submit } from './use-submit.js';

export interface FormStepsInput {
  state: SessionState;
  dispatch(action: SessionAction): void;
  form: FormDefinition | undefined;
  offices: readonly Office[];
  files: readonly DraftFile[];
  drafts: Pick<DraftStore, 'flush'>;
  submit: Submit['submit'];
  /** After a submit that reached storage (stored or refused): the draft's files changed or may have. */
  onFilesChanged(): void;
}

/** "Next" on a form step and "send" on the review: each checks, then moves the citizen on. */
export function useFormSteps(input: FormStepsInput): { next(): void; submit(): Promise<void> } {
  const { state, dispatch, form } = input;
  const { screen, answers } = state;
  const stepCount = form?.ui.steps.length ?? 0;
  return {
    next() {
      if (screen.name !== 'form' || !form) return;
      const fields = form.ui.steps[screen.stepIndex]?.fields ?? [];
      const errors = stepErrors(form, answers, input.files, fields);
      if (Object.keys(errors).length > 0) return dispatch({ type: 'showErrors', errors });
      void input.drafts.flush();
      dispatch({ type: 'goToStep', stepIndex: screen.stepIndex + 1, stepCount });
    },
    async submit() {
      if (screen.name !== 'review' || !form) return;
      const office = input.offices.find((o) => o.id === form.officeId);
      const { serviceId } = screen;
      const result = await input.submit({
        form,
        office,
        serviceId,
        locale: state.locale,
        answersAsShown: answers,
      });
      if (!result || 'failure' in result) return;
      input.onFilesChanged();
      if (result.ok) {
        const { id, trackingCode } = result.receipt;
        return dispatch({ type: 'submitted', submissionId: id, trackingCode });
      }
      // Back to the first step with a problem, showing every problem of the form.
      dispatch({ type: 'goToStep', stepIndex: firstStepWithError(form, result.errors), stepCount });
      dispatch({
        type: 'showErrors',
        errors: errorsByPath(form, result.errors),
      });
    },
  };
}
