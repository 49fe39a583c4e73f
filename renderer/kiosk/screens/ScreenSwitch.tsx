import {
  formatByteLimit,
  type AttachmentLimits,
  type AttachmentProblem,
} from '../../../protocol/attachments.js';
import { formFitsAttachmentLimits } from '../../../protocol/form-attachments.js';
import {
  dropHiddenAnswers,
  requiredAttachmentCount,
  type FieldErrorCode,
  type FormAnswers,
} from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import type { AnswerValue } from '../components/FormField.js';
import type { KioskContent } from '../hooks/useKioskContent.js';
import type { Texts } from '../i18n/texts.js';
import type { CameraCapture } from '../qr/camera.js';
import type { ScanCamera } from '../qr/QrScanner.js';
import { serviceAction, type Screen, type SessionAction } from '../session/flow.js';
import type { Attachments } from '../session/use-attachments.js';
import type { Submit, SubmitFailure } from '../session/use-submit.js';
import type { StoredForm } from '../storage/index.js';
import type { SyncEngine, UploadProgress } from '../sync/engine.js';
import { CatalogScreen } from './CatalogScreen.js';
import { FormStepScreen } from './FormStepScreen.js';
import { LanguageScreen } from './LanguageScreen.js';
import { NoticeScreen } from './NoticeScreen.js';
import { ReceiptScreen, type ReceiptPrintState } from './ReceiptScreen.js';
import { ReviewScreen } from './ReviewScreen.js';
import { ServiceScreen } from './ServiceScreen.js';
import { StatusLookupScreen } from './StatusLookupScreen.js';

export interface ScreenSwitchProps {
  t: Texts;
  locale: Locale;
  locales: readonly Locale[];
  screen: Exclude<Screen, { name: 'attract' }>;
  content: KioskContent;
  /** The form of the screen, if it has one, and its answers and problems as on screen. */
  form: StoredForm | undefined;
  answers: Record<string, AnswerValue>;
  errors: Record<string, FieldErrorCode>;
  /** Why the draft could not be saved, or null. */
  draftNotice: string | null;
  attachments: Pick<Attachments, 'items' | 'add' | 'remove'>;
  limits: AttachmentLimits;
  camera: CameraCapture | undefined;
  scanner: ScanCamera | undefined;
  lookupStatus: SyncEngine['lookupStatus'];
  callOffered: boolean;
  submission: Pick<Submit, 'submitting' | 'failure' | 'submittedAt'>;
  onSubmit(): void;
  /** What the hub has acknowledged and what is uploading, by application id (for the receipt). */
  acknowledged: ReadonlyMap<string, unknown>;
  uploads: ReadonlyMap<string, UploadProgress>;
  canPrint: boolean;
  printing: { state: ReceiptPrintState; print(): void };
  dispatch(action: SessionAction): void;
  onLocale(locale: Locale): void;
  onNext(): void;
  onFinish(): void;
}

/** The screen of the session's current step, from what the session knows (props in, JSX out). */
export function ScreenSwitch(props: ScreenSwitchProps) {
  const { t, locale, screen, content, form, limits, dispatch } = props;
  const stepCount = form?.ui.steps.length ?? 0;
  const back = () => dispatch({ type: 'back', stepCount });
  switch (screen.name) {
    case 'language':
      return <LanguageScreen locales={props.locales} onChoose={props.onLocale} />;
    case 'catalog':
      return (
        <CatalogScreen
          t={t}
          locale={locale}
          services={content.services}
          categories={content.categories}
          lifeSituations={content.lifeSituations}
          onOpen={(serviceId) => dispatch({ type: 'openService', serviceId })}
          onOpenStatus={() => dispatch({ type: 'openStatus' })}
        />
      );
    case 'status':
      return (
        <StatusLookupScreen
          t={t}
          locale={locale}
          lookup={props.lookupStatus}
          camera={props.scanner}
          onBack={back}
        />
      );
    case 'service': {
      const service = content.services.find((s) => s.id === screen.serviceId);
      const latest = service?.formId ? content.latestForm(service.formId) : undefined;
      const fits = latest !== undefined && formFitsAttachmentLimits(latest, limits);
      if (!service) return <NoticeScreen title={t.noResults} />;
      return (
        <ServiceScreen
          t={t}
          locale={locale}
          service={service}
          office={content.offices.find((o) => o.id === service.officeId)}
          hasForm={latest !== undefined}
          tooManyFiles={
            latest && !fits
              ? { needed: requiredAttachmentCount(latest), allowed: limits.maxCount }
              : undefined
          }
          callOffered={props.callOffered}
          onStartForm={() => {
            const action = serviceAction(content, service.id, true, limits);
            if (action?.type === 'startForm') dispatch(action);
          }}
          onBack={back}
        />
      );
    }
    case 'form':
      return form ? (
        <FormStepScreen
          t={t}
          locale={locale}
          form={form}
          stepIndex={screen.stepIndex}
          answers={props.answers}
          errors={props.errors}
          notice={props.draftNotice}
          onChange={(name, value) => dispatch({ type: 'answer', name, value })}
          attachments={{
            items: props.attachments.items,
            limits,
            onAdd: props.attachments.add,
            camera: props.camera,
            onRemove: props.attachments.remove,
          }}
          onNext={props.onNext}
          onBack={back}
        />
      ) : null;
    case 'review':
      return form ? (
        <ReviewScreen
          t={t}
          locale={locale}
          form={form}
          answers={dropHiddenAnswers(form.ui.fields, props.answers) as FormAnswers}
          attachments={props.attachments.items}
          busy={props.submission.submitting}
          failure={props.submission.failure && submitFailureText(t, props.submission.failure, limits)}
          notice={props.draftNotice}
          onEdit={(stepIndex) => dispatch({ type: 'goToStep', stepIndex, stepCount })}
          onSubmit={props.onSubmit}
          onBack={back}
        />
      ) : null;
    case 'receipt': {
      const service = form ? content.services.find((s) => s.formId === form.id) : undefined;
      const { printing, canPrint } = props;
      return (
        <ReceiptScreen
          t={t}
          locale={locale}
          trackingCode={screen.trackingCode}
          formTitle={form?.title ?? { de: '' }}
          municipality={content.municipality}
          office={content.offices.find((o) => o.id === service?.officeId)}
          processingTime={service?.processingTime}
          submittedAt={props.submission.submittedAt}
          delivered={props.acknowledged.has(screen.submissionId)}
          upload={props.uploads.get(screen.submissionId)}
          printState={canPrint ? printing.state : 'no-printer'}
          canPrint={canPrint}
          onPrint={printing.print}
          onFinish={props.onFinish}
        />
      );
    }
  }
}

/** A file problem in the citizen's words, with the terminal's limits where they matter. */
export function attachmentProblemText(
  t: Texts,
  problem: AttachmentProblem,
  limits: AttachmentLimits,
): string {
  const texts = t.attachments.problems;
  if (problem === 'too_large') return texts.too_large(formatByteLimit(limits.maxBytes));
  if (problem === 'too_many') return texts.too_many(limits.maxCount);
  return problem === 'wrong_type' ? texts.wrong_type : texts.empty;
}

/** Why a submit stored nothing, in the citizen's words. */
export function submitFailureText(t: Texts, failure: SubmitFailure, limits: AttachmentLimits): string {
  if (typeof failure === 'string') return t[failure];
  const { attachmentName, problem } = failure.refused;
  return `${t.attachments.atFinalize(attachmentName)} ${attachmentProblemText(t, problem, limits)}`;
}
