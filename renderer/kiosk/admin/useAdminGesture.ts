import { useEffect, useState } from 'react';
import { createCornerGesture } from './corner-gesture.js';

/** Whether the admin gesture was made; `close` hides the dialog again. Inactive: never opens. */
export function useAdminGesture(active: boolean): { open: boolean; close(): void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!active) return;
    const gesture = createCornerGesture();
    const onDown = (event: PointerEvent) => {
      if (gesture.tap(event.clientX, event.clientY, event.timeStamp)) setOpen(true);
    };
    window.addEventListener('pointerdown', onDown, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', onDown, { capture: true });
  }, [active]);
  return { open, close: () => setOpen(false) };
}
