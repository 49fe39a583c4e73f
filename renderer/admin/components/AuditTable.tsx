import { useState } from 'react';
import type { AuditEntry } from '../../../protocol/admin.js';
import { contract } from '../../../protocol/routes/index.js';
import { Field, formatDateTime } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

/** Export links for what the filter shows: the hub writes the file (JSON lines or CSV). */
export function auditExportUrl(path: string, filter: { actor: string; action: string }): string {
  const query = new URLSearchParams({ limit: '10000' });
  if (filter.actor.trim()) query.set('actor', filter.actor.trim());
  if (filter.action.trim()) query.set('action', filter.action.trim());
  return `${path}?${query.toString()}`;
}

export function AuditTable({ t, entries }: { t: AdminTexts; entries: AuditEntry[] }) {
  const [filter, setFilter] = useState({ actor: '', action: '' });
  const shown = [...entries]
    .reverse()
    .filter(
      (entry) =>
        (!filter.actor.trim() || entry.actor === filter.actor.trim()) &&
        (!filter.action.trim() || entry.action === filter.action.trim()),
    );
  return (
    <section className="admin-panel" aria-labelledby="admin-audit">
      <h2 id="admin-audit">{t.audit.heading}</h2>
      <div className="admin-filter">
        <Field label={t.audit.filterActor}>
          {(p) => (
            <input
              {...p}
              className="pop-input"
              value={filter.actor}
              onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.audit.filterAction}>
          {(p) => (
            <input
              {...p}
              className="pop-input"
              value={filter.action}
              onChange={(e) => setFilter({ ...filter, action: e.target.value })}
            />
          )}
        </Field>
        <p className="admin-actions">
          <a
            className="admin-link"
            href={auditExportUrl(contract.admin.auditJsonLines.path, filter)}
            download="protokoll.jsonl"
          >
            {t.audit.exportJson}
          </a>
          <a
            className="admin-link"
            href={auditExportUrl(contract.admin.auditCsv.path, filter)}
            download="protokoll.csv"
          >
            {t.audit.exportCsv}
          </a>
        </p>
      </div>
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
          {shown.map((entry) => (
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
