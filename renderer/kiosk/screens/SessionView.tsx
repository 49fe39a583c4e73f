import type { ReactNode } from 'react';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { Locale } from '../../../protocol/i18n.js';
import { AccessBar } from '../a11y/AccessBar.js';
import type { DisplaySettings } from '../a11y/display-settings.js';
import { DocumentOfferDialog } from '../components/DocumentOfferDialog.js';
import { IdleWarning } from '../components/IdleWarning.js';
import { TopBar } from '../components/TopBar.js';
import { hasEnteredAnything } from '../session/entered.js';
import { TEXTS } from '../i18n/texts.js';
import { KeyboardHost } from '../keyboard/KeyboardHost.js';
import type { SessionState } from '../session/flow.js';
import type { IdleState } from '../session/idle.js';
import type { DocumentOffer } from '../session/use-document-offer.js';
import type { ReadAloud } from '../session/use-read-aloud.js';
import type { DraftSaveProblem } from '../storage/index.js';
import type { Connectivity } from '../sync/engine.js';
import { AttractScreen } from './AttractScreen.js';
import { NoticeScreen } from './NoticeScreen.js';
import { ScreenSwitch, attachmentProblemText, type ScreenSwitchProps } from './ScreenSwitch.js';

type Passed = 'screen' | 'locale' | 'answers' | 'errors' | 'draftNotice';

export interface SessionViewProps extends Omit<ScreenSwitchProps, Passed> {
  config: Pick<KioskConfig, 'attract' | 'attractRotateSeconds'>;
  state: SessionState;
  connectivity: Connectivity;
  /** Applications in the outbox, for the top bar. */
  waiting: number;
  draftProblem: DraftSaveProblem;
  display: DisplaySettings;
  onDisplay(settings: DisplaySettings): void;
  readAloud: ReadAloud;
  offer: DocumentOffer;
  idle: IdleState;
  /** The call button and window, when this terminal offers calls now. */
  call: ReactNode;
  onHome(): void;
  onEnd(): void;
}

/** The session on screen: the attract loop, or the bars, the current screen and what lies over it. */
export function SessionView(props: SessionViewProps) {
  const { config, state, draftProblem, display, onDisplay, readAloud, offer, idle, call, onEnd } = props;
  const { t, locales, content, dispatch } = props;
  const { screen, locale } = state;

  if (screen.name === 'attract') {
    const seconds = config.attractRotateSeconds;
    const rotation =
      seconds === undefined ? undefined : { locales, seconds, cta: (l: Locale) => TEXTS[l].attractStart };
    return (
      <>
        <AttractScreen
          t={t}
          locale={locale}
          title={config.attract.title}
          subtitle={config.attract.subtitle}
          rotation={rotation}
          onStart={() => dispatch({ type: 'start' })}
        />
        {call}
      </>
    );
  }

  const draftNotice =
    draftProblem === 'full' ? t.draftNotSaved : draftProblem === 'failed' ? t.draftSaveFailed : null;
  const onForm = screen.name === 'form' || screen.name === 'review';
  return (
    <>
      <TopBar
        t={t}
        locale={locale}
        locales={locales}
        connectivity={props.connectivity}
        waiting={props.waiting}
        municipality={content.municipality}
        onHome={props.onHome}
        onLocale={props.onLocale}
        onEndSession={onEnd}
        confirmEnd={hasEnteredAnything(state.answers, props.attachments.items.length)}
      />
      <AccessBar
        t={t}
        settings={display}
        speechState={readAloud.state}
        onChange={onDisplay}
        onReadAloud={readAloud.read}
        onStopReading={() => {
          readAloud.stop();
          if (display.readAloud) onDisplay({ ...display, readAloud: false });
        }}
      />
      {!content.ready ? (
        <NoticeScreen title={t.noContentYet} />
      ) : (
        <>
          <ScreenSwitch
            {...props} // the switch's own props; it reads no others
            screen={screen}
            locale={locale}
            answers={state.answers}
            errors={state.errors}
            draftNotice={draftNotice}
          />
          <KeyboardHost t={t} locale={locale} />
          {offer.offered && onForm && (
            <DocumentOfferDialog
              t={t}
              document={offer.offered}
              problem={offer.problem && attachmentProblemText(t, offer.problem, props.limits)}
              busy={offer.busy}
              onAttach={offer.attach}
              onDecline={offer.decline}
            />
          )}
          {idle.secondsLeft !== null && (
            <IdleWarning t={t} secondsLeft={idle.secondsLeft} onContinue={idle.extend} onEnd={onEnd} />
          )}
        </>
      )}
      {call}
    </>
  );
}
