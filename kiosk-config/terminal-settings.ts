import { z } from 'zod';
import { AttachmentLimits } from '../protocol/attachments.js';
import { Locale } from '../protocol/i18n.js';
import { ClockTime, Weekday } from '../protocol/clock.js';
import { Id } from '../protocol/id.js';
import { UpdateSettings } from './updates.js';

/**
 * Text a provider writes that a terminal shows. The kiosk renders text, never HTML, but a config
 * that carries markup or script is a mistake or an attack either way, so it is refused early.
 */
const SCRIPT_LIKE = /<\s*[a-z!/?]|javascript:|\bon[a-z]+\s*=|data:text\/html/i;
export const SafeText = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters long`)
    .refine((text) => !SCRIPT_LIKE.test(text), 'must be plain text: markup and script are not allowed');

export const SafeLocalizedText = z
  .strictObject({ de: SafeText(2_000) })
  .catchall(SafeText(2_000))
  .describe('A text per language; German is required because it is the fallback.');

/** A window of the signed config: weekdays and [from, to) on each, in maintenance.timezone. */
export const TimeWindow = z
  .strictObject({
    days: z.array(Weekday).min(1, 'must name at least one weekday'),
    from: ClockTime,
    to: ClockTime,
  })
  .refine((w) => w.from < w.to, { message: 'must end after it starts', path: ['to'] });

/**
 * THE settings of a terminal — the one place to add one. A provider's fleet file sets them in
 * layers (SettingsLayer below is derived), a signed config carries them complete
 * (TerminalSettings), and an installation file may give them too until a signed config
 * decides (schema.ts takes them from here). docs/terminal-settings.md says how to add one.
 */
const settingsShape = {
  siteName: SafeText(200),
  hubUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  /** Offices whose services and clerks this terminal serves. */
  offices: z.array(Id).min(1, 'must name at least one office'),
  /** "all", or the services shown, in this order. */
  services: z.union([z.literal('all'), z.array(Id).min(1, 'must name at least one service')]),
  locales: z.array(Locale).min(1, 'must name at least one language'),
  defaultLocale: Locale,
  idleTimeoutSeconds: z.number().int().min(15).max(3600),
  idleWarningSeconds: z.number().int().min(5).max(120),
  contentRefreshSeconds: z.number().int().min(10).max(86_400),
  heartbeatSeconds: z.number().int().min(10).max(3600),
  attract: z.strictObject({
    title: SafeLocalizedText,
    subtitle: SafeLocalizedText,
    rotateSeconds: z.number().int().min(3).max(600),
  }),
  video: z.strictObject({
    enabled: z.boolean(),
    hours: z.array(TimeWindow).max(21),
    maxBitrateKbps: z.number().int().min(64).max(8000),
  }),
  printer: z.strictObject({
    enabled: z.boolean(),
    name: SafeText(120).nullable(),
    paper: z.enum(['A4', 'Letter']),
  }),
  accessibility: z.strictObject({
    fontScale: z.number().min(1).max(2),
    highContrast: z.boolean(),
    readAloud: z.boolean(),
    /** Every control in the lower part of the screen (wheelchair users); absent: off. */
    reachMode: z.boolean().optional(),
  }),
  wipe: z.strictObject({
    /** Always true: the next citizen must never see the last one's data. */
    afterEverySession: z.literal(true, 'must be true: every session ends with a wipe'),
    fullWipeAt: ClockTime.nullable(),
  }),
  maintenance: z.strictObject({
    timezone: z.string().regex(/^[A-Za-z_]+\/[A-Za-z_]+$/, 'must be an IANA time zone like Europe/Berlin'),
    window: TimeWindow,
    restartAt: ClockTime.nullable(),
  }),
  /**
   * Document photos and scans: size, count, types, file input, upload chunk size. Optional (absent:
   * the installation's limits, else the defaults); a layer that sets it sets the whole group.
   */
  attachments: AttachmentLimits.optional(),
  /**
   * Updates of the Electron shell (kiosk-config/updates.ts): 'auto' installs exactly the expected
   * release, 'off' leaves updates to the provider's software distribution. Absent: off.
   */
  updates: UpdateSettings.optional(),
  /** When a new config counts as having broken the terminal (then it reverts on its own). */
  revert: z.strictObject({
    hubUnreachableSeconds: z.number().int().min(10).max(3600),
    crashesWithin10Minutes: z.number().int().min(2).max(20),
  }),
};

type Shape = typeof settingsShape;
/** The settings without the rules across them, for the installation file (schema.ts) to build on. */
export const TerminalSettingsObject = z.strictObject(settingsShape);
/** Each group's schema on its own. */
export const SettingsGroups = TerminalSettingsObject.shape;

/** The rules across settings, for the signed settings and the installation file alike. */
export function checkSettingsTogether(
  s: Pick<TerminalSettings, 'locales' | 'defaultLocale' | 'idleWarningSeconds' | 'idleTimeoutSeconds'>,
  ctx: z.core.$RefinementCtx,
): void {
  if (!s.locales.includes(s.defaultLocale))
    ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'must be one of locales' });
  if (s.idleWarningSeconds >= s.idleTimeoutSeconds)
    ctx.addIssue({
      code: 'custom',
      path: ['idleWarningSeconds'],
      message: 'must be shorter than idleTimeoutSeconds',
    });
}

/** Everything a terminal needs, complete: what the merged layers must add up to. */
export const TerminalSettings = TerminalSettingsObject.superRefine(checkSettingsTogether);
export type TerminalSettings = z.infer<typeof TerminalSettings>;

/** Objects merge key by key, so a layer may set any part of a group; lists and values replace. */
function partialGroup<T extends z.ZodType>(schema: T): z.ZodType {
  // A text in several languages is one value: a layer that sets it sets all its languages.
  if (schema instanceof z.ZodObject && (schema as z.ZodType) !== SafeLocalizedText) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>))
      shape[key] = partialGroup(value).optional();
    return z.strictObject(shape);
  }
  return schema;
}

const layerShape = Object.fromEntries(
  Object.entries(settingsShape).map(([key, value]) => [key, partialGroup(value as z.ZodType).optional()]),
) as { [K in keyof Shape]: z.ZodOptional<z.ZodType<DeepPartial<z.infer<Shape[K]>>>> };

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** One layer (provider defaults, municipality, site or terminal): any part of the settings. */
export const SettingsLayer = z.strictObject(layerShape);
export type SettingsLayer = z.infer<typeof SettingsLayer>;
