import { CALL_DEFAULTS, type KioskConfig } from '../schema.js';
import type { TerminalSettings } from '../terminal-settings.js';

/**
 * The config the kiosk runs with: the installation's identity and secrets, with everything a
 * signed config may decide taken from it. A pure function, so "what runs" is always derivable.
 * The installation file gives the same settings under the same names (schema.ts), so they are
 * taken as they are; only the three it spells its own way are placed by hand.
 */
export function effectiveConfig(bootstrap: KioskConfig, settings: TerminalSettings | null): KioskConfig {
  if (!settings) return bootstrap;
  const { attract, video, attachments, updates, ...rest } = settings;
  const alike = withoutFleetOnly(rest);
  return {
    ...bootstrap,
    ...alike,
    // Absent in the signed config: the installation's limits stay.
    ...(attachments ? { attachments } : {}),
    // Unlike attachments: once a config is signed, it alone decides updates (absent: off), as the
    // shell does (electron/main/policy/updates.ts).
    updates,
    attract: { title: attract.title, subtitle: attract.subtitle },
    attractRotateSeconds: attract.rotateSeconds,
    video: { enabled: video.enabled, hours: video.hours },
    call: { ...(bootstrap.call ?? CALL_DEFAULTS), maxVideoKbps: video.maxBitrateKbps },
    // The Electron shell reads the printer from the installation; the signed config wins there too.
    shell: {
      ...bootstrap.shell,
      ...(settings.printer.name === null ? {} : { printerName: settings.printer.name }),
    },
  };
}

/** heartbeatSeconds and revert are the fleet agent's own (it reads them from the signed record). */
const FLEET_ONLY: ReadonlySet<string> = new Set(['heartbeatSeconds', 'revert']);

function withoutFleetOnly<T extends Record<string, unknown>>(
  settings: T,
): Omit<T, 'heartbeatSeconds' | 'revert'> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !FLEET_ONLY.has(key))) as Omit<
    T,
    'heartbeatSeconds' | 'revert'
  >;
}
