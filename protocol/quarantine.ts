import { z } from 'zod';

/**
 * Applications a terminal holds in quarantine: the hub refused them for good (unknown key,
 * unknown form, invalid envelope), so sending again would not help. The terminal reports what it
 * holds — the envelope only, never the sealed answers — so the IT provider and the responsible
 * office see them; the provider can ask the terminal to try one again after a fix.
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
});
export type QuarantineReportAnswer = z.infer<typeof QuarantineReportAnswer>;

/** One quarantined application as the consoles show it. */
export const StuckApplication = z.object({
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
});
export type StuckApplication = z.infer<typeof StuckApplication>;

export const StuckApplications = z.object({ items: z.array(StuckApplication) });
export type StuckApplications = z.infer<typeof StuckApplications>;
