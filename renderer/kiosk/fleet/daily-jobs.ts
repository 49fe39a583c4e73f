import type { ShellKind } from '../../../protocol/bridge.js';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import { nextMaintenanceRestartAt, nextOccurrence } from '../../../kiosk-config/fleet/schedule.js';
import { configTimeZone } from './terminal-policy.js';

/** A page younger than this does not reload for maintenance again (a reload inside the window). */
export const MIN_PAGE_AGE_BEFORE_RELOAD_MS = 2 * 60 * 60 * 1000;

export type DailyJob = { kind: 'full-wipe' | 'maintenance-reload'; at: Date };

/**
 * The next of the config's daily jobs the page runs itself: the full wipe at `wipe.fullWipeAt`,
 * and in Chromium mode the maintenance reload (in Electron the main process restarts the whole
 * shell in the window instead). Null when the config asks for neither.
 */
export function nextDailyJob(
  config: Pick<KioskConfig, 'wipe' | 'maintenance'>,
  shell: ShellKind,
  now: Date,
  pageStartedAt: Date,
): DailyJob | null {
  const jobs: DailyJob[] = [];
  const zone = configTimeZone(config);
  if (config.wipe?.fullWipeAt)
    jobs.push({ kind: 'full-wipe', at: nextOccurrence(now, zone, config.wipe.fullWipeAt) });
  if (config.maintenance && shell === 'browser')
    jobs.push({
      kind: 'maintenance-reload',
      at: nextMaintenanceRestartAt(now, pageStartedAt, config.maintenance, MIN_PAGE_AGE_BEFORE_RELOAD_MS),
    });
  jobs.sort((a, b) => a.at.getTime() - b.at.getTime());
  return jobs[0] ?? null;
}

export interface DailyJobDeps {
  config: Pick<KioskConfig, 'wipe' | 'maintenance'>;
  shell: ShellKind;
  now: () => Date;
  /** No citizen is using the terminal (attract screen): a job never interrupts one. */
  isIdle: () => boolean;
  /** Wipes every citizen trace and the shell's partition (the same as after every session). */
  wipeCitizen: () => Promise<void>;
  reload: () => void;
  log: (message: string) => void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const IDLE_RETRY_MS = 15_000;

/**
 * Runs the daily jobs: waits for the next one, then for a moment without a citizen, then wipes
 * and reloads (a reload also starts the page from fresh memory). Returns a stop function.
 */
export function startDailyJobs(deps: DailyJobDeps): () => void {
  const startedAt = deps.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const later = (task: () => void, ms: number) => {
    if (!stopped) timer = setTimeout(task, Math.min(Math.max(0, ms), MAX_TIMER_MS));
  };
  const run = (job: DailyJob) => {
    if (!deps.isIdle()) {
      later(() => run(job), IDLE_RETRY_MS);
      return;
    }
    deps.log(`daily job ${job.kind} due at ${job.at.toISOString()}: running now`);
    void deps
      .wipeCitizen()
      .catch((error: unknown) => deps.log(`the wipe before ${job.kind} was incomplete: ${String(error)}`))
      .finally(() => deps.reload());
  };
  const arm = () => {
    const job = nextDailyJob(deps.config, deps.shell, deps.now(), startedAt);
    if (!job) return;
    const delay = job.at.getTime() - deps.now().getTime();
    if (delay > MAX_TIMER_MS) later(arm, MAX_TIMER_MS);
    else later(() => run(job), delay);
  };
  arm();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
  };
}
