import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StuckApplication } from '../../../protocol/quarantine.js';
import { de } from '../texts.js';
import { QuarantineList } from './QuarantineList.js';

const stuck = (id: string, overrides: Partial<StuckApplication> = {}): StuckApplication => ({
  terminalId: 't-01',
  terminalName: 'Dorfladen',
  submissionId: id,
  formId: 'wohnsitz-anmeldung',
  formVersion: 1,
  serviceId: 'wohnsitz-anmelden',
  officeId: 'buergerbuero',
  reason: 'The office buergerbuero holds no key "old".',
  quarantinedAt: '2026-11-21T09:00:00.000Z',
  reportedAt: '2026-11-21T09:01:00.000Z',
  retryRequestedAt: null,
  discardRequestedAt: null,
  discardReason: null,
  ...overrides,
});

describe('QuarantineList', () => {
  it('offers a retry, says when one is asked for, and shows the office’s order to delete instead of a retry', () => {
    const html = renderToStaticMarkup(
      <QuarantineList
        t={de}
        onRetry={() => undefined}
        items={[
          stuck('a'),
          stuck('b', { retryRequestedAt: '2026-11-21T10:00:00.000Z' }),
          stuck('c', {
            discardRequestedAt: '2026-11-21T10:00:00.000Z',
            discardReason: 'Schlüssel verloren.',
          }),
        ]}
      />,
    );
    const row = (id: string) => html.slice(html.indexOf(`data-submission="${id}"`)).split('</tr>')[0] ?? '';
    expect(row('a')).toContain(`aria-label="${de.quarantine.retryLabel('a', 't-01')}"`);
    expect(row('b')).toContain(de.quarantine.retryRequested);
    expect(row('b')).not.toContain('<button');
    expect(row('c')).toContain(de.quarantine.discardRequested('Schlüssel verloren.'));
    expect(row('c')).not.toContain('<button');
  });
});
