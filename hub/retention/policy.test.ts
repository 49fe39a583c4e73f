import { describe, expect, it } from 'vitest';
import type { RetentionRule } from '../../protocol/retention.js';
import { retentionDecision, ruleFor, type RetentionCandidate } from './policy.js';

const rule = (scope: RetentionRule['scope'], targetId: string, days: number): RetentionRule => ({
  scope,
  targetId,
  days,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const rules = [rule('office', 'buergerbuero', 30), rule('form', 'hundesteuer', 90)];
const processed: RetentionCandidate = {
  officeId: 'buergerbuero',
  formId: 'anmeldung',
  status: 'completed',
  statusUpdatedAt: '2026-03-01T12:00:00.000Z',
};

describe('retention policy', () => {
  it('takes the form’s rule before the office’s', () => {
    expect(ruleFor(rules, 'buergerbuero', 'hundesteuer')?.days).toBe(90);
    expect(ruleFor(rules, 'buergerbuero', 'anmeldung')?.days).toBe(30);
    expect(ruleFor(rules, 'steueramt', 'anmeldung')).toBeUndefined();
  });

  it('is due exactly when the period after the final status has passed', () => {
    expect(retentionDecision(processed, rules, new Date('2026-03-31T11:59:59.999Z'))).toMatchObject({
      due: false,
      why: 'not-yet',
    });
    expect(retentionDecision(processed, rules, new Date('2026-03-31T12:00:00.000Z'))).toMatchObject({
      due: true,
      rule: { scope: 'office', targetId: 'buergerbuero', days: 30 },
      processedAt: processed.statusUpdatedAt,
    });
    expect(
      retentionDecision({ ...processed, status: 'rejected' }, rules, new Date('2027-01-01T00:00:00Z')).due,
    ).toBe(true);
  });

  it('counts a FIT-Connect delivery the specialist system took over as processed, from that moment', () => {
    const delivered: RetentionCandidate = {
      ...processed,
      status: 'in-progress',
      statusUpdatedAt: '2026-03-01T12:00:00.000Z',
      deliveredAt: '2026-03-10T08:00:00.000Z',
    };
    expect(retentionDecision(delivered, rules, new Date('2026-04-09T07:59:59.999Z'))).toMatchObject({
      due: false,
      why: 'not-yet',
    });
    expect(retentionDecision(delivered, rules, new Date('2026-04-09T08:00:00.000Z'))).toMatchObject({
      due: true,
      processedAt: '2026-03-10T08:00:00.000Z',
    });
    // Not delivered and not processed: kept, however old.
    expect(
      retentionDecision({ ...delivered, deliveredAt: null }, rules, new Date('2030-01-01T00:00:00Z')),
    ).toEqual({ due: false, why: 'not-processed' });
  });

  it('never deletes what is not processed or has no rule', () => {
    const late = new Date('2030-01-01T00:00:00Z');
    for (const status of ['received', 'in-progress'] as const) {
      expect(retentionDecision({ ...processed, status }, rules, late)).toEqual({
        due: false,
        why: 'not-processed',
      });
    }
    expect(retentionDecision({ ...processed, statusUpdatedAt: null }, rules, late).due).toBe(false);
    expect(retentionDecision({ ...processed, officeId: 'steueramt' }, rules, late)).toEqual({
      due: false,
      why: 'no-rule',
    });
  });
});
