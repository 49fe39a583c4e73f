import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import { DEFAULT_DISPLAY } from '../a11y/display-settings.js';
import type { KioskContent } from '../hooks/useKioskContent.js';
import { TEXTS } from '../i18n/texts.js';
import { initialSession, type SessionState } from '../session/flow.js';
import { parkingForm } from '../testing/session-fixtures.js';
import { SessionView, type SessionViewProps } from './SessionView.js';

const none = () => undefined;
const content = (ready: boolean): KioskContent => ({
  ready,
  municipality: 'Musterstadt',
  services: [],
  categories: [],
  lifeSituations: [],
  offices: [],
  forms: new Map(),
  latestForm: () => undefined,
});

function props(state: SessionState, overrides: Partial<SessionViewProps> = {}): SessionViewProps {
  return {
    t: TEXTS.de,
    config: { attract: { title: { de: 'Willkommen im Rathaus' }, subtitle: { de: 'Bitte berühren' } } },
    locales: ['de', 'en'],
    state,
    content: content(true),
    form: undefined,
    connectivity: 'online',
    waiting: 0,
    draftProblem: null,
    display: DEFAULT_DISPLAY,
    onDisplay: none,
    readAloud: { state: 'idle', read: none, stop: none },
    attachments: { items: [], add: () => Promise.resolve(null), remove: none },
    limits: ATTACHMENT_DEFAULTS,
    camera: undefined,
    scanner: undefined,
    lookupStatus: () => Promise.resolve(null),
    callOffered: false,
    submission: { submitting: false, failure: null, submittedAt: '' },
    onSubmit: none,
    acknowledged: new Map(),
    uploads: new Map(),
    canPrint: true,
    printing: { state: 'idle', print: none },
    offer: { offered: null, problem: null, busy: false, attach: none, decline: none },
    idle: { secondsLeft: null, extend: none },
    call: <aside data-testid="call" />,
    dispatch: none,
    onHome: none,
    onLocale: none,
    onNext: none,
    onFinish: none,
    onEnd: none,
    ...overrides,
  };
}

const onCatalog: SessionState = { ...initialSession('de'), screen: { name: 'catalog' } };
const onForm: SessionState = {
  ...initialSession('de'),
  screen: { name: 'form', serviceId: 'parken', formKey: 'parken@1', stepIndex: 0 },
};

describe('SessionView', () => {
  it('shows the attract loop without the bars, with the call button', () => {
    const html = renderToStaticMarkup(<SessionView {...props(initialSession('de'))} />);
    expect(html).toContain('Willkommen im Rathaus');
    expect(html).not.toContain(TEXTS.de.endSession);
    expect(html).toContain('data-testid="call"');
  });

  it('says so while the terminal has no content yet', () => {
    const html = renderToStaticMarkup(<SessionView {...props(onCatalog, { content: content(false) })} />);
    expect(html).toContain(TEXTS.de.endSession);
    expect(html).toContain(TEXTS.de.noContentYet);
  });

  it('lays the idle warning and the clerk’s document over the form', () => {
    const offered = { id: 's', name: 'dokument-1.jpg', mediaType: 'image/jpeg', bytes: new Uint8Array([1]) };
    const html = renderToStaticMarkup(
      <SessionView
        {...props(onForm, {
          form: { ...parkingForm, key: 'parken@1' },
          offer: { offered, problem: 'too_large', busy: false, attach: none, decline: none },
          idle: { secondsLeft: 20, extend: none },
        })}
      />,
    );
    expect(html).toContain('Das Rathaus hat ein Foto Ihres Dokuments geschickt');
    expect(html).toContain(TEXTS.de.attachments.problems.too_large('10 MB'));
    expect(html.match(/role="alertdialog"/g)).toHaveLength(2);
  });
});
