import { useState } from 'react';
import type { Office } from '../../../protocol/catalog.js';
import { Button } from '../../shared/ui/index.js';
import { newOfficeDraft, officeDraft, type OfficeDraft } from '../drafts.js';
import type { AdminTexts } from '../texts.js';
import { OfficeEditor } from './OfficeEditor.js';

export interface OfficesPanelProps {
  t: AdminTexts;
  offices: Office[];
  busy: boolean;
  onNewKey: (officeId: string) => void;
  onRemoveKey: (officeId: string, kid: string) => void;
  /** Resolves true when the hub took it, so the editor closes; on a refusal it stays open. */
  onCreate: (draft: OfficeDraft) => Promise<boolean>;
  onUpdate: (office: Office, draft: OfficeDraft) => Promise<boolean>;
}

export function OfficesPanel({
  t,
  offices,
  busy,
  onNewKey,
  onRemoveKey,
  onCreate,
  onUpdate,
}: OfficesPanelProps) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const close = (saved: boolean) => {
    if (saved) setEditing(null);
  };
  return (
    <section className="admin-panel" aria-labelledby="admin-offices">
      <h2 id="admin-offices">{t.offices.heading}</h2>
      {offices.map((office) =>
        editing === office.id ? (
          <OfficeEditor
            key={office.id}
            t={t}
            initial={officeDraft(office)}
            creating={false}
            busy={busy}
            onSave={(draft) => void onUpdate(office, draft).then(close)}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <article key={office.id} className="admin-card" aria-labelledby={`office-${office.id}`}>
            <h3 id={`office-${office.id}`}>{office.name.de}</h3>
            <p>
              {office.address.street}, {office.address.postalCode} {office.address.city} · {office.phone} ·{' '}
              {office.email}
            </p>
            <ul aria-label={`${t.offices.key}: ${office.name.de}`}>
              {office.encryptionKeys.map((key) => (
                <li key={key.kid}>
                  <code>{key.kid}</code> – {t.offices.status[key.status]}{' '}
                  {key.status === 'retired' && (
                    <Button variant="danger" busy={busy} onClick={() => onRemoveKey(office.id, key.kid)}>
                      {t.offices.removeKey(key.kid)}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            <div className="admin-actions">
              <Button busy={busy} onClick={() => onNewKey(office.id)}>
                {t.offices.newKey(office.name.de)}
              </Button>
              <Button onClick={() => setEditing(office.id)}>{t.offices.edit(office.name.de)}</Button>
            </div>
          </article>
        ),
      )}
      {editing === 'new' ? (
        <OfficeEditor
          t={t}
          initial={newOfficeDraft()}
          creating
          busy={busy}
          onSave={(draft) => void onCreate(draft).then(close)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t.offices.create}
        </Button>
      )}
    </section>
  );
}
