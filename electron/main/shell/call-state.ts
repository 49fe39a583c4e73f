import type { Logger } from '../log.js';

/**
 * Whether the page has a video call on. The permission handler consults it: camera and
 * microphone are granted only in between bridge.beginCall and bridge.endCall. A page reload, a
 * crash or the end of a citizen's session ends the call, whatever the page said before.
 */
export interface CallState {
  isActive(): boolean;
  set(active: boolean): void;
}

export function createCallState(log: Logger): CallState {
  let active = false;
  return {
    isActive: () => active,
    set: (next) => {
      if (next === active) return;
      active = next;
      log.info(
        next
          ? 'call started: camera and microphone may be granted'
          : 'call ended: camera and microphone refused',
      );
    },
  };
}
