import { useState } from 'react';
import type { Category, Office, Service } from '../../../protocol/catalog.js';
import { Button } from '../../shared/ui/index.js';
import { newServiceDraft, serviceDraft, type ServiceDraft } from '../drafts.js';
import type { AdminTexts } from '../texts.js';
import { ServiceEditor } from './ServiceEditor.js';

export interface ServicesPanelProps {
  t: AdminTexts;
  services: Service[];
  offices: Office[];
  categories: Category[];
  busy: boolean;
  now: () => string;
  /** Resolves true when the hub took it, so the editor closes; on a refusal it stays open. */
  onSave: (id: string, draft: ServiceDraft) => Promise<boolean>;
  onWithdraw: (service: Service) => void;
  onPublishForm: (service: Service, file: File) => void;
  onWithdrawForm: (formId: string) => void;
}

/** The municipality's services with their forms: edit beside the kiosk preview, publish, withdraw. */
export function ServicesPanel({
  t,
  services,
  offices,
  categories,
  busy,
  now,
  onSave,
  onWithdraw,
  onPublishForm,
  onWithdrawForm,
}: ServicesPanelProps) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const editor = (initial: ServiceDraft, creating: boolean) => (
    <ServiceEditor
      key={creating ? 'new' : initial.id}
      t={t}
      initial={initial}
      creating={creating}
      offices={offices}
      categories={categories}
      busy={busy}
      now={now()}
      onSave={(draft) =>
        void onSave(creating ? draft.id.trim() : initial.id, draft).then((ok) => ok && setEditing(null))
      }
      onCancel={() => setEditing(null)}
    />
  );
  return (
    <section className="admin-panel" aria-labelledby="admin-services">
      <h2 id="admin-services">{t.services.heading}</h2>
      {services.map((service) =>
        editing === service.id ? (
          editor(serviceDraft(service), false)
        ) : (
          <article key={service.id} className="admin-card" aria-labelledby={`service-${service.id}`}>
            <h3 id={`service-${service.id}`}>{service.name.de}</h3>
            <p>
              <code>{service.leikaKey}</code> ·{' '}
              {offices.find((o) => o.id === service.officeId)?.name.de ?? service.officeId} ·{' '}
              {t.services.form}: {service.formId ?? t.services.noForm}
            </p>
            <div className="admin-actions">
              <Button onClick={() => setEditing(service.id)}>{t.services.edit(service.name.de)}</Button>
              <label className="pop-button pop-button--secondary pop-button--medium admin-file">
                {t.services.publish(service.name.de)}
                <input
                  type="file"
                  accept="application/json,.json"
                  className="pop-visually-hidden"
                  disabled={busy}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) onPublishForm(service, file);
                  }}
                />
              </label>
              {service.formId && (
                <Button variant="danger" busy={busy} onClick={() => onWithdrawForm(service.formId ?? '')}>
                  {t.services.withdrawForm(service.formId)}
                </Button>
              )}
              <Button variant="danger" busy={busy} onClick={() => onWithdraw(service)}>
                {t.services.withdraw(service.name.de)}
              </Button>
            </div>
          </article>
        ),
      )}
      {editing === 'new' ? (
        editor(newServiceDraft(offices[0]?.id ?? '', categories[0]?.id ?? ''), true)
      ) : (
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t.services.create}
        </Button>
      )}
    </section>
  );
}
