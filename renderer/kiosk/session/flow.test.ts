import { describe, expect, it } from 'vitest';
import {
  draftStepIndex,
  initialSession,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from './flow.js';

const run = (...actions: SessionAction[]): SessionState =>
  actions.reduce(sessionReducer, initialSession('de'));

describe('sessionReducer', () => {
  it('walks attract -> language -> catalog -> service -> form -> review -> receipt', () => {
    let state = run({ type: 'start' });
    expect(state.screen.name).toBe('language');
    state = sessionReducer(state, { type: 'chooseLocale', locale: 'en', advance: true });
    expect(state).toMatchObject({ locale: 'en', screen: { name: 'catalog' } });
    state = sessionReducer(state, { type: 'openService', serviceId: 's' });
    state = sessionReducer(state, { type: 'startForm', serviceId: 's', formKey: 'f@1' });
    expect(state.screen).toEqual({ name: 'form', serviceId: 's', formKey: 'f@1', stepIndex: 0 });
    state = sessionReducer(state, { type: 'answer', name: 'a', value: 'x' });
    state = sessionReducer(state, { type: 'goToStep', stepIndex: 1, stepCount: 2 });
    state = sessionReducer(state, { type: 'goToStep', stepIndex: 2, stepCount: 2 });
    expect(state.screen.name).toBe('review');
    expect(draftStepIndex(state.screen, 2)).toBe(2);
    state = sessionReducer(state, { type: 'submitted', submissionId: 'id', trackingCode: 'ABCD-EFGH-JKMN' });
    expect(state.screen).toMatchObject({ name: 'receipt', trackingCode: 'ABCD-EFGH-JKMN' });
    expect(state.answers).toEqual({});
  });

  it('keeps answers when the language changes mid-form', () => {
    const state = run(
      { type: 'startForm', serviceId: 's', formKey: 'f@1' },
      { type: 'answer', name: 'a', value: 'x' },
      { type: 'chooseLocale', locale: 'en', advance: false },
    );
    expect(state).toMatchObject({ locale: 'en', answers: { a: 'x' }, screen: { name: 'form' } });
  });

  it('clears a field error as soon as the field changes', () => {
    const state = run(
      { type: 'startForm', serviceId: 's', formKey: 'f@1' },
      { type: 'showErrors', errors: { a: 'required', b: 'pattern' } },
      { type: 'answer', name: 'a', value: 'x' },
    );
    expect(state.errors).toEqual({ b: 'pattern' });
  });

  it('inside a group clears the mark of the part typed in, and keeps the others', () => {
    const state = run(
      { type: 'startForm', serviceId: 's', formKey: 'f@1' },
      {
        type: 'showErrors',
        errors: { 'address/street': 'required', 'address/city': 'required', b: 'pattern' },
      },
      { type: 'answer', name: 'address', value: { street: 'Lindenweg' } },
    );
    expect(state.errors).toEqual({ 'address/city': 'required', b: 'pattern' });
  });

  it('clears the error of a photo field once it has its photos, and nothing else', () => {
    const shown = run(
      { type: 'startForm', serviceId: 's', formKey: 'f@1' },
      { type: 'answer', name: 'a', value: 'x' },
      { type: 'showErrors', errors: { photo: 'required', b: 'pattern' } },
    );
    const state = sessionReducer(shown, { type: 'clearError', name: 'photo' });
    expect(state.errors).toEqual({ b: 'pattern' });
    expect(state.answers).toEqual({ a: 'x' });
    expect(sessionReducer(state, { type: 'clearError', name: 'photo' })).toBe(state);
  });

  it('goes back step by step, then to the service', () => {
    let state = run(
      { type: 'startForm', serviceId: 's', formKey: 'f@1' },
      { type: 'goToStep', stepIndex: 2, stepCount: 2 },
    );
    state = sessionReducer(state, { type: 'back', stepCount: 2 });
    expect(state.screen).toMatchObject({ name: 'form', stepIndex: 1 });
    state = sessionReducer(state, { type: 'back', stepCount: 2 });
    state = sessionReducer(state, { type: 'back', stepCount: 2 });
    expect(state.screen).toEqual({ name: 'service', serviceId: 's' });
  });

  it('resumes a draft at its step, or at the review', () => {
    const resume = (stepIndex: number) =>
      run({
        type: 'resume',
        locale: 'en',
        serviceId: 's',
        formKey: 'f@1',
        stepIndex,
        stepCount: 3,
        answers: { a: 'x' },
      });
    expect(resume(1).screen).toMatchObject({ name: 'form', stepIndex: 1 });
    expect(resume(3).screen.name).toBe('review');
    expect(resume(1).answers).toEqual({ a: 'x' });
  });

  it('home leaves the form and forgets its answers', () => {
    const state = run(
      { type: 'startForm', serviceId: 's', formKey: 'f@1' },
      { type: 'answer', name: 'a', value: 'x' },
      { type: 'home' },
    );
    expect(state).toMatchObject({ screen: { name: 'catalog' }, answers: {} });
  });
});
