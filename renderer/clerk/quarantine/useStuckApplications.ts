import { useCallback, useEffect, useState } from 'react';
import type { StuckApplication } from '../../../protocol/quarantine.js';
import { clerkApi } from '../api.js';

const REFRESH_MS = 30_000;

/**
 * The clerk's offices' applications stuck on terminals; refreshed every 30 s and on `reload()`,
 * quiet on failure.
 */
export function useStuckApplications(): { items: StuckApplication[]; reload: () => void } {
  const [items, setItems] = useState<StuckApplication[]>([]);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void clerkApi.stuckApplications().then(
        (next) => {
          if (!cancelled) setItems(next);
        },
        // The inbox reports the hub's trouble (and a 401) already; this panel keeps its last list.
        () => undefined,
      );
    load();
    const timer = window.setInterval(() => {
      if (!document.hidden) load();
    }, REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [round]);
  return { items, reload };
}
