import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../../protocol/calls.js';
import { reconnectDelayMs } from './signaling-client.js';

describe('reconnectDelayMs', () => {
  it('comes back at once (within 250 ms) when the hub instance restarts, however many tries came before', () => {
    for (const attempt of [0, 3, 10]) {
      expect(reconnectDelayMs(CLOSE.serviceRestart, attempt, () => 0.999)).toBeLessThan(250);
      expect(reconnectDelayMs(CLOSE.serviceRestart, attempt, () => 0)).toBe(0);
    }
  });

  it('backs off with full jitter after other drops, up to 4 s', () => {
    expect(reconnectDelayMs(1006, 0, () => 0)).toBe(125);
    expect(reconnectDelayMs(1006, 0, () => 1)).toBe(250);
    expect(reconnectDelayMs(1006, 4, () => 0)).toBe(2000);
    expect(reconnectDelayMs(null, 99, () => 1)).toBe(4000);
  });
});
