import type { WebContents } from 'electron';
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

/** The kiosk window's webContents, or a fake EventEmitter in tests. */
export type KioskPageEvents = Pick<WebContents, 'on' | 'off'>;

/**
 * A reloaded, navigated or crashed page has no call any more, whatever it said before: the
 * camera permission ends with it. In-page navigation (the kiosk's own routing) and subframes
 * keep the call. Returns the unsubscribe function.
 */
export function endCallWhenPageGoes(
  contents: KioskPageEvents,
  callState: Pick<CallState, 'set'>,
): () => void {
  const onNavigation = (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
    if (details.isMainFrame && !details.isSameDocument) callState.set(false);
  };
  const onGone = () => callState.set(false);
  contents.on('did-start-navigation', onNavigation);
  contents.on('render-process-gone', onGone);
  return () => {
    contents.off('did-start-navigation', onNavigation);
    contents.off('render-process-gone', onGone);
  };
}
