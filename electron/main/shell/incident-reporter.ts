import { ApiClient, HttpError } from '../../../protocol/routes/client.js';
import { contract } from '../../../protocol/routes/index.js';
import { ShellIncidentReport } from '../../../protocol/shell-incident.js';
import type { Logger } from '../log.js';
import type { CrashLoopFacts } from './crash-recovery.js';

export interface IncidentReporterDeps {
  hubUrl: string;
  terminalToken: string;
  shellVersion: string;
  now: () => Date;
  fetch: typeof fetch;
  log: Logger;
}

/**
 * Tells the hub about a crash loop. Best effort: the hub may be unreachable (the reason the page
 * crashes may be the same reason), so a failure is logged and forgotten, never retried in a loop.
 */
export function createIncidentReporter(deps: IncidentReporterDeps): (facts: CrashLoopFacts) => Promise<void> {
  const hub = new ApiClient({
    baseUrl: deps.hubUrl,
    token: () => deps.terminalToken,
    timeoutMs: 10_000,
    fetch: deps.fetch,
  });
  return async (facts) => {
    const report = ShellIncidentReport.parse({
      kind: 'crash-loop',
      consecutiveCrashes: facts.consecutiveCrashes,
      reason: /^[a-z-]{1,40}$/.test(facts.reason) ? facts.reason : 'unknown',
      exitCode: facts.exitCode,
      shellVersion: deps.shellVersion,
      occurredAt: deps.now().toISOString(),
    });
    try {
      await hub.call(contract.submissions.shellIncident, { body: report });
      deps.log.info(`crash loop reported to the hub (${facts.consecutiveCrashes} crashes)`);
    } catch (error) {
      if (error instanceof HttpError && !error.unreachable)
        deps.log.warn(`the hub refused the crash-loop report: HTTP ${error.status}`);
      else deps.log.warn(`cannot report the crash loop to the hub: ${String(error)}`);
    }
  };
}
