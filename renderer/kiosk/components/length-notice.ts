/** What a field with a length limit says under it: nothing, a count near the limit, or that it is full. */
export type LengthNotice =
  { kind: 'count'; used: number; max: number } | { kind: 'full'; max: number } | null;

/**
 * The field's limit cuts what is typed or pasted beyond it (maxLength); the citizen must hear of
 * it instead of losing letters silently. The count appears at four fifths of the limit.
 */
export function lengthNotice(length: number, max: number | undefined): LengthNotice {
  if (max === undefined || max <= 0) return null;
  if (length >= max) return { kind: 'full', max };
  if (length >= Math.ceil(max * 0.8)) return { kind: 'count', used: length, max };
  return null;
}
