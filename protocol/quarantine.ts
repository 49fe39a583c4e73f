import { z } from 'zod';

/**
 * Applications a terminal holds in quarantine: the hub refused them for good (unknown key,
 * unknown form, invalid envelope), so sending again would not help. The terminal reports what it
 * holds — the envelope only, never the sealed answers — so the IT provider and the responsible
 * office see them; the provider can ask the terminal to try one again after a fix. What no fix
 * can deliver (the office lost the key it was sealed to) is deleted only on the responsible
 * office's decision, with its reason kept in an audit record — never silently.
 */
export const QUARANTINE_API = {
  /** Terminal: POST the complete list it holds now; the answer names items to try again. */
  terminal: '/api/v1/terminal/quarantine',
  /** Provider: every terminal's list. */
  provider: '/api/v1/provider/quarantine',
  providerRetry: (terminalId: string, submissionId: string) =>
    `/api/v1/provider/quarantine/${encodeURIComponent(terminalId)}/${encodeURIComponent(submissionId)}/retry`,
  /** Clerk: the items of the clerk's own offices. */
  clerk: '/api/v1/clerk/quarantine',
  /** Clerk: the office decides an item can never be delivered; the terminal deletes it. */
  clerkDiscard: (terminalId: string, submissionId: string) =>
    `/api/v1/clerk/quarantine/${encodeURIComponent(terminalId)}/${encodeURIComponent(submissionId)}/discard`,
  /** Provider: the audit trail of discarded applications. */
  providerDiscards: '/api/v1/provider/quarantine/discards',
} as const;

/** More than this on one terminal means something larger is broken; the rest waits its turn. */
export const MAX_REPORTED_QUARANTINE = 200;

const IsoTime = z.iso.datetime({ offset: true });

export const QuarantinedItem = z.strictObject({
  submissionId: z.uuid(),
  formId: z.string().min(1).max(64),
  formVersion: z.number().int().positive(),
  serviceId: z.string().min(1).max(64),
  /** The office the terminal sealed it for, when it still knows the form (the hub checks its own data first). */
  officeId: z.string().min(1).max(64).nullable(),
  /** The hub's refusal as the terminal received it. */
  reason: z.string().min(1).max(500),
  quarantinedAt: IsoTime,
});
export type QuarantinedItem = z.infer<typeof QuarantinedItem>;

export const QuarantineReport = z.strictObject({
  items: z.array(QuarantinedItem).max(MAX_REPORTED_QUARANTINE),
});
export type QuarantineReport = z.infer<typeof QuarantineReport>;

export const QuarantineReportAnswer = z.object({
  /** Submission ids the provider asked this terminal to send once more. */
  retry: z.array(z.uuid()),
  /** Submission ids the responsible office discarded: the terminal deletes them (hubs before this field send none). */
  discard: z.array(z.uuid()).default([]),
});
export type QuarantineReportAnswer = z.infer<typeof QuarantineReportAnswer>;

/** One quarantined application as the consoles show it. */
export const StuckApplication = z.object({
  /**
   * Who holds it: a terminal (the hub refused it) or the hub (it could not deliver it onward
   * through FIT-Connect). Absent means terminal, as before hub-side delivery existed.
   */
  heldBy: z.enum(['terminal', 'hub']).optional(),
  /** The office's and the form's German names, when the hub knows them. */
  officeName: z.string().nullable().optional(),
  formTitle: z.string().nullable().optional(),
  terminalId: z.string(),
  terminalName: z.string(),
  submissionId: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  serviceId: z.string(),
  officeId: z.string().nullable(),
  reason: z.string(),
  quarantinedAt: IsoTime,
  reportedAt: IsoTime,
  /** When the provider asked for another try and the terminal has not picked it up yet. */
  retryRequestedAt: IsoTime.nullable(),
  /** When the office discarded it and the terminal has not deleted it yet, and why. */
  discardRequestedAt: IsoTime.nullable(),
  discardReason: z.string().nullable(),
});
export type StuckApplication = z.infer<typeof StuckApplication>;

export const StuckApplications = z.object({ items: z.array(StuckApplication) });
export type StuckApplications = z.infer<typeof StuckApplications>;

/** The office's decision that a quarantined application can never be delivered. */
export const DiscardRequest = z.strictObject({
  /** Why, for the audit record (e.g. "Key lost; the citizen applied again in person on 3 Dec"). */
  reason: z.string().trim().min(10, 'Give a reason of at least 10 characters.').max(500),
});
export type DiscardRequest = z.infer<typeof DiscardRequest>;

/** One audit record: what was discarded, on which terminal, by whom, why, and when it was gone. */
export const DiscardRecord = z.object({
  terminalId: z.string(),
  submissionId: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  serviceId: z.string(),
  officeId: z.string().nullable(),
  quarantineReason: z.string(),
  discardReason: z.string(),
  requestedBy: z.string(),
  requestedAt: IsoTime,
  /** When the terminal no longer reported it (deleted there); null while it still holds it. */
  confirmedAt: IsoTime.nullable(),
});
export type DiscardRecord = z.infer<typeof DiscardRecord>;

export const DiscardRecords = z.object({ items: z.array(DiscardRecord) });
export type DiscardRecords = z.infer<typeof DiscardRecords>;
