import {
  DeletionLog,
  DeletionLogQuery,
  RetentionRuleParams,
  RetentionRules,
  RetentionRuleUpdate,
} from '../retention.js';
import { defineRoute, json } from './contract.js';
import { TenantQuery } from '../tenants.js';

/** The IT provider sets how long the hub keeps processed applications and reads what it deleted. */
export const retentionRoutes = {
  rules: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/retention/rules',
    audience: 'provider',
    summary: 'The retention periods per office and per form.',
    query: TenantQuery,
    answers: { 200: json(RetentionRules, 'The rules.') },
    errors: [403],
  }),
  setRule: defineRoute({
    method: 'PUT',
    path: '/api/v1/provider/retention/rules/:scope/:targetId',
    audience: 'provider',
    summary: 'Sets the retention period (days after processing) of an office or a form; null removes it.',
    query: TenantQuery,
    params: RetentionRuleParams,
    body: RetentionRuleUpdate,
    answers: { 200: json(RetentionRules, 'The rules after the change.') },
    errors: [403, 404],
  }),
  deletions: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/retention/deletions',
    audience: 'provider',
    summary: 'The deletion log, newest first: which application, when, by which rule; never content.',
    query: DeletionLogQuery.extend(TenantQuery.shape),
    answers: { 200: json(DeletionLog, 'The log.') },
    errors: [403],
  }),
} as const;
