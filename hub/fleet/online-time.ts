/** One heartbeat as online-time accounting sees it. */
export interface Beat {
  atMs: number;
  heartbeatSeconds: number;
}

/** Two heartbeats further apart than this many intervals mean the terminal was down between them. */
export const ONLINE_GAP_FACTOR = 2.5;

/**
 * Online seconds per UTC day from heartbeats, continuing from the last heartbeat already counted
 * (`previousMs`, from the database). A gap counts when the terminal was up throughout (closer
 * than 2.5 intervals) and is measured in whole-second boundaries crossed, so the total of a run
 * is its length however the heartbeats were split over hub instances and flushes. Heartbeats not
 * after `previousMs` were counted by whoever wrote it and add nothing.
 */
export function countOnline(
  previousMs: number | undefined,
  beats: readonly Beat[],
): { byDay: Map<string, number>; lastMs: number | undefined } {
  const byDay = new Map<string, number>();
  let last = previousMs;
  for (const beat of [...beats].sort((a, b) => a.atMs - b.atMs)) {
    if (last !== undefined && beat.atMs <= last) continue;
    if (last !== undefined && beat.atMs - last <= beat.heartbeatSeconds * ONLINE_GAP_FACTOR * 1000) {
      const seconds = Math.floor(beat.atMs / 1000) - Math.floor(last / 1000);
      const day = new Date(beat.atMs).toISOString().slice(0, 10);
      if (seconds > 0) byDay.set(day, (byDay.get(day) ?? 0) + seconds);
    }
    last = beat.atMs;
  }
  return { byDay, lastMs: last };
}
