import { describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import { parkingForm, photo } from '../testing/session-fixtures.js';
import { serviceAction } from './flow.js';
import { checkSubmission, firstStepWithError, stepErrors } from './submission.js';

describe('checkSubmission', () => {
  it('gives what is sealed: the shown answers, normalized, and the files of shown fields', () => {
    const files = [photo(1, 'registration')];
    const check = checkSubmission(parkingForm, { name: ' Erika ', ownCar: true }, files, ATTACHMENT_DEFAULTS);
    expect(check).toEqual({ ok: true, answers: { name: 'Erika', ownCar: true }, files });
  });

  it('neither checks nor sends what a condition hides', () => {
    const check = checkSubmission(parkingForm, { name: 'Erika', ownCar: false }, [photo(1, 'registration')], {
      ...ATTACHMENT_DEFAULTS,
      maxCount: 0,
    });
    expect(check).toEqual({ ok: true, answers: { name: 'Erika', ownCar: false }, files: [] });
  });

  it('lists every problem of answers and required files at once', () => {
    const check = checkSubmission(parkingForm, { ownCar: true }, [], ATTACHMENT_DEFAULTS);
    expect(check).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'name', code: 'required' }),
        expect.objectContaining({ field: 'registration', code: 'required' }),
      ],
    });
  });

  it('names a file the limits refuse', () => {
    const big = { ...photo(1, 'registration'), size: ATTACHMENT_DEFAULTS.maxBytes + 1 };
    expect(checkSubmission(parkingForm, { name: 'Erika', ownCar: true }, [big], ATTACHMENT_DEFAULTS)).toEqual(
      {
        ok: false,
        refused: { problem: 'too_large', attachmentName: 'foto-1.jpg', fieldId: 'registration' },
      },
    );
  });
});

describe('the checks of one step', () => {
  it('report only the step’s own fields', () => {
    expect(stepErrors(parkingForm, { ownCar: true }, [], ['name'])).toEqual({ name: 'required' });
    expect(stepErrors(parkingForm, { ownCar: true }, [], ['ownCar', 'registration'])).toEqual({
      registration: 'required',
    });
  });

  it('send the citizen back to the first step with a problem', () => {
    const error = (field: string) => ({ field, code: 'required' as const, message: '' });
    expect(firstStepWithError(parkingForm, [error('registration')])).toBe(1);
    expect(firstStepWithError(parkingForm, [error('registration'), error('name')])).toBe(0);
    expect(firstStepWithError(parkingForm, [error('elsewhere')])).toBe(0);
  });
});

describe('serviceAction', () => {
  const content = {
    services: [{ id: 'parken', formId: 'parken' }] as never,
    latestForm: (id: string) => (id === 'parken' ? parkingForm : undefined),
  };
  it('opens the form when asked and the terminal can take its files, else the service page', () => {
    expect(serviceAction(content, 'parken', true, ATTACHMENT_DEFAULTS)).toEqual({
      type: 'startForm',
      serviceId: 'parken',
      formKey: 'parken@1',
    });
    expect(serviceAction(content, 'parken', false, ATTACHMENT_DEFAULTS)).toEqual({
      type: 'openService',
      serviceId: 'parken',
    });
    expect(serviceAction(content, 'parken', true, { ...ATTACHMENT_DEFAULTS, maxCount: 0 })).toEqual({
      type: 'openService',
      serviceId: 'parken',
    });
    expect(serviceAction(content, 'unknown', true, ATTACHMENT_DEFAULTS)).toBeNull();
  });
});
