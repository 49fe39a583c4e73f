import type { FormDefinition } from '../../../protocol/forms.js';
import type { OpenedSubmission } from '../../shared/encryption/open.js';
import { AnswerList } from './AnswerList.js';
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
  statusMessage: '',
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

describe('SubmissionDetailView and AnswerList', () => {
  const form: FormDefinition = {
    id: 'wohnsitz-anmeldung',
    version: 1,
    title: { de: 'Anmeldung einer Wohnung' },
    description: { de: 'x' },
    officeId: 'buergerbuero',
    schema: {
      type: 'object',
      properties: {
        surname: { type: 'string', minLength: 1 },
        mainResidence: { type: 'boolean' },
        pets: { type: 'boolean' },
        note: { type: 'string', pattern: '^[a-z]*$' },
      },
      required: ['surname'],
      additionalProperties: false,
    },
    ui: {
      steps: [{ id: 'a', title: { de: 'A' }, fields: ['surname', 'mainResidence', 'pets', 'note'] }],
      fields: {
        surname: { label: { de: 'Familienname' }, widget: 'text' },
        mainResidence: { label: { de: 'Hauptwohnung' }, widget: 'checkbox' },
        pets: { label: { de: 'Haustiere' }, widget: 'checkbox' },
        note: { label: { de: 'Bemerkung' }, widget: 'text' },
      },
    },
    updatedAt: '2026-01-01T00:00:00Z',
  };
  const detail: SubmissionDetail = {
    ...summary,
    locale: 'en',
    keyId: 'k',
    data: 'd',
    metadata: 'm',
    attachments: [],
    form,
  };
  const opened: OpenedSubmission = {
    answers: { surname: 'Musterfrau', mainResidence: true, pets: false, note: 'X1' },
    metadata: {
      formId: form.id,
      formVersion: 1,
      serviceId: 's',
      locale: 'en',
      submittedAt: '2026-11-02T09:00:00Z',
      dataSha512: '0'.repeat(128),
      attachments: [],
    },
    problems: ['The data does not match the SHA-512 hash in the metadata record.'],
    fieldErrors: [{ field: 'note', code: 'pattern', message: 'note does not have the expected form' }],
  };

  it('names the region after the form and tracking code and shows the answers slot', () => {
    const html = renderToStaticMarkup(
      <SubmissionDetailView
        t={de}
        detail={detail}
        answers={<AnswerList t={de} form={form} opened={opened} />}
      />,
    );
    expect(html).toMatch(/<article [^>]*aria-labelledby="clerk-detail-heading"/);
    expect(html).toMatch(/<h1 [^>]*id="clerk-detail-heading"[^>]*>Anmeldung einer Wohnung<span/);
    expect(html).toContain('ABCD-EFGH-JKMN');
    expect(html).toContain('<dt>Familienname</dt><dd class="clerk-pairs__value">Musterfrau</dd>');
    expect(html).toContain('<dt>Hauptwohnung</dt><dd class="clerk-pairs__value">Ja</dd>');
    expect(html).toContain('<dt>Haustiere</dt><dd class="clerk-pairs__value">Nein</dd>');
    expect(html).toContain('<dt>Sprache</dt><dd>Englisch</dd>');
  });

  it('warns about a hash mismatch and answers the form does not allow', () => {
    const html = renderToStaticMarkup(<AnswerList t={de} form={form} opened={opened} />);
    expect(html).toContain('Prüfung des Antrags');
    expect(html).toContain('SHA-512');
    expect(html).toContain('Bemerkung: note does not have the expected form');
  });
});
