import { describe, expect, it } from 'vitest';
import {
  estimateWaitSeconds,
  hoursOn,
  isWithinHours,
  nextSlots,
  PeerMessage,
  TerminalToHub,
} from './calls.js';

const hours = [
  { day: 'mon', from: '09:00', to: '12:00' },
  { day: 'tue', from: '14:00', to: '15:00' },
] as const;

describe('video hours', () => {
  // 2026-11-23 is a Monday.
  it('knows whether the video service is open at a local time', () => {
    expect(isWithinHours([...hours], new Date(2026, 10, 23, 9, 0))).toBe(true);
    expect(isWithinHours([...hours], new Date(2026, 10, 23, 11, 59))).toBe(true);
    expect(isWithinHours([...hours], new Date(2026, 10, 23, 12, 0))).toBe(false);
    expect(isWithinHours([...hours], new Date(2026, 10, 24, 10, 0))).toBe(false);
    expect(hoursOn([...hours], new Date(2026, 10, 24, 8, 0))).toEqual([
      { day: 'tue', from: '14:00', to: '15:00' },
    ]);
  });

  it('offers appointment slots inside the hours, at least half an hour ahead', () => {
    expect(nextSlots([...hours], new Date(2026, 10, 23, 11, 0), 4)).toEqual([
      '2026-11-23T11:40',
      '2026-11-24T14:00',
      '2026-11-24T14:20',
      '2026-11-24T14:40',
    ]);
    expect(nextSlots([], new Date(2026, 10, 23, 11, 0), 4)).toEqual([]);
  });
});

describe('wait estimate', () => {
  const base = { averageCallSeconds: 300, averagePickupSeconds: 20 };
  it('is unknown without clerks, the pick-up time while clerks are free, rounds of calls otherwise', () => {
    expect(estimateWaitSeconds({ ...base, position: 1, clerksAvailable: 0, clerksBusy: 0 })).toBeNull();
    expect(estimateWaitSeconds({ ...base, position: 2, clerksAvailable: 2, clerksBusy: 0 })).toBe(20);
    expect(estimateWaitSeconds({ ...base, position: 1, clerksAvailable: 0, clerksBusy: 2 })).toBe(320);
    expect(estimateWaitSeconds({ ...base, position: 3, clerksAvailable: 0, clerksBusy: 2 })).toBe(620);
  });
});

describe('message schemas', () => {
  it('refuse what does not belong on the wire', () => {
    expect(
      TerminalToHub.safeParse({
        type: 'call.request',
        callId: 'x',
        officeId: 'a',
        serviceId: null,
        locale: 'de',
      }).success,
    ).toBe(false);
    expect(
      TerminalToHub.safeParse({ type: 'signal', callId: crypto.randomUUID(), generation: -1, data: {} })
        .success,
    ).toBe(false);
    expect(PeerMessage.safeParse({ kind: 'chat', id: '1', text: '' }).success).toBe(false);
    expect(PeerMessage.safeParse({ kind: 'chat', id: '1', text: 'Hallo' }).success).toBe(true);
  });
});
