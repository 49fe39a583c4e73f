import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SubmissionDetail, SubmissionSummary } from '../../../protocol/clerk.js';
import { de } from '../texts.js';
import { SubmissionDetailView } from './SubmissionDetailView.js';
import { SubmissionListView } from './SubmissionListView.js';

const summary: SubmissionSummary = {
  id: '0b9e5f1e-7f4a-4d3c-9a57-4d2b8f6c1a20',
  trackingCode: 'ABCD-EFGH-JKMN',
  formId: 'wohnsitz',
  formVersion: 1,
  formTitle: 'Anmeldung einer Wohnung',
  serviceId: 'meldewesen',
  officeId: 'buergeramt',
  terminalId: 'terminal-foyer',
  status: 'received',
  submittedAt: '2025-03-05T13:05:00Z',
  receivedAt: '2025-03-05T13:07:00Z',
};

const listProps = {
  t: de,
  fetchedAt: new Date('2025-03-05T13:08:00Z'),
  refreshing: false,
  problem: null,
  onRefresh: () => {},
  refreshSeconds: 15,
  hrefFor: (id: string) => `#/submissions/${id}`,
};

describe('SubmissionListView', () => {
  it('shows the submissions as a captioned table with the tracking code as row header and link', () => {
    const html = renderToStaticMarkup(<SubmissionListView {...listProps} submissions={[summary]} />);
    expect(html).toContain('<caption class="clerk-table__caption">Eingegangene Anträge</caption>');
    for (const column of ['Eingang', 'Vorgangsnummer', 'Antrag', 'Terminal', 'Status']) {
      expect(html).toContain(`<th scope="col">${column}</th>`);
    }
    expect(html).toMatch(
      /<th scope="row"><a [^>]*href="#\/submissions\/0b9e5f1e[^"]*"[^>]*>ABCD-EFGH-JKMN<\/a><\/th>/,
    );
    expect(html).toContain('<time dateTime="2025-03-05T13:07:00Z">');
    expect(html).toContain('Eingegangen');
  });

  it('says so when nothing has arrived yet', () => {
    const html = renderToStaticMarkup(<SubmissionListView {...listProps} submissions={[]} />);
    expect(html).toContain('Noch keine Anträge eingegangen.');
    expect(html).not.toContain('<table');
  });

  it('keeps the last list when the hub is unreachable', () => {
    const html = renderToStaticMarkup(
      <SubmissionListView {...listProps} problem="unreachable" submissions={[summary]} />,
    );
    expect(html).toMatch(
      /role="alert"[^>]*>Der Server im Rathaus ist nicht erreichbar\. Die Liste zeigt den Stand/,
    );
    expect(html).toContain('ABCD-EFGH-JKMN');
  });
});

describe('SubmissionDetailView', () => {
  const detail: SubmissionDetail = {
    ...summary,
    locale: 'en',
    fields: [
      { name: 'surname', label: 'Familienname', value: 'Musterfrau' },
      { name: 'mainResidence', label: 'Hauptwohnung', value: true },
      { name: 'pets', label: 'Haustiere', value: false },
      { name: 'note', label: 'Bemerkung', value: '' },
    ],
  };

  it('names the region after the form and tracking code and lists every answer', () => {
    const html = renderToStaticMarkup(<SubmissionDetailView t={de} detail={detail} />);
    expect(html).toMatch(/<article [^>]*aria-labelledby="clerk-detail-heading"/);
    expect(html).toMatch(/<h1 [^>]*id="clerk-detail-heading"[^>]*>Anmeldung einer Wohnung<span/);
    expect(html).toContain('ABCD-EFGH-JKMN');
    expect(html).toContain('<dt>Familienname</dt><dd class="clerk-pairs__value">Musterfrau</dd>');
    expect(html).toContain('<dt>Hauptwohnung</dt><dd class="clerk-pairs__value">Ja</dd>');
    expect(html).toContain('<dt>Haustiere</dt><dd class="clerk-pairs__value">Nein</dd>');
    expect(html).toContain('<dt>Bemerkung</dt><dd class="clerk-pairs__empty">keine Angabe</dd>');
    expect(html).toContain('<dt>Sprache</dt><dd>Englisch</dd>');
  });
});
