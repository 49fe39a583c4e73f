import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { createCallState, endCallWhenPageGoes, type KioskPageEvents } from './call-state.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('call state', () => {
  it('is off until the page begins a call, and logs only changes', () => {
    const lines: string[] = [];
    const state = createCallState({ ...quiet, info: (m) => lines.push(m) });
    expect(state.isActive()).toBe(false);
    state.set(true);
    state.set(true);
    expect(state.isActive()).toBe(true);
    state.set(false);
    expect(lines).toEqual([
      'call started: camera and microphone may be granted',
      'call ended: camera and microphone refused',
    ]);
  });

  it('ends with a reload, a navigation or a crash of the page, not with in-page routing or a subframe', () => {
    const contents = new EventEmitter();
    const state = createCallState(quiet);
    const stop = endCallWhenPageGoes(contents as unknown as KioskPageEvents, state);
    const navigate = (isMainFrame: boolean, isSameDocument: boolean) =>
      contents.emit('did-start-navigation', { isMainFrame, isSameDocument });

    state.set(true);
    navigate(true, true);
    navigate(false, false);
    expect(state.isActive()).toBe(true);
    navigate(true, false);
    expect(state.isActive()).toBe(false);

    state.set(true);
    contents.emit('render-process-gone');
    expect(state.isActive()).toBe(false);

    stop();
    expect(
      contents.listenerCount('did-start-navigation') + contents.listenerCount('render-process-gone'),
    ).toBe(0);
  });
});
