/** Minutes since local midnight of "HH:MM" (already validated by the config schema). */
export function minutesOfDay(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether local time `at` lies in [start, end); a window whose end is before its start runs past midnight. */
export function isWithinDailyWindow(at: Date, start: string, end: string): boolean {
  const now = at.getHours() * 60 + at.getMinutes();
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (from === to) return true;
  return from < to ? now >= from && now < to : now >= from || now < to;
}
