import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The hub's systemd unit, checked by systemd itself (Debian's systemd-analyze; .ci/run installs
 * it): the unit is valid, and its exposure score stays at or below the one recorded in
 * docs/operations.md.
 */
const unit = join(import.meta.dirname, '../build/hub/pop-hub.service');
const RECORDED_EXPOSURE = 1.1;

const analyze = (...args: string[]) => spawnSync('systemd-analyze', args, { encoding: 'utf8' });

describe('build/hub/pop-hub.service', () => {
  it('passes systemd-analyze verify without a word', () => {
    const run = analyze('verify', unit);
    expect(run.error, 'systemd-analyze is missing: apt-get install systemd').toBeUndefined();
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it(`has an exposure level of at most ${RECORDED_EXPOSURE} (systemd-analyze security)`, () => {
    const run = analyze('security', '--offline=yes', '--no-pager', unit);
    const level = /Overall exposure level for pop-hub\.service: ([\d.]+)/.exec(run.stdout)?.[1];
    expect(level, run.stdout + run.stderr).toBeDefined();
    expect(Number(level)).toBeLessThanOrEqual(RECORDED_EXPOSURE);
  });
});
