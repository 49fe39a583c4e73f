import { CALL_DEFAULTS, type KioskConfig } from '../schema.js';
import type { TerminalSettings } from './settings.js';

/**
 * The config the kiosk runs with: the installation's identity and secrets, with everything a
 * signed config may decide taken from it. A pure function, so "what runs" is always derivable.
 */
export function effectiveConfig(bootstrap: KioskConfig, settings: TerminalSettings | null): KioskConfig {
  if (!settings) return bootstrap;
  return {
    ...bootstrap,
    siteName: settings.siteName,
    hubUrl: settings.hubUrl,
    locales: settings.locales,
    defaultLocale: settings.defaultLocale,
    idleTimeoutSeconds: settings.idleTimeoutSeconds,
    idleWarningSeconds: settings.idleWarningSeconds,
    contentRefreshSeconds: settings.contentRefreshSeconds,
    attract: { title: settings.attract.title, subtitle: settings.attract.subtitle },
    attractRotateSeconds: settings.attract.rotateSeconds,
    offices: settings.offices,
    services: settings.services,
    video: { enabled: settings.video.enabled, hours: settings.video.hours },
    call: { ...(bootstrap.call ?? CALL_DEFAULTS), maxVideoKbps: settings.video.maxBitrateKbps },
    printer: settings.printer,
    ...(settings.attachments ? { attachments: settings.attachments } : {}),
    accessibility: settings.accessibility,
    wipe: settings.wipe,
    maintenance: settings.maintenance,
    // The Electron shell reads these from the installation; the signed config wins there too.
    shell: {
      ...bootstrap.shell,
      ...(settings.printer.name === null ? {} : { printerName: settings.printer.name }),
    },
  };
}
