import type { RetentionRule } from '../../protocol/retention.js';
import type { z } from 'zod';
import type { DeliveryState } from '../../protocol/delivery.js';
import type { SubmissionStatus } from '../../protocol/submission.js';

/**
 * When the hub may delete an application. Only a processed or delivered application counts: the
 * office has given it its final status (completed or rejected) and the citizen has seen that
 * status, or the office's specialist system has taken it over through FIT-Connect (its delivery
 * accepted or rejected there). One that is still received or in progress at the hub has not
 * reached the office's work yet and is never deleted, however old. The period runs from that
 * moment; a form's rule wins over its office's; without a rule the hub keeps the application.
 */
export const PROCESSED_STATUSES: readonly SubmissionStatus[] = ['completed', 'rejected'];

/** FIT-Connect delivery states in which the specialist system holds the application. */
export const DELIVERED_STATES: readonly z.infer<typeof DeliveryState>[] = ['accepted', 'rejected'];

export const DAY_MS = 86_400_000;

export interface RetentionCandidate {
  officeId: string;
  formId: string;
  status: SubmissionStatus;
  /** When the status was last set (ISO 8601), null when a clerk never set one. */
  statusUpdatedAt: string | null;
  /** When its FIT-Connect delivery reached a final state (ISO 8601), null if it has none. */
  deliveredAt?: string | null;
}

export type RetentionDecision =
  | { due: true; rule: RetentionRule; processedAt: string; deleteAfter: Date }
  | { due: false; why: 'not-processed' | 'no-rule' }
  | { due: false; why: 'not-yet'; rule: RetentionRule; deleteAfter: Date };

/** The rule for an application: its form's if there is one, else its office's. */
export function ruleFor(
  rules: readonly RetentionRule[],
  officeId: string,
  formId: string,
): RetentionRule | undefined {
  return (
    rules.find((r) => r.scope === 'form' && r.targetId === formId) ??
    rules.find((r) => r.scope === 'office' && r.targetId === officeId)
  );
}

export function retentionDecision(
  candidate: RetentionCandidate,
  rules: readonly RetentionRule[],
  now: Date,
): RetentionDecision {
  const processed = PROCESSED_STATUSES.includes(candidate.status) ? candidate.statusUpdatedAt : null;
  const processedAt = processed ?? candidate.deliveredAt ?? null;
  if (processedAt === null) return { due: false, why: 'not-processed' };
  const rule = ruleFor(rules, candidate.officeId, candidate.formId);
  if (!rule) return { due: false, why: 'no-rule' };
  const deleteAfter = new Date(Date.parse(processedAt) + rule.days * DAY_MS);
  if (Number.isNaN(deleteAfter.getTime()) || now.getTime() < deleteAfter.getTime())
    return { due: false, why: 'not-yet', rule, deleteAfter };
  return { due: true, rule, processedAt, deleteAfter };
}
