import { z } from 'zod';
import { LOCALES, LocalizedText, Locale } from '../protocol/i18n.js';
import { ShellSettings } from './shell.js';

/**
 * What a terminal needs to run. The foundation holds the essentials; issue 5 adds layers
 * (provider -> municipality -> site -> terminal), signatures and rollout.
 */
export const KioskConfig = z
  .strictObject({
    schemaVersion: z.literal(1),
    terminalId: z.string().regex(/^[a-z0-9-]{2,64}$/, 'terminalId: lower-case letters, digits, dashes'),
    siteName: z.string().min(1).max(200),
    hubUrl: z.url({ protocol: /^https?$/, message: 'hubUrl must be an http(s) URL' }),
    /** Secret the terminal presents to the hub; issue 5 replaces it with an enrolled key pair. */
    terminalToken: z.string().min(24, 'terminalToken must have at least 24 characters').max(200),
    locales: z.array(Locale).min(1),
    defaultLocale: Locale,
    idleTimeoutSeconds: z.number().int().min(15).max(3600),
    idleWarningSeconds: z.number().int().min(5).max(120),
    contentRefreshSeconds: z.number().int().min(10).max(86_400),
    attract: z.object({ title: LocalizedText, subtitle: LocalizedText }),
    /** Settings of the Electron shell (kiosk-config/shell.ts). */
    shell: ShellSettings.optional(),
  })
  .refine((c) => c.locales.includes(c.defaultLocale), {
    message: 'defaultLocale must be one of locales',
    path: ['defaultLocale'],
  })
  .refine((c) => c.idleWarningSeconds < c.idleTimeoutSeconds, {
    message: 'idleWarningSeconds must be shorter than idleTimeoutSeconds',
    path: ['idleWarningSeconds'],
  });
export type KioskConfig = z.infer<typeof KioskConfig>;

export const SUPPORTED_LOCALES = LOCALES;

/** Parses a config, or returns every problem as "path: sentence". */
export function parseKioskConfig(
  input: unknown,
): { ok: true; config: KioskConfig } | { ok: false; problems: string[] } {
  const result = KioskConfig.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(config)'}: ${issue.message}`,
    ),
  };
}
