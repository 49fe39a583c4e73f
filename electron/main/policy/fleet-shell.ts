import type { MaintenanceSettings } from '../../../kiosk-config/fleet/schedule.js';
import { isInWeeklyWindow, nextMaintenanceRestartAt } from '../../../kiosk-config/fleet/schedule.js';
import type { TerminalSettings } from '../../../kiosk-config/terminal-settings.js';
import type { UpdateSettings } from '../../../kiosk-config/updates.js';
import {
  BUSY_RETRY_MS,
  busyRetryAt,
  DEFAULT_MAINTENANCE_WINDOW,
  MIN_UPTIME_BEFORE_RESTART_MS,
  isInMaintenanceWindow,
  nextMaintenanceRestart,
  type MaintenanceWindow,
} from './maintenance.js';

/** What the shell itself takes from a signed config; everything else is the page's business. */
export interface FleetShellSettings {
  /** The hub the page talks to: the CSP's connect-src follows it. */
  hubUrl: string;
  /** null: the system's default printer. */
  printerName: string | null;
  printingEnabled: boolean;
  maintenance: MaintenanceSettings;
  /** Absent: the signed config allows no update (policy/updates.ts). */
  updates?: UpdateSettings;
}

export function fleetShellSettings(settings: TerminalSettings): FleetShellSettings {
  return {
    hubUrl: settings.hubUrl,
    printerName: settings.printer.name,
    printingEnabled: settings.printer.enabled,
    maintenance: settings.maintenance,
    ...(settings.updates ? { updates: settings.updates } : {}),
  };
}

/**
 * When the shell restarts next: in the signed config's weekly window (its time zone, at
 * `restartAt` or the window's start) when there is one, else in the installation's daily window.
 * Either way not before the shell has run MIN_UPTIME_BEFORE_RESTART_MS, so it cannot loop.
 */
export function nextShellRestart(
  now: Date,
  startedAt: Date,
  installationWindow: MaintenanceWindow | undefined,
  fleet: MaintenanceSettings | undefined,
): Date {
  if (fleet) return nextMaintenanceRestartAt(now, startedAt, fleet, MIN_UPTIME_BEFORE_RESTART_MS);
  return nextMaintenanceRestart(now, startedAt, installationWindow ?? DEFAULT_MAINTENANCE_WINDOW);
}

/**
 * The restart came due during a video call: when to ask again. In BUSY_RETRY_MS if that is still
 * inside the window that scheduled it — the signed config's (its days, hours and time zone) when
 * there is one, else the installation's — otherwise null: skip to the next window.
 */
export function shellBusyRetryAt(
  now: Date,
  installationWindow: MaintenanceWindow | undefined,
  fleet: MaintenanceSettings | undefined,
): Date | null {
  if (!fleet) return busyRetryAt(now, installationWindow ?? DEFAULT_MAINTENANCE_WINDOW);
  const retry = new Date(now.getTime() + BUSY_RETRY_MS);
  return isInWeeklyWindow(retry, fleet.timezone, fleet.window) ? retry : null;
}

/** Whether now is inside the window the restarts follow (the signed config's, else the installation's). */
export function inShellMaintenanceWindow(
  now: Date,
  installationWindow: MaintenanceWindow | undefined,
  fleet: MaintenanceSettings | undefined,
): boolean {
  if (fleet) return isInWeeklyWindow(now, fleet.timezone, fleet.window);
  return isInMaintenanceWindow(now, installationWindow ?? DEFAULT_MAINTENANCE_WINDOW);
}

/**
 * The printer for a receipt: a signed config that turns printing off wins (the receipt stays on
 * screen), then its printer name, then the installation's. undefined: the system default.
 */
export function receiptPrinter(
  installation: string | undefined,
  fleet: FleetShellSettings | null,
): { print: boolean; printerName: string | undefined } {
  if (!fleet) return { print: true, printerName: installation };
  if (!fleet.printingEnabled) return { print: false, printerName: undefined };
  return { print: true, printerName: fleet.printerName ?? installation };
}

/** A restart command answers first, then relaunches: the page reports the result in between. */
export const RESTART_COMMAND_DELAY_MS = 1_000;
