import { describe, expect, it } from 'vitest';
import { CORNER_TAPS, CORNER_WINDOW_MS, createCornerGesture } from './corner-gesture.js';

describe('corner gesture', () => {
  it('completes with five quick taps in the corner', () => {
    const gesture = createCornerGesture();
    const results = Array.from({ length: CORNER_TAPS }, (_, i) => gesture.tap(10, 10, i * 200));
    expect(results).toEqual([false, false, false, false, true]);
  });

  it('starts over after a tap elsewhere or a pause', () => {
    const gesture = createCornerGesture();
    for (let i = 0; i < 4; i += 1) gesture.tap(10, 10, i * 100);
    expect(gesture.tap(500, 500, 450)).toBe(false);
    expect(gesture.tap(10, 10, 500)).toBe(false);
    const slow = createCornerGesture();
    const answers = Array.from({ length: 6 }, (_, i) => slow.tap(5, 5, i * (CORNER_WINDOW_MS / 4 + 1)));
    expect(answers.every((done) => !done)).toBe(true);
  });
});
