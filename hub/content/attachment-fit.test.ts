import { describe, expect, it } from 'vitest';
import type { FieldUi } from '../../protocol/forms.js';
import { attachmentFitWarnings } from './attachment-fit.js';

const scans = (...counts: number[]) => ({
  steps: [{ id: 'one', title: { de: 'Eins' }, fields: counts.map((_, i) => `scan${i}`) }],
  fields: Object.fromEntries(
    counts.map((minCount, i): [string, FieldUi] => [
      `scan${i}`,
      { label: { de: 'Scan' }, widget: 'scan', minCount },
    ]),
  ),
});

describe('attachmentFitWarnings', () => {
  it('names forms that require more files than terminals take by default', () => {
    const fits = { id: 'fits', title: { de: 'Passt' }, ui: scans(2, 3) };
    const tooMany = { id: 'many', title: { de: 'Viele Nachweise' }, ui: scans(3, 3) };
    expect(attachmentFitWarnings([fits])).toEqual([]);
    expect(attachmentFitWarnings([fits, tooMany])).toEqual([
      'form "many" (Viele Nachweise) requires 6 photos and scans: only terminals with attachments.maxCount >= 6 start it (default 5); the others offer it for the office or a video call',
    ]);
    expect(attachmentFitWarnings([tooMany], 6)).toEqual([]);
  });
});
