import { z } from 'zod';
import {
  DiscardRecords,
  DiscardRequest,
  QuarantineReport,
  QuarantineReportAnswer,
  StuckApplications,
} from '../quarantine.js';
import { Id } from '../id.js';
import { defineRoute, empty, json } from './contract.js';
import { TenantQuery } from '../tenants.js';

/** One item of one terminal's quarantine, as the provider's retry and the clerk's discard name it. */
export const QuarantineItemParams = z.object({
  terminalId: Id,
  submissionId: z.uuid(),
});

/** Applications a terminal can never send: reported, retried, or discarded by the office. */
export const quarantineRoutes = {
  report: defineRoute({
    method: 'POST',
    path: '/api/v1/terminal/quarantine',
    audience: 'terminal',
    summary: 'The complete list of what the terminal holds in quarantine (envelopes only).',
    body: QuarantineReport,
    answers: { 200: json(QuarantineReportAnswer, 'Items to try again and items to delete.') },
  }),
  provider: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/quarantine',
    audience: 'provider',
    summary: 'Every terminal’s quarantine.',
    query: TenantQuery,
    answers: { 200: json(StuckApplications, 'The items.') },
    errors: [403],
  }),
  retry: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/quarantine/:terminalId/:submissionId/retry',
    audience: 'provider',
    summary: 'Asks the terminal to send a quarantined application once more.',
    query: TenantQuery,
    params: QuarantineItemParams,
    answers: { 202: empty('The terminal hears of it with its next report.') },
    errors: [403, 404],
  }),
  discards: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/quarantine/discards',
    audience: 'provider',
    summary: 'The audit trail of discarded applications.',
    query: TenantQuery,
    answers: { 200: json(DiscardRecords, 'The records.') },
    errors: [403],
  }),
  discard: defineRoute({
    method: 'POST',
    path: '/api/v1/clerk/quarantine/:terminalId/:submissionId/discard',
    audience: 'clerk',
    summary: 'The office decides an application can never be delivered (with a reason).',
    params: QuarantineItemParams,
    body: DiscardRequest,
    answers: {
      202: empty('Requested; the terminal deletes it with its next report.'),
      200: empty('Already gone.'),
    },
    errors: [404],
  }),
  clerk: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/quarantine',
    audience: 'clerk',
    summary: 'The quarantine items of the clerk’s offices.',
    answers: { 200: json(StuckApplications, 'The items.') },
  }),
} as const;
