/**
 * What the heartbeat and "collect logs" report about this page: a ring buffer of warnings and
 * errors, the last error, and citizen sessions since the last acknowledged heartbeat.
 */
export class Telemetry {
  private readonly lines: string[] = [];
  private unsentSessions = 0;
  lastError: string | null = null;
  private readonly cleanup: (() => void)[] = [];

  constructor(private readonly maxLines = 500) {
    const onError = (event: ErrorEvent) => this.error(`error: ${event.message}`);
    const onRejection = (event: PromiseRejectionEvent) =>
      this.error(`unhandled rejection: ${String(event.reason)}`);
    const onSession = () => (this.unsentSessions += 1);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('pop:session-ended', onSession);
    this.cleanup.push(
      () => window.removeEventListener('error', onError),
      () => window.removeEventListener('unhandledrejection', onRejection),
      () => document.removeEventListener('pop:session-ended', onSession),
    );
  }

  log(line: string): void {
    this.lines.push(`${new Date().toISOString()} ${line}`);
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  error(line: string): void {
    this.lastError = line.slice(0, 500);
    this.log(line);
  }

  logs(): string {
    return this.lines.join('\n').slice(-200_000);
  }

  /** Sessions to report now; call `acknowledge` with the same number after the hub took them. */
  sessions(): number {
    return this.unsentSessions;
  }

  acknowledge(sessions: number): void {
    this.unsentSessions -= sessions;
  }

  stop(): void {
    for (const fn of this.cleanup) fn();
  }
}
