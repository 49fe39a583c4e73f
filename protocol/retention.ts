import { z } from 'zod';

/**
 * Retention of applications on the hub. An office, or one form, can have a period in days; once
 * an application of it has been processed (its status is completed or rejected) for that long, the
 * hub deletes it together with its sealed attachments and writes one line to the deletion log.
 * The log says what (ids only), when and why — never any content, not even sealed content.
 */
export const RETENTION_MAX_DAYS = 36_500;

export const RetentionScope = z.enum(['office', 'form'], {
  message: 'scope must be "office" or "form"',
});
export type RetentionScope = z.infer<typeof RetentionScope>;

export const RetentionRule = z.object({
  scope: RetentionScope,
  /** The office id or the form id (every version of the form). */
  targetId: z.string(),
  days: z.number().int(),
  updatedAt: z.string(),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

export const RetentionRules = z.object({ rules: z.array(RetentionRule) });
export type RetentionRules = z.infer<typeof RetentionRules>;

export const RetentionRuleParams = z.object({
  scope: RetentionScope,
  targetId: z
    .string()
    .regex(
      /^[a-z0-9-]{1,64}$/,
      'targetId must be an office or form id (1-64 lower-case letters, digits, dashes)',
    ),
});

/** `days: null` removes the rule: applications of that office or form are kept again. */
export const RetentionRuleUpdate = z.strictObject({
  days: z
    .number({ message: 'days must be a whole number of days, or null to remove the rule' })
    .int('days must be a whole number of days')
    .min(1, 'days must be at least 1')
    .max(RETENTION_MAX_DAYS, `days may be at most ${RETENTION_MAX_DAYS}`)
    .nullable(),
});
export type RetentionRuleUpdate = z.infer<typeof RetentionRuleUpdate>;

/** One deleted application: ids, times and the rule that deleted it. */
export const DeletionRecord = z.object({
  id: z.string(),
  submissionId: z.string(),
  officeId: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  /** How many sealed attachments were deleted with it. */
  attachmentCount: z.number().int(),
  /** The status it had been given, and since when: what made the period run. */
  status: z.string(),
  processedAt: z.string(),
  deletedAt: z.string(),
  reason: z.literal('retention'),
  rule: z.object({ scope: RetentionScope, targetId: z.string(), days: z.number().int() }),
});
export type DeletionRecord = z.infer<typeof DeletionRecord>;

export const DeletionLogQuery = z.object({
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(1000, 'limit may be at most 1000')
    .default(200),
});

export const DeletionLog = z.object({ deletions: z.array(DeletionRecord) });
export type DeletionLog = z.infer<typeof DeletionLog>;
