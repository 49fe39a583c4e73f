import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import {
  ATTACHMENT_DEFAULTS,
  attachmentProblem,
  formatByteLimit,
  type AttachmentProblem,
} from '../../protocol/attachments.js';
import {
  attachmentRoom,
  formFitsAttachmentLimits,
  missingAttachments,
} from '../../protocol/form-attachments.js';
import {
  dropHiddenAnswers,
  isAttachmentWidget,
  isVisible,
  normalizeAnswers,
  requiredAttachmentCount,
  topField,
  validateFormData,
  type FieldError,
  type FieldErrorCode,
  type FieldUi,
  type FormAnswers,
} from '../../protocol/forms.js';
import type { PrintOutcome } from '../../protocol/bridge.js';
import { INTL_LOCALES, localize, textDirection, type Locale } from '../../protocol/i18n.js';
import type { KioskCallClient } from './call/call-client.js';
import { KioskCall, type CoviewSnapshot } from './call/KioskCall.js';
import type { CallRequestSender } from './call/request-sender.js';
import type { AnswerValue } from './components/FormField.js';
import { IdleWarning } from './components/IdleWarning.js';
import { DocumentOfferDialog } from './components/DocumentOfferDialog.js';
import type { DocumentOffers, OfferedDocument } from './session/document-offers.js';
import { ValueStore } from '../shared/observable.js';
import { TopBar } from './components/TopBar.js';
import { useKioskContent } from './hooks/useKioskContent.js';
import { prepareCatalogIndex } from './search/useCatalogIndex.js';
import { useObservable } from '../shared/useObservable.js';
import { TEXTS } from './i18n/texts.js';
import { AccessBar } from './a11y/AccessBar.js';
import { applyDisplaySettings, clearDisplaySettings, type DisplaySettings } from './a11y/display-settings.js';
import {
  contentForTerminal,
  displayDefaults,
  printingEnabled,
  videoOffered,
} from './fleet/terminal-policy.js';
import { speak, stopSpeaking, textToRead } from './a11y/speech.js';
import { textsFor } from './i18n/plain.js';
import { KeyboardHost } from './keyboard/KeyboardHost.js';
import { AttractScreen } from './screens/AttractScreen.js';
import { CatalogScreen } from './screens/CatalogScreen.js';
import { FormStepScreen } from './screens/FormStepScreen.js';
import { LanguageScreen } from './screens/LanguageScreen.js';
import { NoticeScreen } from './screens/NoticeScreen.js';
import { ReceiptScreen, type ReceiptPrintState } from './screens/ReceiptScreen.js';
import { ReviewScreen } from './screens/ReviewScreen.js';
import { ServiceScreen } from './screens/ServiceScreen.js';
import { StatusLookupScreen } from './screens/StatusLookupScreen.js';
import { scanCamera } from './qr/camera.js';
import { useIdleTimeout } from './session/idle.js';
import { AttachmentRefused, AttachmentsMissing, finalize, OfficeKeyRefused } from './session/finalize.js';
import { announceOfficeKeyRefusal } from './fleet/office-key-policy.js';
import type { CapturedFile } from './components/fields/AttachmentField.js';
import { draftStepIndex, initialSession, sessionReducer } from './session/flow.js';
import {
  addDraftAttachment,
  draftAttachments,
  formKey,
  getForm,
  isQuotaExceeded,
  removeDraftAttachment,
  type DraftAttachment,
  type DraftStore,
  type KioskDatabase,
  type StoredForm,
} from './storage/index.js';
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

const NO_OFFERS = new ValueStore<OfferedDocument | null>(null);

/**
 * One citizen's visit. The parent remounts this component for every new citizen, so no React
 * state survives a session; the draft in IndexedDB is the only copy of what is being typed.
 */
