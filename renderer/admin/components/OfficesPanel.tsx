import type { Office } from '../../../protocol/catalog.js';
import { Button } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

export interface OfficesPanelProps {
  t: AdminTexts;
  offices: Office[];
  busy: boolean;
  onNewKey: (officeId: string) => void;
}

export function OfficesPanel({ t, offices, busy, onNewKey }: OfficesPanelProps) {
  return (
    <section className="admin-panel" aria-labelledby="admin-offices">
      <h2 id="admin-offices">{t.offices.heading}</h2>
      {offices.map((office) => (
        <article key={office.id} className="admin-card" aria-labelledby={`office-${office.id}`}>
          <h3 id={`office-${office.id}`}>{office.name.de}</h3>
          <p>
            {office.address.street}, {office.address.postalCode} {office.address.city} · {office.phone} ·{' '}
            {office.email}
          </p>
          <ul aria-label={`${t.offices.key}: ${office.name.de}`}>
            {office.encryptionKeys.map((key) => (
              <li key={key.kid}>
                <code>{key.kid}</code> – {t.offices.status[key.status]}
              </li>
            ))}
          </ul>
          <Button busy={busy} onClick={() => onNewKey(office.id)}>
            {t.offices.newKey(office.name.de)}
          </Button>
        </article>
      ))}
    </section>
  );
}
