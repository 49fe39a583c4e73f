import { CALL_DEFAULTS, type KioskConfig } from '../../../kiosk-config/schema.js';
import { isInWeeklyWindow } from '../../../kiosk-config/fleet/schedule.js';
import type { KioskContent } from '../hooks/useKioskContent.js';
import { DEFAULT_DISPLAY, type DisplaySettings, type TextSize } from '../a11y/display-settings.js';

/**
 * How the kiosk applies the settings of its (signed) config. Pure functions, so each rule has a
 * unit test; the components only call them.
 */

/**
 * The catalog this terminal shows: services of the offices it serves, and of those only the
 * listed ones; categories and life situations without a service left disappear too. The forms
 * stay (a form a citizen is filling must not vanish under them), but no service opens them.
 */
export function contentForTerminal(
  content: KioskContent,
  config: Pick<KioskConfig, 'offices' | 'services'>,
): KioskContent {
  const { offices, services } = config;
  if (offices === undefined && (services === undefined || services === 'all')) return content;
  const officeSet = offices === undefined ? null : new Set(offices);
  const serviceSet = services === undefined || services === 'all' ? null : new Set(services);
  const shown = content.services.filter(
    (s) => (officeSet === null || officeSet.has(s.officeId)) && (serviceSet === null || serviceSet.has(s.id)),
  );
  const categories = new Set(shown.map((s) => s.categoryId));
  const situations = new Set(shown.flatMap((s) => s.lifeSituationIds));
  return {
    ...content,
    services: shown,
    offices: officeSet === null ? content.offices : content.offices.filter((o) => officeSet.has(o.id)),
    categories: content.categories.filter((c) => categories.has(c.id)),
    lifeSituations: content.lifeSituations.filter((l) => situations.has(l.id)),
  };
}

/** The provider's font scale (1-2) on the kiosk's three text sizes (100 %, 120 %, 140 %). */
export function textSizeFor(fontScale: number): TextSize {
  if (fontScale >= 1.3) return 'largest';
  if (fontScale >= 1.1) return 'large';
  return 'normal';
}

/** What every new session starts with; the citizen may change it, and the next one starts here again. */
export function displayDefaults(accessibility: KioskConfig['accessibility']): DisplaySettings {
  if (!accessibility) return DEFAULT_DISPLAY;
  return {
    ...DEFAULT_DISPLAY,
    contrast: accessibility.highContrast,
    textSize: textSizeFor(accessibility.fontScale),
    reach: accessibility.reachMode ?? false,
    readAloud: accessibility.readAloud,
  };
}

/** The time zone the config's clock times are in: the maintenance zone, else the device's. */
export function configTimeZone(config: Pick<KioskConfig, 'maintenance'>): string {
  return config.maintenance?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Whether the call button is offered now: video on, and inside one of the terminal's video
 * hours (no hours listed: always). The offices' own hours and the live queue are shown inside.
 */
export function videoOffered(config: Pick<KioskConfig, 'video' | 'maintenance'>, now: Date): boolean {
  const { video } = config;
  if (!video) return true;
  if (!video.enabled) return false;
  if (video.hours.length === 0) return true;
  const zone = configTimeZone(config);
  return video.hours.some((window) => isInWeeklyWindow(now, zone, window));
}

/** Camera size and the caps every call's encoder gets (the signed config's bitrate cap included). */
export function callSettingsFor(config: Pick<KioskConfig, 'call'>) {
  const call = config.call ?? CALL_DEFAULTS;
  return {
    media: { width: call.width, height: call.height, frameRate: call.frameRate },
    caps: {
      maxVideoKbps: call.maxVideoKbps,
      maxFrameRate: call.frameRate,
      audioOnlyWhenWeak: call.audioOnlyWhenWeak,
    },
  };
}

/** Whether receipts are printed at all; without a printer the receipt stays on screen. */
export const printingEnabled = (config: Pick<KioskConfig, 'printer'>): boolean =>
  config.printer?.enabled ?? true;
