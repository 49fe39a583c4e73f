/**
 * The admin gesture: five taps in the top-left corner within three seconds. Hard to do by
 * accident, easy for a technician who knows it; the PIN behind it does the real protection.
 */
export const CORNER_TAPS = 5;
export const CORNER_WINDOW_MS = 3_000;
export const CORNER_SIZE_PX = 80;

export interface CornerGesture {
  /** Records a pointer-down; true when it completes the gesture (and starts over). */
  tap(x: number, y: number, at: number): boolean;
}

export function createCornerGesture(): CornerGesture {
  let taps: number[] = [];
  return {
    tap(x, y, at) {
      if (x > CORNER_SIZE_PX || y > CORNER_SIZE_PX) {
        taps = [];
        return false;
      }
      taps = [...taps.filter((t) => at - t < CORNER_WINDOW_MS), at];
      if (taps.length < CORNER_TAPS) return false;
      taps = [];
      return true;
    },
  };
}
