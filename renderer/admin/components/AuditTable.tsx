import type { AuditEntry } from '../../../protocol/admin.js';
import { formatDateTime } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

export function AuditTable({ t, entries }: { t: AdminTexts; entries: AuditEntry[] }) {
  return (
    <section className="admin-panel" aria-labelledby="admin-audit">
      <h2 id="admin-audit">{t.audit.heading}</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.audit.at}</th>
            <th scope="col">{t.audit.actor}</th>
            <th scope="col">{t.audit.action}</th>
            <th scope="col">{t.audit.target}</th>
          </tr>
        </thead>
        <tbody>
          {[...entries].reverse().map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.at)}</td>
              <td>{entry.actor}</td>
              <td>{entry.action}</td>
              <td>{entry.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
