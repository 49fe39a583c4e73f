import type { FormAnswer } from '../../../protocol/forms.js';

/**
 * Whether ending the visit now would throw away something the citizen entered: a typed or
 * chosen answer anywhere in the form (groups and lists included) or a photo. Empty strings and
 * empty groups left behind by clearing a field do not count.
 */
export function hasEnteredAnything(
  answers: Readonly<Record<string, FormAnswer | undefined>>,
  attachmentCount: number,
): boolean {
  return attachmentCount > 0 || Object.values(answers).some(isEntered);
}

function isEntered(value: FormAnswer | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isEntered);
  if (typeof value === 'object') return Object.values(value).some(isEntered);
  return true;
}
