import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { fleetWarnings, validateFleetFile, type FleetFile } from './fleet-file.js';
import { fleetJsonSchema } from './json-schema.js';
import { diffPaths, mergeLayers } from './merge.js';

const dir = join(import.meta.dirname, '..');
const example = JSON.parse(readFileSync(join(dir, 'fleet-example.json'), 'utf8')) as FleetFile;
const clone = (): FleetFile => structuredClone(example);

describe('mergeLayers', () => {
  it('lets later layers win, merges groups key by key and replaces lists and texts whole', () => {
    const { merged, origin } = mergeLayers([
      { name: 'defaults', values: { offices: ['a', 'b'], video: { enabled: true, maxBitrateKbps: 1000 } } },
      { name: 'municipality:m', values: { video: { maxBitrateKbps: 500 } } },
      { name: 'site:s', values: { offices: ['c'], attract: { title: { de: 'Hallo' } } } },
      { name: 'terminal:t', values: { idleTimeoutSeconds: 60, video: undefined } },
    ]);
    expect(merged).toEqual({
      offices: ['c'],
      video: { enabled: true, maxBitrateKbps: 500 },
      attract: { title: { de: 'Hallo' } },
      idleTimeoutSeconds: 60,
    });
    expect(origin).toEqual({
      offices: 'site:s',
      'video.enabled': 'defaults',
      'video.maxBitrateKbps': 'municipality:m',
      'attract.title': 'site:s',
      idleTimeoutSeconds: 'terminal:t',
    });
  });

  it('does not change its inputs', () => {
    const defaults = { video: { enabled: true } };
    const { merged } = mergeLayers([{ name: 'defaults', values: defaults }]);
    (merged['video'] as { enabled: boolean }).enabled = false;
    expect(defaults.video.enabled).toBe(true);
  });

  it('diffs leaf by leaf', () => {
    expect(diffPaths({ a: 1, b: { c: [1], d: 'x' } }, { a: 1, b: { c: [2] }, e: true })).toEqual([
      { path: 'b.c', before: [1], after: [2] },
      { path: 'b.d', before: 'x', after: undefined },
      { path: 'e', before: undefined, after: true },
    ]);
  });
});

describe('validateFleetFile', () => {
  it('accepts the example and merges the demo terminal from all four layers', () => {
    const result = validateFleetFile(example);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [terminal] = result.terminals;
    expect(terminal?.terminalId).toBe('demo-terminal-1');
    expect(terminal?.settings.offices).toEqual(['buergerbuero', 'standesamt']);
    expect(terminal?.settings.attract.title.de).toBe('Ihr Rathaus im Dorfladen');
    expect(terminal?.settings.attract.subtitle.de).toMatch(/Anträge/);
    expect(terminal?.origin['attract.title']).toBe('site:dorfladen');
    expect(terminal?.origin['offices']).toBe('municipality:lindenau');
  });

  it('names the path and a sentence for every problem, across layers and in the merged result', () => {
    const file = clone();
    const defaults = file.defaults as Record<string, unknown>;
    defaults['idleTimeoutSeconds'] = 'long';
    defaults['colour'] = 'blue';
    const result = validateFleetFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'defaults.idleTimeoutSeconds', message: 'Expected number, received string.' },
        { path: 'defaults', message: 'Has unknown setting "colour" (check the spelling).' },
      ]),
    );

    const merged = clone();
    merged.terminals['demo-terminal-1'] = {
      site: 'dorfladen',
      settings: {
        idleWarningSeconds: 120,
        defaultLocale: 'en',
        locales: ['de'],
      },
    };
    const second = validateFleetFile(merged);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems).toEqual([
      { path: 'terminals.demo-terminal-1 (merged).defaultLocale', message: 'Must be one of locales.' },
      {
        path: 'terminals.demo-terminal-1 (merged).idleWarningSeconds',
        message: 'Must be shorter than idleTimeoutSeconds.',
      },
    ]);
  });

  it('reports an unknown site and a missing setting', () => {
    const file = clone();
    file.terminals['t-2'] = { site: 'bahnhof' };
    delete (file.defaults as Record<string, unknown>)['hubUrl'];
    const result = validateFleetFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      path: 'terminals.t-2.site',
      message: 'Names the site "bahnhof", which the file does not define.',
    });
  });
});

describe('fleetWarnings', () => {
  it('names terminals that allow fewer files than the default: forms needing more are not started there', () => {
    const valid = validateFleetFile(example);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    expect(fleetWarnings(valid.terminals)).toEqual([]);

    const file = clone();
    const limits = { ...ATTACHMENT_DEFAULTS, maxCount: 3 };
    file.terminals['demo-terminal-1'] = {
      ...file.terminals['demo-terminal-1'],
      settings: { attachments: limits },
    } as never;
    const result = validateFleetFile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(fleetWarnings(result.terminals)).toEqual([
      {
        path: 'terminals.demo-terminal-1 (merged).attachments.maxCount',
        message: expect.stringMatching(
          /^Is 3, below the default 5: forms that require more photos and scans/,
        ),
      },
    ]);
  });
});

describe('kiosk-config.schema.json', () => {
  const committed = JSON.parse(readFileSync(join(dir, 'kiosk-config.schema.json'), 'utf8')) as unknown;

  it('is up to date with the zod schema (regenerate: npm run provider -- schema)', () => {
    expect(committed).toEqual(fleetJsonSchema());
  });

  it('accepts the example and refuses an unknown setting, as an editor would', () => {
    const validator = new Validator(committed as object, '2020-12', false);
    expect(validator.validate(example).valid).toBe(true);
    expect(validator.validate({ ...example, defaults: { ...example.defaults, colour: 1 } }).valid).toBe(
      false,
    );
  });
});
