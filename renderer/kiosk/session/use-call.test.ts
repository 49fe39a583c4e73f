import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallRequestSender } from '../call/request-sender.js';
import type { Connectivity } from '../sync/engine.js';
import { renderHook, settle } from '../testing/render-hook.js';
import { officeOfScreen, useSessionCall } from './use-call.js';

afterEach(() => vi.useRealTimers());

const maintenance = {
  timezone: 'Europe/Berlin',
  window: { days: ['sun' as const], from: '02:00', to: '05:00' },
  restartAt: null,
};
const config = {
  video: { enabled: true, hours: [{ days: ['mon' as const], from: '09:00', to: '12:00' }] },
  maintenance,
};

describe('useSessionCall', () => {
  it('offers the call within the video hours, follows the clock, and keeps a running call', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T10:58:00Z') }); // Monday 11:58 in Berlin
    const hook = await renderHook(() => useSessionCall(undefined, 'offline', config), {});
    expect(hook.current.offered).toBe(true);
    await settle(() => vi.advanceTimersByTime(120_000)); // 12:00: the hours are over
    expect(hook.current.offered).toBe(false);
    await settle(() => hook.current.onActiveChange(true));
    expect(hook.current).toMatchObject({ active: true, offered: true });
    await hook.unmount();
  });

  it('sends waiting call requests as soon as the hub is reachable', async () => {
    const requests = { kick: vi.fn() } as unknown as CallRequestSender;
    const hook = await renderHook((p: { net: Connectivity }) => useSessionCall(requests, p.net, {}), {
      net: 'offline',
    });
    expect(requests.kick).not.toHaveBeenCalled();
    await hook.rerender({ net: 'online' });
    expect(requests.kick).toHaveBeenCalledWith(true);
    await hook.unmount();
  });
});

describe('officeOfScreen', () => {
  const services = [{ id: 'parken', officeId: 'buergerbuero' }];
  it('is the form’s office, else the service’s, else none', () => {
    expect(officeOfScreen({ name: 'form', serviceId: 'parken' }, services, 'ordnungsamt')).toBe(
      'ordnungsamt',
    );
    expect(officeOfScreen({ name: 'service', serviceId: 'parken' }, services, undefined)).toBe(
      'buergerbuero',
    );
    expect(officeOfScreen({ name: 'catalog' }, services, undefined)).toBeNull();
  });
});
