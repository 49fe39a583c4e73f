import { describe, expect, it } from 'vitest';
import {
  attachmentIsSent,
  attachmentRoom,
  formFitsAttachmentLimits,
  missingAttachments,
} from './form-attachments.js';
import type { FieldUi, FormStep } from './forms.js';

const label = (de: string) => ({ de });
const form = {
  ui: {
    steps: [
      { id: 'one', title: label('Eins'), fields: ['hasCar', 'registration', 'extra'] },
      { id: 'two', title: label('Zwei'), fields: ['pages'] },
    ] satisfies FormStep[],
    fields: {
      hasCar: { label: label('Auto?'), widget: 'yesno' },
      registration: {
        label: label('Fahrzeugschein'),
        widget: 'photo',
        minCount: 1,
        visibleWhen: { field: 'hasCar', equals: true },
      },
      extra: { label: label('Weiteres'), widget: 'photo' },
      pages: { label: label('Seiten'), widget: 'scan', minCount: 2 },
    } satisfies Record<string, FieldUi>,
  },
};

describe('required photo and scan fields', () => {
  it('name every shown field with too few files, in step order: none is "required", some is "tooFew"', () => {
    expect(missingAttachments(form, { hasCar: true }, [{ fieldId: 'pages' }])).toEqual([
      { field: 'registration', code: 'required', message: 'registration needs at least 1 photo, has 0' },
      { field: 'pages', code: 'tooFew', message: 'pages needs at least 2 scans, has 1' },
    ]);
  });

  it('are satisfied by enough files of their own field only', () => {
    const files = [{ fieldId: 'registration' }, { fieldId: 'extra' }, { fieldId: 'extra' }];
    expect(missingAttachments(form, { hasCar: true }, files).map((e) => e.field)).toEqual(['pages']);
    files.push({ fieldId: 'pages' }, { fieldId: 'pages' });
    expect(missingAttachments(form, { hasCar: true }, files)).toEqual([]);
  });

  it('ask for nothing while their condition hides them', () => {
    expect(missingAttachments(form, { hasCar: false }, []).map((e) => e.field)).toEqual(['pages']);
    expect(missingAttachments(form, {}, []).map((e) => e.field)).toEqual(['pages']);
  });

  it('are checked for one step when its fields are given', () => {
    expect(missingAttachments(form, { hasCar: true }, [], ['hasCar', 'registration', 'extra'])).toEqual([
      expect.objectContaining({ field: 'registration', code: 'required' }),
    ]);
    expect(missingAttachments(form, { hasCar: true }, [], ['pages'])).toEqual([
      expect.objectContaining({ field: 'pages', code: 'required' }),
    ]);
  });
});

describe('which draft files are sent', () => {
  it('not those of a photo field hidden by its condition; those of shown or unknown fields', () => {
    expect(attachmentIsSent(form, { hasCar: false }, { fieldId: 'registration' })).toBe(false);
    expect(attachmentIsSent(form, { hasCar: true }, { fieldId: 'registration' })).toBe(true);
    expect(attachmentIsSent(form, {}, { fieldId: 'extra' })).toBe(true);
    expect(attachmentIsSent(form, {}, { fieldId: 'gone' })).toBe(true);
    expect(attachmentIsSent(form, {}, {})).toBe(true);
  });
});

describe('what a terminal can take', () => {
  it('fits a form whose required files, conditional ones included, are within maxCount', () => {
    // registration (1, when there is a car) + pages (2): three, whatever the answers.
    expect(formFitsAttachmentLimits(form, { maxCount: 3 })).toBe(true);
    expect(formFitsAttachmentLimits(form, { maxCount: 2 })).toBe(false);
  });

  it('keeps room for what the other shown fields still require', () => {
    // maxCount 4, pages still needs 2 and registration 1: one optional photo fits, not two.
    expect(attachmentRoom(form, { hasCar: true }, [], 'extra', 4)).toEqual({ left: 1, reserved: 3 });
    expect(attachmentRoom(form, { hasCar: true }, [{ fieldId: 'extra' }], 'extra', 4)).toEqual({
      left: 0,
      reserved: 3,
    });
    // A required field may take its own share and what is left over.
    expect(attachmentRoom(form, { hasCar: true }, [{ fieldId: 'extra' }], 'pages', 4)).toEqual({
      left: 2,
      reserved: 1,
    });
    // Hidden by its condition, the registration reserves nothing, and its file is not counted.
    expect(attachmentRoom(form, { hasCar: false }, [{ fieldId: 'registration' }], 'extra', 4)).toEqual({
      left: 2,
      reserved: 2,
    });
    const full = [{ fieldId: 'pages' }, { fieldId: 'pages' }, { fieldId: 'extra' }];
    expect(attachmentRoom(form, { hasCar: false }, full, 'pages', 3)).toEqual({ left: 0, reserved: 0 });
  });
});

describe('scans inside groups and repeatables', () => {
  const nested = {
    schema: {
      type: 'object' as const,
      properties: {
        kinder: {
          type: 'array' as const,
          items: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: [],
            additionalProperties: false,
          },
        },
      },
      required: [],
      additionalProperties: false as const,
    },
    ui: {
      steps: [{ id: 'k', title: label('Kinder'), fields: ['kinder'] }] satisfies FormStep[],
      fields: {
        kinder: {
          label: label('Kinder'),
          widget: 'repeat',
          item: {
            label: label('Kind'),
            widget: 'group',
            fields: {
              name: { label: label('Name'), widget: 'text' },
              urkunde: {
                label: label('Urkunde'),
                widget: 'scan',
                minCount: 1,
                visibleIf: { properties: { kinder: { minItems: 1 } }, required: ['kinder'] },
              },
            },
          },
        },
      } satisfies Record<string, FieldUi>,
    },
  };

  it('name the missing file by its entry, and keep room for each answered entry', () => {
    const answers = { kinder: [{ name: 'Ada' }, { name: 'Max' }] };
    expect(missingAttachments(nested, answers, [{ fieldId: 'kinder/1/urkunde' }])).toEqual([
      {
        field: 'kinder/0/urkunde',
        code: 'required',
        message: 'kinder/0/urkunde needs at least 1 scan, has 0',
      },
    ]);
    expect(attachmentRoom(nested, answers, [], 'kinder/0/urkunde', 5)).toEqual({ left: 4, reserved: 1 });
  });

  it('do not send the file of an entry that was removed, nor of a field its visibleIf hides', () => {
    const one = { kinder: [{ name: 'Ada' }] };
    expect(attachmentIsSent(nested, one, { fieldId: 'kinder/0/urkunde' })).toBe(true);
    expect(attachmentIsSent(nested, one, { fieldId: 'kinder/3/urkunde' })).toBe(false);
    expect(attachmentIsSent(nested, {}, { fieldId: 'kinder/0/urkunde' })).toBe(false);
    // A path the form does not know is kept, as before.
    expect(attachmentIsSent(nested, one, { fieldId: 'sonstiges' })).toBe(true);
  });
});
