import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Office, Service } from '../../../protocol/catalog.js';
import type { KioskContent } from '../hooks/useKioskContent.js';
import { nextDailyJob, startDailyJobs } from './daily-jobs.js';
import {
  callSettingsFor,
  contentForTerminal,
  displayDefaults,
  printingEnabled,
  textSizeFor,
  videoOffered,
} from './terminal-policy.js';

const service = (id: string, officeId: string, categoryId: string, life: string[] = []) =>
  ({ id, officeId, categoryId, lifeSituationIds: life }) as unknown as Service;
const content = {
  ready: true,
  municipality: 'Lindenau',
  services: [
    service('ausweis', 'buergerbuero', 'papiere', ['umzug']),
    service('hund', 'steueramt', 'steuern'),
    service('geburt', 'standesamt', 'familie', ['kind']),
  ],
  categories: ['papiere', 'steuern', 'familie'].map((id) => ({ id, name: { de: id }, icon: '', order: 0 })),
  lifeSituations: ['umzug', 'kind'].map((id) => ({ id, name: { de: id } })),
  offices: ['buergerbuero', 'steueramt', 'standesamt'].map((id) => ({ id }) as unknown as Office),
  forms: new Map(),
  latestForm: () => undefined,
} satisfies KioskContent;

describe('offices served and services shown', () => {
  it('shows everything without a list', () => {
    expect(contentForTerminal(content, {})).toBe(content);
    expect(contentForTerminal(content, { services: 'all' })).toBe(content);
  });

  it('keeps only the services of the offices served, and their categories and life situations', () => {
    const shown = contentForTerminal(content, { offices: ['buergerbuero', 'standesamt'] });
    expect(shown.services.map((s) => s.id)).toEqual(['ausweis', 'geburt']);
    expect(shown.offices.map((o) => o.id)).toEqual(['buergerbuero', 'standesamt']);
    expect(shown.categories.map((c) => c.id)).toEqual(['papiere', 'familie']);
  });

  it('keeps only the listed services within those offices', () => {
    const shown = contentForTerminal(content, {
      offices: ['buergerbuero', 'steueramt'],
      services: ['hund', 'geburt'],
    });
    expect(shown.services.map((s) => s.id)).toEqual(['hund']);
    expect(shown.lifeSituations).toEqual([]);
  });
});

describe('accessibility defaults', () => {
  it('maps the font scale onto the three text sizes', () => {
    expect([1, 1.09, 1.1, 1.29, 1.3, 2].map(textSizeFor)).toEqual([
      'normal',
      'normal',
      'large',
      'large',
      'largest',
      'largest',
    ]);
  });

  it('starts every session with the configured contrast, size, reach mode and read-aloud', () => {
    expect(displayDefaults({ fontScale: 1.5, highContrast: true, readAloud: true, reachMode: true })).toEqual(
      { contrast: true, textSize: 'largest', reach: true, plain: false, readAloud: true },
    );
    expect(displayDefaults(undefined)).toMatchObject({
      contrast: false,
      textSize: 'normal',
      readAloud: false,
    });
  });
});

describe('video hours and printer', () => {
  const maintenance = {
    timezone: 'Europe/Berlin',
    window: { days: ['sun' as const], from: '02:00', to: '05:00' },
    restartAt: null,
  };
  const hours = [{ days: ['mon' as const, 'tue' as const], from: '09:00', to: '12:00' }];

  it('offers the call button only when video is on and inside the hours, in the config time zone', () => {
    const monday10 = new Date('2026-11-23T09:00:00Z'); // 10:00 in Berlin
    const monday13 = new Date('2026-11-23T12:00:00Z');
    expect(videoOffered({ video: { enabled: true, hours }, maintenance }, monday10)).toBe(true);
    expect(videoOffered({ video: { enabled: true, hours }, maintenance }, monday13)).toBe(false);
    expect(videoOffered({ video: { enabled: false, hours: [] }, maintenance }, monday10)).toBe(false);
    expect(videoOffered({ video: { enabled: true, hours: [] }, maintenance }, monday13)).toBe(true);
    expect(videoOffered({}, monday13)).toBe(true);
  });

  it('prints unless the config turns the printer off', () => {
    expect(printingEnabled({})).toBe(true);
    expect(printingEnabled({ printer: { enabled: false, name: null, paper: 'A4' } })).toBe(false);
  });
});

describe('daily jobs: full wipe and the maintenance reload', () => {
  const maintenance = {
    timezone: 'Europe/Berlin',
    window: { days: ['sun' as const], from: '02:00', to: '05:00' },
    restartAt: '04:00',
  };
  const saturdayNoon = new Date('2026-11-21T11:00:00Z');
  const longAgo = new Date('2026-11-01T00:00:00Z');

  it('picks the earlier job; the page reloads for maintenance only in Chromium mode', () => {
    const config = { wipe: { afterEverySession: true as const, fullWipeAt: '03:00' }, maintenance };
    expect(nextDailyJob(config, 'browser', saturdayNoon, longAgo)).toEqual({
      kind: 'full-wipe',
      at: new Date('2026-11-22T02:00:00Z'),
    });
    const noWipe = { wipe: { afterEverySession: true as const, fullWipeAt: null }, maintenance };
    expect(nextDailyJob(noWipe, 'browser', saturdayNoon, longAgo)).toEqual({
      kind: 'maintenance-reload',
      at: new Date('2026-11-22T03:00:00Z'),
    });
    expect(nextDailyJob(noWipe, 'electron', saturdayNoon, longAgo)).toBeNull();
    expect(nextDailyJob({}, 'browser', saturdayNoon, longAgo)).toBeNull();
  });

  afterEach(() => vi.useRealTimers());

  it('waits for a moment without a citizen, then wipes and reloads', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T01:59:00Z') });
    let idle = false;
    const done: string[] = [];
    const stop = startDailyJobs({
      config: { wipe: { afterEverySession: true, fullWipeAt: '03:00' } as const, maintenance },
      shell: 'electron',
      now: () => new Date(),
      isIdle: () => idle,
      wipeCitizen: () => {
        done.push('wipe');
        return Promise.resolve();
      },
      reload: () => done.push('reload'),
      log: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(90_000);
    expect(done).toEqual([]); // due, but a citizen is at the terminal
    idle = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(done).toEqual(['wipe', 'reload']);
    stop();
  });
});

describe('video bandwidth caps', () => {
  it('hands the configured bitrate cap and camera size to every call', () => {
    const call = { maxVideoKbps: 300, width: 320, height: 240, frameRate: 10, audioOnlyWhenWeak: false };
    expect(callSettingsFor({ call })).toEqual({
      media: { width: 320, height: 240, frameRate: 10 },
      caps: { maxVideoKbps: 300, maxFrameRate: 10, audioOnlyWhenWeak: false },
    });
    expect(callSettingsFor({}).caps.maxVideoKbps).toBe(600);
  });
});
