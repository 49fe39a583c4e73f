import { describe, expect, it } from 'vitest';
import { AudioOnlyPolicy, qualityBetween, type StatsSample } from './quality.js';

const sample = (over: Partial<StatsSample>): StatsSample => ({
  at: 0,
  rtt: 0.05,
  packetsReceived: 0,
  packetsLost: 0,
  framesDecoded: 0,
  localCandidateType: 'host',
  remoteCandidateType: 'host',
  bytesReceived: 0,
  ...over,
});

describe('call quality from getStats samples', () => {
  it('is good on a clean line and reports round trip, loss and frame rate', () => {
    const q = qualityBetween(
      sample({ at: 0, packetsReceived: 1000, framesDecoded: 100 }),
      sample({ at: 2000, packetsReceived: 1400, framesDecoded: 130, rtt: 0.04 }),
    );
    expect(q).toEqual({ level: 'good', rttMs: 40, lossPercent: 0, fps: 15 });
  });

  it('is fair with a slow round trip or a few lost packets, poor with many', () => {
    const before = sample({ at: 0, packetsReceived: 1000, framesDecoded: 100 });
    expect(
      qualityBetween(before, sample({ at: 2000, packetsReceived: 1400, framesDecoded: 130, rtt: 0.4 })).level,
    ).toBe('fair');
    expect(
      qualityBetween(
        before,
        sample({ at: 2000, packetsReceived: 1376, packetsLost: 24, framesDecoded: 130 }),
      ),
    ).toMatchObject({ level: 'fair', lossPercent: 6 });
    expect(
      qualityBetween(
        before,
        sample({ at: 2000, packetsReceived: 1300, packetsLost: 100, framesDecoded: 130 }),
      ).level,
    ).toBe('poor');
  });

  it('switches to audio only after a run of poor samples and back only after a run of good ones', () => {
    const policy = new AudioOnlyPolicy(3, 5);
    expect([policy.update('poor'), policy.update('poor'), policy.update('fair')]).toEqual([
      false,
      false,
      false,
    ]);
    expect([policy.update('poor'), policy.update('poor'), policy.update('poor')]).toEqual([
      false,
      false,
      true,
    ]);
    expect(policy.audioOnly).toBe(true);
    for (let i = 0; i < 4; i++) expect(policy.update('good')).toBe(false);
    expect(policy.update('good')).toBe(true);
    expect(policy.audioOnly).toBe(false);
  });

  it('ignores the missing frames while the call is audio only, so the line can count as good again', () => {
    const before = sample({ at: 0, packetsReceived: 1000, framesDecoded: 100 });
    const audioOnly = sample({ at: 2000, packetsReceived: 1100, framesDecoded: 100, rtt: 0.05 });
    expect(qualityBetween(before, audioOnly).level).toBe('fair');
    expect(qualityBetween(before, audioOnly, false)).toEqual({
      level: 'good',
      rttMs: 50,
      lossPercent: 0,
      fps: 0,
    });
    const weak = sample({ at: 2000, packetsReceived: 1100, framesDecoded: 100, rtt: 0.7 });
    expect(qualityBetween(before, weak, false).level).toBe('poor');
  });
});
