import { z } from 'zod';
import { AttachmentLimits } from '../protocol/attachments.js';
import { LOCALES, LocalizedText, Locale } from '../protocol/i18n.js';
import { idSchema } from '../protocol/id.js';
import { FleetBootstrap } from './fleet/bootstrap.js';
import { OfficeKeyPins } from './fleet/office-keys.js';
import { SettingsGroups } from './fleet/settings.js';
import { ShellSettings } from './shell.js';

/**
 * What a terminal needs to run. The foundation holds the essentials; issue 5 adds layers
 * (provider -> municipality -> site -> terminal), signatures and rollout.
 */
export const KioskConfig = z
  .strictObject({
    schemaVersion: z.literal(1),
    terminalId: idSchema('terminalId: lower-case letters, digits, dashes'),
    siteName: z.string().min(1).max(200),
    hubUrl: z.url({ protocol: /^https?$/, message: 'hubUrl must be an http(s) URL' }),
    /** Secret the terminal presents to the hub, unless it enrolls (fleet.enrollmentCode) instead. */
    terminalToken: z.string().min(24, 'terminalToken must have at least 24 characters').max(200).optional(),
    locales: z.array(Locale).min(1),
    defaultLocale: Locale,
    idleTimeoutSeconds: z.number().int().min(15).max(3600),
    idleWarningSeconds: z.number().int().min(5).max(120),
    contentRefreshSeconds: z.number().int().min(10).max(86_400),
    attract: z.object({ title: LocalizedText, subtitle: LocalizedText }),
    /** Fleet management: pinned provider keys; without it the terminal takes no remote config. */
    fleet: FleetBootstrap.optional(),
    /** The office keys the terminal may encrypt to, until a signed config pins others. */
    officeKeys: OfficeKeyPins.optional(),
    /** Video calls on rural lines: camera size and bandwidth caps (defaults in CALL_DEFAULTS). */
    call: z
      .strictObject({
        maxVideoKbps: z.number().int().min(64).max(8000),
        width: z.number().int().min(160).max(1920),
        height: z.number().int().min(120).max(1080),
        frameRate: z.number().int().min(5).max(30),
        audioOnlyWhenWeak: z.boolean(),
      })
      .optional(),
    /** Document photos and scans: size, count, types, chunk size (defaults: ATTACHMENT_DEFAULTS). */
    attachments: AttachmentLimits.optional(),
    /** Settings of the Electron shell (kiosk-config/shell.ts). */
    shell: ShellSettings.optional(),
    /*
     * What a signed fleet config decides beyond the essentials (kiosk-config/fleet/settings.ts);
     * an installation may set them too. Each one absent: the kiosk's built-in behaviour.
     */
    /** Offices served: only their services are shown. */
    offices: SettingsGroups.offices.optional(),
    /** The services shown, in this order, or "all". */
    services: SettingsGroups.services.optional(),
    /** How long the attract screen shows one language before the next. */
    attractRotateSeconds: SettingsGroups.attract.shape.rotateSeconds.optional(),
    /** Video calls at this terminal: on or off, and the hours in which the call button is offered. */
    video: SettingsGroups.video.omit({ maxBitrateKbps: true }).optional(),
    printer: SettingsGroups.printer.optional(),
    /** Display defaults of every new session (the citizen may change them; they end with it). */
    accessibility: SettingsGroups.accessibility.optional(),
    wipe: SettingsGroups.wipe.optional(),
    maintenance: SettingsGroups.maintenance.optional(),
  })
  .refine((c) => c.locales.includes(c.defaultLocale), {
    message: 'defaultLocale must be one of locales',
    path: ['defaultLocale'],
  })
  .refine((c) => c.terminalToken !== undefined || c.fleet?.enrollmentCode !== undefined, {
    message: 'terminalToken is required unless fleet.enrollmentCode is given',
    path: ['terminalToken'],
  })
  .refine((c) => c.idleWarningSeconds < c.idleTimeoutSeconds, {
    message: 'idleWarningSeconds must be shorter than idleTimeoutSeconds',
    path: ['idleWarningSeconds'],
  });
export type KioskConfig = z.infer<typeof KioskConfig>;

/** A village line: 640x480 at 15 fps within 600 kbit/s, and audio only when even that fails. */
export const CALL_DEFAULTS: NonNullable<KioskConfig['call']> = {
  maxVideoKbps: 600,
  width: 640,
  height: 480,
  frameRate: 15,
  audioOnlyWhenWeak: true,
};

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
