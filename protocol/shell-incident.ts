import { z } from 'zod';

/**
 * What a kiosk shell tells its hub when it cannot keep itself running: today a crash loop (the
 * page's renderer died several times in a row, see electron/main/policy/crash-recovery.ts). The
 * hub keeps it for the provider's monitoring. No citizen data: reasons and counts only.
 */
export const ShellIncidentReport = z.strictObject({
  kind: z.literal('crash-loop'),
  consecutiveCrashes: z.number().int().min(1).max(1_000_000),
  /** Electron's render-process-gone reason (crashed, oom, killed, ...). */
  reason: z.string().regex(/^[a-z-]{1,40}$/, 'reason: lower-case words and dashes'),
  exitCode: z
    .number()
    .int()
    .min(-(2 ** 31))
    .max(2 ** 32),
  shellVersion: z.string().min(1).max(40),
  occurredAt: z.iso.datetime(),
});
export type ShellIncidentReport = z.infer<typeof ShellIncidentReport>;

export const ShellIncidentReceipt = z.strictObject({ id: z.string(), receivedAt: z.string() });
export type ShellIncidentReceipt = z.infer<typeof ShellIncidentReceipt>;

/** Small: a report is a few fields. */
export const MAX_SHELL_INCIDENT_BYTES = 2 * 1024;