export function CitizenSession({
  db,
  config,
  sync,
  drafts,
  calls,
  onEnd,
  onPrintReceipt,
  camera,
  documentOffers,
}: CitizenSessionProps) {
  const [state, dispatch] = useReducer(sessionReducer, config.defaultLocale, initialSession);
  const [restoring, setRestoring] = useState(true);
  const [submitting, setSubmitting] = useState(false);
  // A failure at finalize: a known text (shown in the current language) or a composed message.
  const [failure, setFailure] = useState<
    'submitFailed' | 'storageFull' | 'officeKeyRefused' | { message: string } | null
  >(null);
  const [submittedAt, setSubmittedAt] = useState('');
  const [printState, setPrintState] = useState<ReceiptPrintState>('idle');
  // Only the offices and services this terminal is configured for.
  const synced = useKioskContent(db);
  const content = useMemo(() => contentForTerminal(synced, config), [synced, config]);
  const connectivity = useObservable(sync.connectivity);
  const outbox = useObservable(sync.outbox);
  const acknowledged = useObservable(sync.acknowledged);
  const uploads = useObservable(sync.uploads);
  const offered = useObservable(documentOffers?.current ?? NO_OFFERS);
  const [offerProblem, setOfferProblem] = useState<string | null>(null);
  const [offerBusy, setOfferBusy] = useState(false);
  // The draft's photos and scans: stored in IndexedDB (citizen data), mirrored here for the screens.
  const attachmentLimits = config.attachments ?? ATTACHMENT_DEFAULTS;
  const [attachments, setAttachments] = useState<readonly DraftAttachment[]>([]);
  const reloadAttachments = useCallback(() => draftAttachments(db).then(setAttachments), [db]);
  useEffect(() => {
    void reloadAttachments();
  }, [reloadAttachments]);
  const draftProblem = useObservable(drafts.problem);
  // Display settings belong to this citizen: a new session mounts with the terminal's defaults.
  const [display, setDisplay] = useState<DisplaySettings>(() => displayDefaults(config.accessibility));
  // What read-aloud did, for the screen it did it on: a new screen starts silent.
  const [speech, setSpeech] = useState<{
    on: object;
    locale: Locale;
    state: 'speaking' | 'unavailable';
  } | null>(null);
  const t = textsFor(TEXTS[state.locale], state.locale, display.plain);
  const { screen } = state;

  // While the terminal waits for the next citizen, the search index of its default language is
  // built in idle time, so the first keystroke on the catalog finds it ready.
  const waiting = screen.name === 'attract';
  useEffect(() => {
    if (!waiting || !content.ready) return;
    return prepareCatalogIndex(content.services, config.defaultLocale, content.lifeSituations);
  }, [waiting, content.ready, content.services, content.lifeSituations, config.defaultLocale]);

  // A reload or renderer crash in the middle of a form brings the citizen back to it, but only
  // while the session would still be alive: an old draft belongs to someone who has left.
  useEffect(() => {
    let cancelled = false;
    void drafts.load().then(async (draft) => {
      if (cancelled) return;
      const fresh = draft && Date.now() - Date.parse(draft.updatedAt) < config.idleTimeoutSeconds * 1000;
      const form = draft && fresh ? await getForm(db, draft.formKey) : undefined;
      if (draft && form && !cancelled) {
        const locale = config.locales.includes(draft.locale as Locale)
          ? (draft.locale as Locale)
          : config.defaultLocale;
        dispatch({
          type: 'resume',
          locale,
          serviceId: draft.serviceId,
          formKey: draft.formKey,
          stepIndex: draft.stepIndex,
          stepCount: form.ui.steps.length,
          answers: draft.answers,
        });
      } else if (draft) {
        await drafts.discard();
      }
      if (!cancelled) {
        void reloadAttachments();
        setRestoring(false);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [db, drafts, config, reloadAttachments]);

  // A call being set up or running holds off the idle reset: the citizen is talking, not gone.
  const [callActive, setCallActive] = useState(false);
  const onCallActive = useCallback((active: boolean) => setCallActive(active), []);
  // The receipt's QR code is scanned inside the same camera-alone window as a document photo.
  const scanner = useMemo(() => (camera ? scanCamera(camera) : undefined), [camera]);
  useEffect(() => {
    if (calls && connectivity === 'online') calls.requests.kick(true);
  }, [calls, connectivity]);

  const idle = useIdleTimeout(
    !restoring && screen.name !== 'attract' && !callActive,
    config.idleTimeoutSeconds,
    config.idleWarningSeconds,
    onEnd,
  );

  useEffect(() => {
    document.documentElement.lang = state.locale;
    document.documentElement.dir = textDirection(state.locale);
  }, [state.locale]);

  useEffect(() => {
    const root = document.documentElement;
    applyDisplaySettings(root, display);
    return () => clearDisplaySettings(root);
  }, [display]);

  useEffect(() => stopSpeaking(), [screen, state.locale]);
  useEffect(() => stopSpeaking, []);
  // Read-aloud as a default: every new screen is read until the citizen stops it.
  const autoRead = display.readAloud && !restoring && screen.name !== 'attract';
  useEffect(() => {
    if (!autoRead) return;
    // After the screen has painted, so what is read is what is shown.
    const timer = setTimeout(() => {
      const result = speak(textToRead(document), INTL_LOCALES[state.locale], () => setSpeech(null));
      setSpeech({ on: screen, locale: state.locale, state: result });
    }, 0);
    return () => clearTimeout(timer);
  }, [autoRead, screen, state.locale]);

  // For the daily jobs (fleet/daily-jobs.ts), which never interrupt a citizen.
  useEffect(() => {
    document.documentElement.dataset['kioskScreen'] = screen.name;
  }, [screen.name]);

  // The terminal's video hours: the call button comes and goes with them.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const callOffered = callActive || videoOffered(config, now);

  const form = 'formKey' in screen ? content.forms.get(screen.formKey) : undefined;
  const stepCount = form?.ui.steps.length ?? 0;

  // Every change of the answers is saved (debounced) so nothing typed is lost; a new step is
  // saved at once, so a reload right after "next" comes back to the same step.
  const savedStep = useRef<number | null>(null);
  useEffect(() => {
    if (screen.name !== 'form' && screen.name !== 'review') return;
    const stepIndex = draftStepIndex(screen, stepCount);
    if (stepIndex === null) return;
    drafts.schedule({
      locale: state.locale,
      serviceId: screen.serviceId,
      formKey: screen.formKey,
      stepIndex,
      answers: cleanAnswers(state.answers),
    });
    if (savedStep.current !== stepIndex) void drafts.flush();
    savedStep.current = stepIndex;
  }, [screen, state.answers, state.locale, stepCount, drafts]);

  if (restoring) return null;

  const changeLocale = (locale: Locale) =>
    dispatch({ type: 'chooseLocale', locale, advance: screen.name === 'language' });
  const goHome = () => {
    void drafts.discard().then(reloadAttachments);
    if (screen.name === 'receipt') onEnd();
    else dispatch({ type: 'home' });
  };

  const stepErrors = (fields: readonly string[]): Record<string, FieldErrorCode> => {
    if (!form) return {};
    const errors = validateFormData(
      form.schema,
      normalizeAnswers(dropHiddenAnswers(form.ui.fields, state.answers)),
    );
    return Object.fromEntries(
      [...errors, ...missingAttachments(form, state.answers, attachments, fields)]
        .filter((e) => fields.includes(topField(e.field)))
        .map((e) => [e.field, e.code]),
    );
  };

  // Back to the first step with a problem, showing every problem of the form.
  const showFormErrors = (errors: readonly FieldError[]) => {
    if (!form) return;
    const first = form.ui.steps.findIndex((step) =>
      errors.some((e) => step.fields.includes(topField(e.field))),
    );
    dispatch({ type: 'goToStep', stepIndex: Math.max(0, first), stepCount });
    dispatch({ type: 'showErrors', errors: Object.fromEntries(errors.map((e) => [e.field, e.code])) });
  };

  const next = () => {
    if (screen.name !== 'form' || !form) return;
    const fields = form.ui.steps[screen.stepIndex]?.fields ?? [];
    const errors = stepErrors(fields);
    if (Object.keys(errors).length > 0) {
      dispatch({ type: 'showErrors', errors });
      return;
    }
    void drafts.flush();
    dispatch({ type: 'goToStep', stepIndex: screen.stepIndex + 1, stepCount });
  };

  const submit = async () => {
    if (screen.name !== 'review' || !form || submitting) return;
    // What a condition hides is neither checked nor sent.
    const answers = normalizeAnswers(dropHiddenAnswers(form.ui.fields, state.answers)) as FormAnswers;
    const errors = [
      ...validateFormData(form.schema, answers),
      ...missingAttachments(form, state.answers, attachments),
    ];
    if (errors.length > 0) {
      showFormErrors(errors);
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await drafts.flush();
      const office = content.offices.find((o) => o.id === form.officeId);
      const { id, trackingCode } = await finalize(db, {
        form,
        office,
        serviceId: screen.serviceId,
        locale: state.locale,
        answers,
        answersAsShown: state.answers,
        attachmentLimits,
        officeKeyPins: config.officeKeys,
      });
      await drafts.discard();
      setAttachments([]);
      setSubmittedAt(new Date().toISOString());
      dispatch({ type: 'submitted', submissionId: id, trackingCode });
      sync.sendNow();
    } catch (error) {
      if (error instanceof AttachmentsMissing) {
        void reloadAttachments();
        showFormErrors(error.errors);
        return;
      }
      if (error instanceof OfficeKeyRefused) {
        // The citizen gets a plain sentence; the fleet console gets the reason with the heartbeat.
        console.error('office key refused', error.message);
        announceOfficeKeyRefusal(error.message);
        setFailure('officeKeyRefused');
        return;
      }
      if (error instanceof AttachmentRefused) {
        setFailure({
          message: `${t.attachments.atFinalize(error.attachmentName)} ${attachmentProblemText(error.problem)}`,
        });
        return;
      }
      console.error('finalize failed', error);
      // Nothing was written (one transaction): the outbox is as it was, the answers stay on screen.
      setFailure(isQuotaExceeded(error) ? 'storageFull' : 'submitFailed');
    } finally {
      setSubmitting(false);
    }
  };

  function attachmentProblemText(problem: AttachmentProblem): string {
    const texts = t.attachments.problems;
    if (problem === 'too_large') return texts.too_large(formatByteLimit(attachmentLimits.maxBytes));
    if (problem === 'too_many') return texts.too_many(attachmentLimits.maxCount);
    return problem === 'wrong_type' ? texts.wrong_type : texts.empty;
  }

  const addAttachment = async (fieldId: string, file: CapturedFile): Promise<AttachmentProblem | null> => {
    // Counted as taken: the files sent and the room other fields keep for their required ones.
    const room = form
      ? attachmentRoom(form, state.answers, attachments, fieldId, attachmentLimits.maxCount).left
      : attachmentLimits.maxCount - attachments.length;
    const problem = attachmentProblem(
      attachmentLimits,
      { mediaType: file.mediaType, size: file.bytes.byteLength },
      attachmentLimits.maxCount - room,
    );
    if (problem) return problem;
    await drafts.flush(); // the photo belongs to a draft that exists on disk
    await addDraftAttachment(db, {
      id: crypto.randomUUID(),
      fieldId,
      name: file.name,
      mediaType: file.mediaType,
      size: file.bytes.byteLength,
      bytes: file.bytes,
      createdAt: new Date().toISOString(),
    });
    // Awaited, so "next" right after "keep" counts the new photo.
    await reloadAttachments();
    // A "photo missing" message goes once the field has as many as it needs.
    const have = attachments.filter((a) => a.fieldId === fieldId).length + 1;
    if (have >= (form?.ui.fields[fieldId]?.minCount ?? 0)) dispatch({ type: 'clearError', name: fieldId });
    return null;
  };

  // A document from outside the form goes to the open form's first photo or scan field on show.
  const photoField = form
    ? form.ui.steps
        .flatMap((step) => step.fields)
        .find((name) => {
          const ui = form.ui.fields[name];
          return ui !== undefined && isAttachmentWidget(ui.widget) && isVisible(ui, state.answers);
        })
    : undefined;

  const callUi: ReactNode =
    calls && callOffered ? (
      <KioskCall
        client={calls.client}
        requests={calls.requests}
        locale={state.locale}
        offices={content.offices}
        officeId={officeOfScreen(screen, content.services, form?.officeId)}
        serviceId={'serviceId' in screen ? screen.serviceId : null}
        coview={form ? coviewOf(form, screen, state.answers, state.locale) : null}
        onActiveChange={onCallActive}
        onOpen={() => {
          if (screen.name === 'attract') dispatch({ type: 'start' });
        }}
        onPush={(serviceId, openForm) => {
          const service = content.services.find((s) => s.id === serviceId);
          if (!service) return;
          const latest = openForm && service.formId ? content.latestForm(service.formId) : undefined;
          // A form this terminal cannot take all files of opens as its service, which says so.
          if (latest && formFitsAttachmentLimits(latest, attachmentLimits)) {
            void drafts.discard();
            dispatch({ type: 'startForm', serviceId, formKey: formKey(latest.id, latest.version) });
          } else {
            dispatch({ type: 'openService', serviceId });
          }
        }}
      />
    ) : null;

  const topBar = (
    <TopBar
      t={t}
      locale={state.locale}
      locales={config.locales}
      connectivity={connectivity}
      waiting={outbox.waiting}
      municipality={content.municipality}
      onHome={goHome}
      onLocale={changeLocale}
      onEndSession={onEnd}
    />
  );

  const accessBar = (
    <AccessBar
      t={t}
      settings={display}
      speechState={speech?.on === screen && speech.locale === state.locale ? speech.state : 'idle'}
      onChange={setDisplay}
      onReadAloud={() => {
        const result = speak(textToRead(document), INTL_LOCALES[state.locale], () => setSpeech(null));
        setSpeech({ on: screen, locale: state.locale, state: result });
      }}
      onStopReading={() => {
        stopSpeaking();
        setSpeech(null);
        if (display.readAloud) setDisplay({ ...display, readAloud: false });
      }}
    />
  );

  if (screen.name === 'attract') {
    const attract = (
      <AttractScreen
        t={t}
        locale={state.locale}
        title={config.attract.title}
        subtitle={config.attract.subtitle}
        rotation={
          config.attractRotateSeconds === undefined
            ? undefined
            : {
                locales: config.locales,
                seconds: config.attractRotateSeconds,
                cta: (locale) => TEXTS[locale].attractStart,
              }
        }
        onStart={() => dispatch({ type: 'start' })}
      />
    );
    return callUi ? (
      <>
        {attract}
        {callUi}
      </>
    ) : (
      attract
    );
  }
  if (!content.ready) {
    return (
      <>
        {topBar}
        {accessBar}
        <NoticeScreen title={t.noContentYet} />
        {callUi}
      </>
    );
  }

  const draftNotice =
    draftProblem === 'full' ? t.draftNotSaved : draftProblem === 'failed' ? t.draftSaveFailed : null;
  let body;
  switch (screen.name) {
    case 'language':
      body = <LanguageScreen locales={config.locales} onChoose={changeLocale} />;
      break;
    case 'catalog':
      body = (
        <CatalogScreen
          t={t}
          locale={state.locale}
          services={content.services}
          categories={content.categories}
          lifeSituations={content.lifeSituations}
          onOpen={(serviceId) => dispatch({ type: 'openService', serviceId })}
          onOpenStatus={() => dispatch({ type: 'openStatus' })}
        />
      );
      break;
    case 'status':
      body = (
        <StatusLookupScreen
          t={t}
          locale={state.locale}
          lookup={sync.lookupStatus}
          camera={scanner}
          onBack={() => dispatch({ type: 'back', stepCount })}
        />
      );
      break;
    case 'service': {
      const service = content.services.find((s) => s.id === screen.serviceId);
      const latest = service?.formId ? content.latestForm(service.formId) : undefined;
      body = service ? (
        <ServiceScreen
          t={t}
          locale={state.locale}
          service={service}
          office={content.offices.find((o) => o.id === service.officeId)}
          hasForm={latest !== undefined}
          tooManyFiles={
            latest && !formFitsAttachmentLimits(latest, attachmentLimits)
              ? { needed: requiredAttachmentCount(latest), allowed: attachmentLimits.maxCount }
              : undefined
          }
          callOffered={calls !== undefined && callOffered}
          onStartForm={() =>
            latest &&
            formFitsAttachmentLimits(latest, attachmentLimits) &&
            dispatch({
              type: 'startForm',
              serviceId: service.id,
              formKey: formKey(latest.id, latest.version),
            })
          }
          onBack={() => dispatch({ type: 'back', stepCount })}
        />
      ) : (
        <NoticeScreen title={t.noResults} />
      );
      break;
    }
    case 'form':
      body = form ? (
        <FormStepScreen
          t={t}
          locale={state.locale}
          form={form}
          stepIndex={screen.stepIndex}
          answers={state.answers}
          errors={state.errors}
          notice={draftNotice}
          onChange={(name, value) => dispatch({ type: 'answer', name, value })}
          attachments={{
            items: attachments,
            limits: attachmentLimits,
            onAdd: addAttachment,
            camera,
            onRemove: (id) => void removeDraftAttachment(db, id).then(reloadAttachments),
          }}
          onNext={next}
          onBack={() => dispatch({ type: 'back', stepCount })}
        />
      ) : null;
      break;
    case 'review':
      body = form ? (
        <ReviewScreen
          t={t}
          locale={state.locale}
          form={form}
          answers={dropHiddenAnswers(form.ui.fields, state.answers) as FormAnswers}
          attachments={attachments}
          busy={submitting}
          failure={failure && (typeof failure === 'string' ? t[failure] : failure.message)}
          notice={draftNotice}
          onEdit={(stepIndex) => dispatch({ type: 'goToStep', stepIndex, stepCount })}
          onSubmit={() => void submit()}
          onBack={() => dispatch({ type: 'back', stepCount })}
        />
      ) : null;
      break;
    case 'receipt': {
      const service = form ? content.services.find((s) => s.formId === form.id) : undefined;
      const canPrint = printingEnabled(config);
      const print = () => {
        setPrintState('printing');
        onPrintReceipt().then(setPrintState, (error: unknown) => {
          console.error('printing the receipt failed', error);
          setPrintState('no-printer');
        });
      };
      body = (
        <ReceiptScreen
          t={t}
          locale={state.locale}
          trackingCode={screen.trackingCode}
          formTitle={form?.title ?? { de: '' }}
          municipality={content.municipality}
          office={content.offices.find((o) => o.id === service?.officeId)}
          processingTime={service?.processingTime}
          submittedAt={submittedAt}
          delivered={acknowledged.has(screen.submissionId)}
          upload={uploads.get(screen.submissionId)}
          printState={canPrint ? printState : 'no-printer'}
          canPrint={canPrint}
          onPrint={print}
          onFinish={onEnd}
        />
      );
      break;
    }
  }
  return (
    <>
      {topBar}
      {accessBar}
      {body}
      <KeyboardHost t={t} locale={state.locale} />
      {offered && documentOffers && photoField && (screen.name === 'form' || screen.name === 'review') && (
        <DocumentOfferDialog
          t={t}
          document={offered}
          problem={offerProblem}
          busy={offerBusy}
          onAttach={() => {
            setOfferBusy(true);
            void addAttachment(photoField, offered)
              .then((problem) => {
                if (problem) setOfferProblem(attachmentProblemText(problem));
                else documentOffers.clear();
              })
              .finally(() => setOfferBusy(false));
          }}
          onDecline={() => {
            setOfferProblem(null);
            documentOffers.clear();
          }}
        />
      )}
      {idle.secondsLeft !== null && (
        <IdleWarning t={t} secondsLeft={idle.secondsLeft} onContinue={idle.extend} onEnd={onEnd} />
      )}
      {callUi}
    </>
  );
}

function cleanAnswers(answers: Record<string, AnswerValue>): FormAnswers {
  const result: FormAnswers = {};
  for (const [key, value] of Object.entries(answers)) if (value !== undefined) result[key] = value;
  return result;
}

/** The office a call from this screen goes to: the one of the service or form on screen. */
function officeOfScreen(
  screen: { name: string; serviceId?: string },
  services: readonly { id: string; officeId: string }[],
  formOfficeId: string | undefined,
): string | null {
  if (formOfficeId) return formOfficeId;
  const serviceId = 'serviceId' in screen ? screen.serviceId : undefined;
  return services.find((s) => s.id === serviceId)?.officeId ?? null;
}

/** One answer as label/value lines: groups and address entries line by line ("Anschrift › Straße"). */
function coviewEntries(
  ui: FieldUi | undefined,
  value: AnswerValue,
  label: string,
  locale: Locale,
): { label: string; value: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => coviewEntries(ui?.item, item, `${label} ${index + 1}`, locale));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, inner]) => {
      const child = ui?.fields?.[name];
      return coviewEntries(
        child,
        inner,
        `${label} › ${child ? localize(child.label, locale).text : name}`,
        locale,
      );
    });
  }
  const shown = ui?.widget === 'choice' ? (ui.options?.find((o) => o.value === value)?.label ?? null) : null;
  return [{ label, value: shown ? localize(shown, locale).text : value === undefined ? '' : String(value) }];
}

/** The form as the citizen sees it, for the clerk's read-only co-view. */
function coviewOf(
  form: StoredForm,
  screen: { name: string; stepIndex?: number },
  answers: Record<string, AnswerValue>,
  locale: Locale,
): CoviewSnapshot {
  const stepIndex = screen.name === 'form' ? (screen.stepIndex ?? 0) : null;
  const step = stepIndex === null ? null : form.ui.steps[stepIndex];
  const fields = form.ui.steps.flatMap((s) => s.fields);
  return {
    title: localize(form.title, locale).text,
    step: step ? localize(step.title, locale).text : screen.name === 'review' ? 'review' : '',
    fields: fields
      .filter((name) => (answers[name] !== undefined && answers[name] !== '') || step?.fields.includes(name))
      .flatMap((name) => {
        const ui = form.ui.fields[name];
        return coviewEntries(ui, answers[name], ui ? localize(ui.label, locale).text : name, locale);
      }),
  };
}
