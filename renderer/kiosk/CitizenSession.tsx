import { useCallback, useMemo, useReducer, useState } from 'react';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import type { PrintOutcome } from '../../protocol/bridge.js';
import type { Locale } from '../../protocol/i18n.js';
import type { KioskCallClient } from './call/call-client.js';
import { KioskCall } from './call/KioskCall.js';
import type { CallRequestSender } from './call/request-sender.js';
import type { DocumentOffers } from './session/document-offers.js';
import { useKioskContent } from './hooks/useKioskContent.js';
import { useCatalogWarmup } from './search/useCatalogIndex.js';
import { useObservable } from '../shared/useObservable.js';
import { TEXTS } from './i18n/texts.js';
import type { DisplaySettings } from './a11y/display-settings.js';
import { contentForTerminal, displayDefaults, printingEnabled } from './fleet/terminal-policy.js';
import { textsFor } from './i18n/plain.js';
import { SessionView } from './screens/SessionView.js';
import { scanCamera } from './qr/camera.js';
import { useIdleTimeout } from './session/idle.js';
import { initialSession, serviceAction, sessionReducer } from './session/flow.js';
import { useAttachments } from './session/use-attachments.js';
import { officeOfScreen, useSessionCall } from './session/use-call.js';
import { useCoView } from './session/use-co-view.js';
import { useDocumentOffer } from './session/use-document-offer.js';
import { useDocumentRoot } from './session/use-document-root.js';
import { useDraft } from './session/use-draft.js';
import { useFormSteps } from './session/use-form-steps.js';
import { useReadAloud } from './session/use-read-aloud.js';
import { useReceiptPrint } from './session/use-receipt-print.js';
import { useSubmit } from './session/use-submit.js';
import type { DraftStore, KioskDatabase } from './storage/index.js';
import type { SyncEngine } from './sync/engine.js';

export interface KioskCalls {
  client: KioskCallClient;
  requests: CallRequestSender;
}

export interface CitizenSessionProps {
  db: KioskDatabase;
  config: KioskConfig;
  sync: SyncEngine;
  drafts: DraftStore;
  calls?: KioskCalls | undefined;
  onEnd(): void;
  /** Prints the page as it is (the receipt) through the shell. */
  onPrintReceipt(): Promise<PrintOutcome>;
  /** The shell grants the camera for a document photo only in between (Electron). */
  camera?: { beginCapture(): Promise<void>; endCapture(): Promise<void> } | undefined;
  /** Documents from outside the form (the clerk's still), attached only after the citizen says yes. */
  documentOffers?: DocumentOffers | undefined;
}

/**
 * One citizen's visit, wired from the hooks in session/ (docs/kiosk-session.md). The parent
 * remounts this component for every new citizen, so no React state survives a session; the
 * draft in IndexedDB is the only copy of what is being typed.
 */
