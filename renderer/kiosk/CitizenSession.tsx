import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import type { KioskConfig } from '../../kiosk-config/schema.js';
import {
  dropHiddenAnswers,
  normalizeAnswers,
  topField,
  validateFormData,
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
import { TopBar } from './components/TopBar.js';
import { useKioskContent } from './hooks/useKioskContent.js';
import { prepareCatalogIndex } from './search/useCatalogIndex.js';
import { useObservable } from './hooks/useObservable.js';
import { TEXTS } from './i18n/texts.js';
import { AccessBar } from './a11y/AccessBar.js';
import {
  applyDisplaySettings,
  clearDisplaySettings,
  DEFAULT_DISPLAY,
  type DisplaySettings,
} from './a11y/display-settings.js';
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
import { useIdleTimeout } from './session/idle.js';
import { finalize } from './session/finalize.js';
import { draftStepIndex, initialSession, sessionReducer } from './session/flow.js';
import { formKey, getForm, type DraftStore, type KioskDatabase, type StoredForm } from './storage/index.js';
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
}

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
}: CitizenSessionProps) {
  const [state, dispatch] = useReducer(sessionReducer, config.defaultLocale, initialSession);
  const [restoring, setRestoring] = useState(true);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [submittedAt, setSubmittedAt] = useState('');
  const [printState, setPrintState] = useState<ReceiptPrintState>('idle');
  const content = useKioskContent(db);
  const connectivity = useObservable(sync.connectivity);
  const outbox = useObservable(sync.outbox);
  const acknowledged = useObservable(sync.acknowledged);
  // Display settings belong to this citizen: a new session mounts with the defaults.
  const [display, setDisplay] = useState<DisplaySettings>(DEFAULT_DISPLAY);
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
      if (!cancelled) setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, [db, drafts, config]);

  // A call being set up or running holds off the idle reset: the citizen is talking, not gone.
  const [callActive, setCallActive] = useState(false);
  const onCallActive = useCallback((active: boolean) => setCallActive(active), []);
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
    void drafts.discard();
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
      errors.filter((e) => fields.includes(topField(e.field))).map((e) => [e.field, e.code]),
    );
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
    const errors = validateFormData(form.schema, answers);
    if (errors.length > 0) {
      const first = form.ui.steps.findIndex((step) =>
        errors.some((e) => step.fields.includes(topField(e.field))),
      );
      dispatch({ type: 'goToStep', stepIndex: Math.max(0, first), stepCount });
      dispatch({ type: 'showErrors', errors: Object.fromEntries(errors.map((e) => [e.field, e.code])) });
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
      });
      await drafts.discard();
      setSubmittedAt(new Date().toISOString());
      dispatch({ type: 'submitted', submissionId: id, trackingCode });
      sync.sendNow();
    } catch (error) {
      console.error('finalize failed', error);
      setFailure(t.submitFailed);
    } finally {
      setSubmitting(false);
    }
  };

  const callUi: ReactNode = calls ? (
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
        if (latest) {
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
          onStartForm={() =>
            latest &&
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
          onChange={(name, value) => dispatch({ type: 'answer', name, value })}
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
          busy={submitting}
          failure={failure}
          onEdit={(stepIndex) => dispatch({ type: 'goToStep', stepIndex, stepCount })}
          onSubmit={() => void submit()}
          onBack={() => dispatch({ type: 'back', stepCount })}
        />
      ) : null;
      break;
    case 'receipt': {
      const service = form ? content.services.find((s) => s.formId === form.id) : undefined;
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
          printState={printState}
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
