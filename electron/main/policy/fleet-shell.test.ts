import { describe, expect, it } from 'vitest';
import {
  inShellMaintenanceWindow,
  nextShellRestart,
  receiptPrinter,
  shellBusyRetryAt,
  type FleetShellSettings,
} from './fleet-shell.js';

const HOUR = 3_600_000;
const fleet: FleetShellSettings = {
  hubUrl: 'https://hub.example.org',
  printerName: 'Kasse',
  printingEnabled: true,
  maintenance: {
    timezone: 'Europe/Berlin',
    window: { days: ['sun'], from: '02:00', to: '05:00' },
    restartAt: '04:00',
  },
};

describe('restart schedule of the shell', () => {
  const startedAt = new Date('2026-11-01T00:00:00Z');

  it('follows the signed config: its weekday, time and time zone', () => {
    const now = new Date('2026-11-21T12:00:00Z'); // Saturday
    expect(nextShellRestart(now, startedAt, undefined, fleet.maintenance).toISOString()).toBe(
      '2026-11-22T03:00:00.000Z',
    );
  });

  it('without a signed config keeps the installation window (local time, daily)', () => {
    const now = new Date(2026, 10, 21, 12, 0);
    const at = nextShellRestart(now, startedAt, { start: '03:00', end: '04:00' }, undefined);
    expect([at.getDate(), at.getHours(), at.getMinutes()]).toEqual([22, 3, 0]);
  });

  it('never restarts a shell that has just started inside the window', () => {
    const now = new Date('2026-11-22T02:30:00Z'); // 03:30 Berlin, Sunday
    const at = nextShellRestart(now, now, undefined, { ...fleet.maintenance, restartAt: null });
    expect(at.getTime() - now.getTime()).toBeGreaterThanOrEqual(2 * HOUR);
  });
});

describe('a restart that comes due during a video call', () => {
  it('is asked again inside the signed config’s window (its time zone), not the installation’s', () => {
    const installation = { start: '03:00', end: '04:00' };
    // Sunday 04:00 Berlin = 03:00 UTC; the signed window is 02:00-05:00 Berlin.
    const at = new Date('2026-11-22T03:00:00Z');
    expect(shellBusyRetryAt(at, installation, fleet.maintenance)?.toISOString()).toBe(
      '2026-11-22T03:05:00.000Z',
    );
    // 04:57 Berlin: 05:02 is past the signed window's end.
    expect(shellBusyRetryAt(new Date('2026-11-22T03:57:00Z'), installation, fleet.maintenance)).toBeNull();
    // Without a signed config, the installation's daily window (local time) decides.
    expect(shellBusyRetryAt(new Date(2026, 10, 22, 3, 10), installation, undefined)).toEqual(
      new Date(2026, 10, 22, 3, 15),
    );
    expect(shellBusyRetryAt(new Date(2026, 10, 22, 3, 58), installation, undefined)).toBeNull();
  });
});

describe('receipt printer', () => {
  it('lets the signed config choose or turn printing off', () => {
    expect(receiptPrinter('Install', null)).toEqual({ print: true, printerName: 'Install' });
    expect(receiptPrinter('Install', fleet)).toEqual({ print: true, printerName: 'Kasse' });
    expect(receiptPrinter('Install', { ...fleet, printerName: null })).toEqual({
      print: true,
      printerName: 'Install',
    });
    expect(receiptPrinter('Install', { ...fleet, printingEnabled: false })).toEqual({
      print: false,
      printerName: undefined,
    });
  });
});

describe('inShellMaintenanceWindow', () => {
  it('follows the signed window in its time zone, else the installation’s daily window', () => {
    // Sunday 03:30 in Berlin (UTC+1 in November).
    expect(inShellMaintenanceWindow(new Date('2026-11-22T02:30:00Z'), undefined, fleet.maintenance)).toBe(
      true,
    );
    expect(inShellMaintenanceWindow(new Date('2026-11-21T02:30:00Z'), undefined, fleet.maintenance)).toBe(
      false,
    );
    const local = (hour: number) => new Date(2026, 10, 21, hour, 30);
    expect(inShellMaintenanceWindow(local(3), undefined, undefined)).toBe(true);
    expect(inShellMaintenanceWindow(local(5), undefined, undefined)).toBe(false);
    expect(inShellMaintenanceWindow(local(5), { start: '05:00', end: '06:00' }, undefined)).toBe(true);
  });
});