export function CitizenSession(props: CitizenSessionProps) {
  const { db, config, sync, drafts, calls, camera } = props;
  const [state, dispatch] = useReducer(sessionReducer, config.defaultLocale, initialSession);
  const { screen, locale, answers } = state;
  // Only the offices and services this terminal is configured for.
  const synced = useKioskContent(db);
  const content = useMemo(() => contentForTerminal(synced, config), [synced, config]);
  const connectivity = useObservable(sync.connectivity);
  const outbox = useObservable(sync.outbox);
  const acknowledged = useObservable(sync.acknowledged);
  const uploads = useObservable(sync.uploads);
  const draftProblem = useObservable(drafts.problem);
  // Display settings belong to this citizen: a new session mounts with the terminal's defaults.
  const [display, setDisplay] = useState<DisplaySettings>(() => displayDefaults(config.accessibility));
  const t = textsFor(TEXTS[locale], locale, display.plain);
  const limits = config.attachments ?? ATTACHMENT_DEFAULTS;
  const form = 'formKey' in screen ? content.forms.get(screen.formKey) : undefined;
  const stepCount = form?.ui.steps.length ?? 0;

  const onFieldSatisfied = useCallback((name: string) => dispatch({ type: 'clearError', name }), []);
  const attachments = useAttachments({ db, drafts, limits, form, answers, onFieldSatisfied });
  const draft = useDraft({ db, drafts, config, state, stepCount, dispatch, onSettled: attachments.reload });
  const submission = useSubmit({
    db,
    drafts,
    limits,
    officeKeyPins: config.officeKeys,
    fitConnectRoots: config.fitConnectRoots,
    sendNow: () => sync.sendNow(),
  });
  const steps = useFormSteps({
    state,
    dispatch,
    form,
    offices: content.offices,
    files: attachments.items,
    drafts,
    submit: submission.submit,
    onFilesChanged: () => void attachments.reload(),
  });
  const call = useSessionCall(calls?.requests, connectivity, config);
  const coview = useCoView(form, screen, answers, locale);
  const offer = useDocumentOffer(props.documentOffers, form, answers, attachments.add);
  const started = !draft.restoring && screen.name !== 'attract';
  const readAloud = useReadAloud(screen, locale, display.readAloud && started);
  const receiptPrint = useReceiptPrint(props.onPrintReceipt);
  // The receipt's QR code is scanned inside the same camera-alone window as a document photo.
  const scanner = useMemo(() => (camera ? scanCamera(camera) : undefined), [camera]);
  useDocumentRoot(locale, display, screen.name);

  // Every way out of a session comes through here: the end button, the idle reset, the receipt.
  const endSession = props.onEnd;
  const idle = useIdleTimeout(
    started && !call.active,
    config.idleTimeoutSeconds,
    config.idleWarningSeconds,
    endSession,
  );

  // The search index of the default language is built while the terminal waits, in idle time.
  useCatalogWarmup(screen.name === 'attract', content, config.defaultLocale);

  if (draft.restoring) return null;

  const changeLocale = (next: Locale) =>
    dispatch({ type: 'chooseLocale', locale: next, advance: screen.name === 'language' });
  const goHome = () => {
    void draft.discard();
    if (screen.name === 'receipt') endSession();
    else dispatch({ type: 'home' });
  };
  const callUi = calls && call.offered && (
    <KioskCall
      client={calls.client}
      requests={calls.requests}
      locale={locale}
      offices={content.offices}
      officeId={officeOfScreen(screen, content.services, form?.officeId)}
      serviceId={'serviceId' in screen ? screen.serviceId : null}
      coview={coview}
      onActiveChange={call.onActiveChange}
      offline={connectivity === 'offline'}
      onOpen={() => screen.name === 'attract' && dispatch({ type: 'start' })}
      onPush={(serviceId, openForm) => {
        const action = serviceAction(content, serviceId, openForm, limits);
        if (action?.type === 'startForm') void draft.discard();
        if (action) dispatch(action);
      }}
    />
  );

  return (
    <SessionView
      t={t}
      config={config}
      locales={config.locales}
      state={state}
      content={content}
      form={form}
      connectivity={connectivity}
      waiting={outbox.waiting}
      draftProblem={draftProblem}
      display={display}
      onDisplay={setDisplay}
      readAloud={readAloud}
      attachments={attachments}
      limits={limits}
      camera={camera}
      scanner={scanner}
      lookupStatus={sync.lookupStatus}
      callOffered={calls !== undefined && call.offered}
      submission={submission}
      onSubmit={() => void steps.submit()}
      acknowledged={acknowledged}
      uploads={uploads}
      canPrint={printingEnabled(config)}
      printing={receiptPrint}
      offer={offer}
      idle={idle}
      call={callUi}
      dispatch={dispatch}
      onHome={goHome}
      onLocale={changeLocale}
      onNext={steps.next}
      onFinish={endSession}
      onEnd={endSession}
    />
  );
}
