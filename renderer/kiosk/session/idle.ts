import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel'] as const;

export interface IdleState {
  /** Seconds left before the reset, while the warning shows; null otherwise. */
  secondsLeft: number | null;
  /** The citizen asked for more time. */
  extend(): void;
}

/**
 * Counts inactivity while a citizen session is active. After `timeoutSeconds - warningSeconds`
 * a warning with a countdown shows (no time limit without warning, WCAG 2.2.1); at the end
 * `onTimeout` wipes the session. Any touch or key press restarts the count.
 */
export function useIdleTimeout(
  active: boolean,
  timeoutSeconds: number,
  warningSeconds: number,
  onTimeout: () => void,
): IdleState {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(0); // set when the session becomes active
  const timeoutRef = useRef(onTimeout);
  useEffect(() => {
    timeoutRef.current = onTimeout;
  }, [onTimeout]);

  const extend = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    const tick = setInterval(() => {
      const idleSeconds = (Date.now() - lastActivity.current) / 1000;
      const left = Math.ceil(timeoutSeconds - idleSeconds);
      if (left <= 0) {
        setSecondsLeft(null);
        timeoutRef.current();
      } else if (left <= warningSeconds) {
        setSecondsLeft(left);
      } else {
        setSecondsLeft(null);
      }
    }, 250);
    return () => {
      clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      setSecondsLeft(null);
    };
  }, [active, timeoutSeconds, warningSeconds]);

  return { secondsLeft: active ? secondsLeft : null, extend };
}
