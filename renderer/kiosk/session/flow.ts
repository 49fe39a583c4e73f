import type { AttachmentLimits } from '../../../protocol/attachments.js';
import type { Service } from '../../../protocol/catalog.js';
import { formFitsAttachmentLimits } from '../../../protocol/form-attachments.js';
import type { FieldErrorCode, FormDefinition } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import type { AnswerValue } from '../components/FormField.js';
import { formKey } from '../storage/index.js';

/** The citizen's way through the kiosk, as a pure reducer (tested without a browser). */
export type Screen =
  | { name: 'attract' }
  | { name: 'language' }
  | { name: 'catalog' }
  | { name: 'status' }
  | { name: 'service'; serviceId: string }
  | { name: 'form'; serviceId: string; formKey: string; stepIndex: number }
  | { name: 'review'; serviceId: string; formKey: string }
  | { name: 'receipt'; submissionId: string; trackingCode: string; formKey: string };

export interface SessionState {
  locale: Locale;
  screen: Screen;
  answers: Record<string, AnswerValue>;
  errors: Record<string, FieldErrorCode>;
}

export type SessionAction =
  | { type: 'start' }
  | { type: 'chooseLocale'; locale: Locale; advance: boolean }
  | { type: 'home' }
  | { type: 'openService'; serviceId: string }
  | { type: 'openStatus' }
  | { type: 'startForm'; serviceId: string; formKey: string }
  | {
      type: 'resume';
      locale: Locale;
      serviceId: string;
      formKey: string;
      stepIndex: number;
      stepCount: number;
      answers: Record<string, AnswerValue>;
    }
  | { type: 'answer'; name: string; value: AnswerValue }
  | { type: 'showErrors'; errors: Record<string, FieldErrorCode> }
  /** A field without an answer in the data (a photo field) got what it lacked. */
  | { type: 'clearError'; name: string }
  | { type: 'goToStep'; stepIndex: number; stepCount: number }
  | { type: 'back'; stepCount: number }
  | { type: 'submitted'; submissionId: string; trackingCode: string };

export function initialSession(locale: Locale): SessionState {
  return { locale, screen: { name: 'attract' }, answers: {}, errors: {} };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  const { screen } = state;
  switch (action.type) {
    case 'start':
      return { ...state, screen: { name: 'language' } };
    case 'chooseLocale':
      return { ...state, locale: action.locale, screen: action.advance ? { name: 'catalog' } : screen };
    case 'home':
      return { ...state, screen: { name: 'catalog' }, answers: {}, errors: {} };
    case 'openStatus':
      return { ...state, screen: { name: 'status' } };
    case 'openService':
      return { ...state, screen: { name: 'service', serviceId: action.serviceId } };
    case 'startForm':
      return {
        ...state,
        screen: { name: 'form', serviceId: action.serviceId, formKey: action.formKey, stepIndex: 0 },
        answers: {},
        errors: {},
      };
    case 'resume':
      return {
        locale: action.locale,
        answers: action.answers,
        errors: {},
        screen:
          action.stepIndex >= action.stepCount
            ? { name: 'review', serviceId: action.serviceId, formKey: action.formKey }
            : {
                name: 'form',
                serviceId: action.serviceId,
                formKey: action.formKey,
                stepIndex: action.stepIndex,
              },
      };
    case 'answer':
      return {
        ...state,
        answers: { ...state.answers, [action.name]: action.value },
        errors: withoutChanged(state.errors, action.name, state.answers[action.name], action.value),
      };
    case 'clearError':
      return action.name in state.errors
        ? { ...state, errors: withoutError(state.errors, action.name) }
        : state;
    case 'showErrors':
      return { ...state, errors: action.errors };
    case 'goToStep': {
      if (screen.name !== 'form' && screen.name !== 'review') return state;
      const { serviceId, formKey } = screen;
      const next: Screen =
        action.stepIndex >= action.stepCount
          ? { name: 'review', serviceId, formKey }
          : { name: 'form', serviceId, formKey, stepIndex: Math.max(0, action.stepIndex) };
      return { ...state, screen: next, errors: {} };
    }
    case 'back': {
      if (screen.name === 'review') {
        return sessionReducer(state, {
          type: 'goToStep',
          stepIndex: action.stepCount - 1,
          stepCount: action.stepCount,
        });
      }
      if (screen.name === 'form') {
        if (screen.stepIndex === 0)
          return { ...state, screen: { name: 'service', serviceId: screen.serviceId }, errors: {} };
        return sessionReducer(state, {
          type: 'goToStep',
          stepIndex: screen.stepIndex - 1,
          stepCount: action.stepCount,
        });
      }
      if (screen.name === 'service' || screen.name === 'status')
        return { ...state, screen: { name: 'catalog' } };
      return state;
    }
    case 'submitted': {
      if (screen.name !== 'review') return state;
      return {
        ...state,
        answers: {},
        errors: {},
        screen: {
          name: 'receipt',
          submissionId: action.submissionId,
          trackingCode: action.trackingCode,
          formKey: screen.formKey,
        },
      };
    }
  }
}

/**
 * Opening a service: its form when asked for and this terminal can take all its files, otherwise
 * its page (which says why there is no form). Null for a service this terminal does not offer.
 */
export function serviceAction(
  content: { services: readonly Service[]; latestForm(formId: string): FormDefinition | undefined },
  serviceId: string,
  openForm: boolean,
  limits: AttachmentLimits,
): Extract<SessionAction, { type: 'startForm' | 'openService' }> | null {
  const service = content.services.find((s) => s.id === serviceId);
  if (!service) return null;
  const latest = openForm && service.formId ? content.latestForm(service.formId) : undefined;
  if (latest && formFitsAttachmentLimits(latest, limits))
    return { type: 'startForm', serviceId, formKey: formKey(latest.id, latest.version) };
  return { type: 'openService', serviceId };
}

/** The step index a draft records: the review counts as the step after the last. */
export function draftStepIndex(screen: Screen, stepCount: number): number | null {
  if (screen.name === 'form') return screen.stepIndex;
  if (screen.name === 'review') return stepCount;
  return null;
}

/**
 * A change clears the field's error, and inside a group the error of each part whose answer
 * changed ("address/street" once a street is typed); the other parts keep their marks.
 */
function withoutChanged(
  errors: Record<string, FieldErrorCode>,
  name: string,
  before: unknown,
  after: unknown,
): Record<string, FieldErrorCode> {
  return Object.fromEntries(
    Object.entries(errors).filter(([field]) => {
      if (field === name) return false;
      if (!field.startsWith(`${name}/`)) return true;
      const parts = field.slice(name.length + 1).split('/');
      return valueAt(before, parts) === valueAt(after, parts);
    }),
  );
}

function valueAt(value: unknown, parts: readonly string[]): unknown {
  let current = value;
  for (const part of parts)
    current =
      typeof current === 'object' && current !== null
        ? (current as Record<string, unknown>)[part]
        : undefined;
  return current;
}

function withoutError(errors: Record<string, FieldErrorCode>, name: string): Record<string, FieldErrorCode> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => field !== name));
}
