import { z } from 'zod';
import { LOCALES } from '../protocol/i18n.js';
import { idSchema } from '../protocol/id.js';
import { FleetBootstrap } from './fleet/bootstrap.js';
import { OfficeKeyPins } from './fleet/office-keys.js';
import { checkSettingsTogether, SettingsGroups, TerminalSettingsObject } from './terminal-settings.js';
import { ShellSettings } from './shell.js';

/**
 * The installation's own part: who the terminal is, its secret, the keys it trusts, and what
 * only this device knows (camera, shell). A signed config never changes these.
 */
const installationShape = {
  schemaVersion: z.literal(1),
  terminalId: idSchema('terminalId: lower-case letters, digits, dashes'),
  /** Secret the terminal presents to the hub, unless it enrolls (fleet.enrollmentCode) instead. */
  terminalToken: z.string().min(24, 'terminalToken must have at least 24 characters').max(200).optional(),
  /** Fleet management: pinned provider keys; without it the terminal takes no remote config. */
  fleet: FleetBootstrap.optional(),
  /** The office keys the terminal may encrypt to, until a signed config pins others. */
  officeKeys: OfficeKeyPins.optional(),
  /**
   * Roots (base64 DER certificates) a FIT-Connect destination key's x5c chain must lead to: the
   * administration PKI's. Without them the terminal seals nothing to a FIT-Connect office.
   */
  fitConnectRoots: z
    .array(
      z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'fitConnectRoots: each entry is a base64 DER certificate'),
    )
    .max(8)
    .optional(),
  /** Video calls on rural lines: camera size and bandwidth caps (defaults in CALL_DEFAULTS). */
  call: z
    .strictObject({
      maxVideoKbps: SettingsGroups.video.shape.maxBitrateKbps,
      width: z.number().int().min(160).max(1920),
      height: z.number().int().min(120).max(1080),
      frameRate: z.number().int().min(5).max(30),
      audioOnlyWhenWeak: z.boolean(),
    })
    .optional(),
  /** Settings of the Electron shell (kiosk-config/shell.ts). */
  shell: ShellSettings.optional(),
};

/**
 * The terminal settings (terminal-settings.ts) as the installation file gives them: the same
 * schemas, the essentials required and the rest optional (absent: the kiosk's built-in
 * behaviour), so a setting added there is accepted here too. Three keep the installation file's
 * spelling (see effective.ts): attract without rotateSeconds (attractRotateSeconds), video
 * without its bitrate cap (call.maxVideoKbps), printer.name also as shell.printerName. What
 * only a fleet needs (heartbeatSeconds, revert) is not set here.
 */
const ESSENTIALS = {
  siteName: true,
  hubUrl: true,
  locales: true,
  defaultLocale: true,
  idleTimeoutSeconds: true,
  idleWarningSeconds: true,
  contentRefreshSeconds: true,
} as const;
const InstallationSettings = TerminalSettingsObject.omit({
  attract: true,
  video: true,
  heartbeatSeconds: true,
  revert: true,
})
  .partial()
  .required(ESSENTIALS);

/** What a terminal needs to run: the installation's part and its settings, in one file. */
export const KioskConfig = InstallationSettings.extend(installationShape)
  .extend({
    attract: SettingsGroups.attract.pick({ title: true, subtitle: true }),
    /** How long the attract screen shows one language before the next. */
    attractRotateSeconds: SettingsGroups.attract.shape.rotateSeconds.optional(),
    /** Video calls at this terminal: on or off, and the hours in which the call button is offered. */
    video: SettingsGroups.video.omit({ maxBitrateKbps: true }).optional(),
  })
  .superRefine(checkSettingsTogether)
  .refine((c) => c.terminalToken !== undefined || c.fleet?.enrollmentCode !== undefined, {
    message: 'terminalToken is required unless fleet.enrollmentCode is given',
    path: ['terminalToken'],
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
