import type { AlertNotice } from './policy.js';

/** One line per notice for mail subjects, mail bodies and logs: ids and counts only. */
export function summarize(notice: AlertNotice): string {
  const { subject: s, count } = notice;
  const firing = notice.status === 'firing';
  switch (notice.kind) {
    case 'terminal_silent':
      return firing
        ? `terminal ${s.terminal} silent: no heartbeat for ${count} min`
        : `terminal ${s.terminal} reports again`;
    case 'quarantine':
      return firing
        ? `terminal ${s.terminal} holds ${count} application(s) in quarantine`
        : `terminal ${s.terminal} quarantine back within the threshold`;
    case 'delivery_failed': {
      const where = s.office !== undefined ? `office ${s.office}` : `terminal ${s.terminal}`;
      const label =
        s.source === 'unfetched'
          ? 'application(s) not taken up in time'
          : s.source === 'upload_stalled'
            ? 'attachment upload(s) stalled'
            : `failed deliveries (${s.source})`;
      return firing ? `${where}: ${count} ${label}` : `${where}: ${s.source} delivery recovered`;
    }
    case 'release_reverted':
      return firing
        ? `release ${s.release} reverted by ${count} terminal(s)`
        : `release ${s.release} revert alert closed (a newer release is published)`;
  }
}

export function mailSubject(notices: readonly AlertNotice[]): string {
  const first = notices[0];
  if (!first) return '[Point of Public] no alerts';
  const tag = (n: AlertNotice) => (n.status === 'firing' ? 'ALERT' : 'RECOVERED');
  if (notices.length === 1) return `[Point of Public] ${tag(first)} ${summarize(first)}`;
  const firing = notices.filter((n) => n.status === 'firing').length;
  return `[Point of Public] ${firing} alert(s), ${notices.length - firing} recovery notice(s)`;
}

export function mailBody(notices: readonly AlertNotice[], hubName: string): string {
  const lines = notices.map(
    (n) =>
      `${n.status === 'firing' ? 'ALERT    ' : 'RECOVERED'} ${summarize(n)}  (key ${n.key}, since ${n.since})`,
  );
  return `${lines.join('\n')}\n\nSent by the Point of Public hub ${hubName} at ${notices[0]?.at ?? ''}.\n`;
}
