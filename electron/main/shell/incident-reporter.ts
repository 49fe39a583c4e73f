import { API } from '../../../protocol/api.js';
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
export function createIncidentReporter(deps: IncidentReporterDeps): (facts: CrashLoopFacts) => void {
  return (facts) => {
    const report = ShellIncidentReport.parse({
      kind: 'crash-loop',
      consecutiveCrashes: facts.consecutiveCrashes,
      reason: /^[a-z-]{1,40}$/.test(facts.reason) ? facts.reason : 'unknown',
      exitCode: facts.exitCode,
      shellVersion: deps.shellVersion,
      occurredAt: deps.now().toISOString(),
    });
    const url = new URL(API.shellIncidents, deps.hubUrl);
    deps
      .fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${deps.terminalToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(10_000),
      })
      .then((response) => {
        if (response.ok)
          deps.log.info(`crash loop reported to the hub (${facts.consecutiveCrashes} crashes)`);
        else deps.log.warn(`the hub refused the crash-loop report: HTTP ${response.status}`);
      })
      .catch((error: unknown) => deps.log.warn(`cannot report the crash loop to the hub: ${String(error)}`));
  };
}
