import { useCallback, useEffect, useState } from 'react';
import type { FleetCommand, FleetOverview, FleetStats } from '../../../protocol/fleet.js';
import type { StuckApplication } from '../../../protocol/quarantine.js';
import { HttpError } from '../../shared/http.js';
import { fleetApi } from '../api.js';

export type FleetData =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | {
      status: 'ready';
      overview: FleetOverview;
      stats: FleetStats;
      commands: FleetCommand[];
      quarantine: StuckApplication[];
      stale: boolean;
    };

const REFRESH_MS = 10_000;

/** Loads the fleet and refreshes it every 10 s; a 401 means the provider must log in. */
export function useFleetData(): { data: FleetData; refresh: () => void; signedIn: () => void } {
  const [data, setData] = useState<FleetData>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      fleetApi.overview(),
      fleetApi.stats(),
      fleetApi.commands(),
      fleetApi.quarantine(),
    ]).then(
      ([overview, stats, commands, quarantine]) => {
        if (!cancelled) setData({ status: 'ready', overview, stats, commands, quarantine, stale: false });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof HttpError && error.status === 401) setData({ status: 'signed-out' });
        else setData((d) => (d.status === 'ready' ? { ...d, stale: true } : { status: 'signed-out' }));
      },
    );
    const timer = window.setTimeout(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [tick, refresh]);

  return { data, refresh, signedIn: refresh };
}
