import { describe, expect, it, vi } from 'vitest';
import { renderHook, settle } from '../testing/render-hook.js';
import { officeWith, parkingForm, photo } from '../testing/session-fixtures.js';

const office = officeWith();
import type { SessionAction, SessionState } from './flow.js';
import { useFormSteps, type FormStepsInput } from './use-form-steps.js';
import type { SubmitResult } from './use-submit.js';

const formKey = 'parken@1';
const onStep = (stepIndex: number, answers: Record<string, unknown>): SessionState => ({
  locale: 'de',
  screen: { name: 'form', serviceId: 'parken', formKey, stepIndex },
  answers: answers as SessionState['answers'],
  errors: {},
});
const onReview = (answers: Record<string, unknown>): SessionState => ({
  ...onStep(0, answers),
  screen: { name: 'review', serviceId: 'parken', formKey },
});

function input(state: SessionState, result: SubmitResult | null = null): FormStepsInput {
  return {
    state,
    dispatch: vi.fn<(action: SessionAction) => void>(),
    form: parkingForm,
    offices: [office],
    files: [],
    drafts: { flush: vi.fn(() => Promise.resolve()) },
    submit: vi.fn(() => Promise.resolve(result)),
    onFilesChanged: vi.fn(),
  };
}

describe('useFormSteps', () => {
  it('"next" shows the step’s problems and stays', async () => {
    const props = input(onStep(1, { name: 'Erika', ownCar: true }));
    const hook = await renderHook(useFormSteps, props);
    hook.current.next();
    expect(props.dispatch).toHaveBeenCalledWith({ type: 'showErrors', errors: { registration: 'required' } });
    expect(props.drafts.flush).not.toHaveBeenCalled();
    await hook.unmount();
  });

  it('"next" saves the draft and moves on when the step is complete', async () => {
    const props = { ...input(onStep(1, { name: 'Erika', ownCar: true })), files: [photo(1, 'registration')] };
    const hook = await renderHook(useFormSteps, props);
    hook.current.next();
    expect(props.drafts.flush).toHaveBeenCalledTimes(1);
    expect(props.dispatch).toHaveBeenCalledWith({ type: 'goToStep', stepIndex: 2, stepCount: 2 });
    await hook.unmount();
  });

  it('a stored application leads to the receipt', async () => {
    const answers = { name: 'Erika', ownCar: false };
    const props = input(onReview(answers), { ok: true, receipt: { id: 'id-1', trackingCode: 'ABCD' } });
    const hook = await renderHook(useFormSteps, props);
    await settle(() => hook.current.submit());
    expect(props.submit).toHaveBeenCalledWith({
      form: parkingForm,
      office,
      serviceId: 'parken',
      locale: 'de',
      answersAsShown: answers,
    });
    expect(props.dispatch).toHaveBeenCalledWith({
      type: 'submitted',
      submissionId: 'id-1',
      trackingCode: 'ABCD',
    });
    expect(props.onFilesChanged).toHaveBeenCalledTimes(1);
    await hook.unmount();
  });

  it('an incomplete application goes back to the first step with a problem, showing all of them', async () => {
    const errors = [{ field: 'registration', code: 'required' as const, message: 'registration: required' }];
    const props = input(onReview({ name: 'Erika', ownCar: true }), { ok: false, errors });
    const hook = await renderHook(useFormSteps, props);
    await settle(() => hook.current.submit());
    expect(vi.mocked(props.dispatch).mock.calls).toEqual([
      [{ type: 'goToStep', stepIndex: 1, stepCount: 2 }],
      [{ type: 'showErrors', errors: { registration: 'required' } }],
    ]);
    expect(props.onFilesChanged).toHaveBeenCalledTimes(1);
    await hook.unmount();
  });

  it('a failure to store stays on the review', async () => {
    const props = input(onReview({ name: 'Erika' }), { ok: false, failure: 'submitFailed' });
    const hook = await renderHook(useFormSteps, props);
    await settle(() => hook.current.submit());
    expect(props.dispatch).not.toHaveBeenCalled();
    await hook.unmount();
  });
});
