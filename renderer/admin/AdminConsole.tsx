import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { AuditEntry, ClerkAccount, ClerkInvite } from '../../protocol/admin.js';
import type { TranslationCoverage } from '../../protocol/translations.js';
import type { Category, Office, Service } from '../../protocol/catalog.js';
import { FormDefinition } from '../../protocol/forms.js';
import { HttpError } from '../../protocol/routes/client.js';
import { Button, StatusMessage } from '../shared/ui/index.js';
import { adminApi } from './api.js';
import { AuditTable } from './components/AuditTable.js';
import { ClerksPanel } from './components/ClerksPanel.js';
import { MunicipalityPanel } from './components/MunicipalityPanel.js';
import { OfficesPanel } from './components/OfficesPanel.js';
import { TranslationsPanel } from './components/TranslationsPanel.js';
import { ServicesPanel } from './components/ServicesPanel.js';
import { officeFields, serviceFields, type OfficeDraft, type ServiceDraft } from './drafts.js';
import { makeOfficeKey, offerDownload } from './keys.js';
import type { AdminTexts } from './texts.js';

interface Data {
  municipality: string;
  offices: Office[];
  clerks: ClerkAccount[];
  categories: Category[];
  services: Service[];
  audit: AuditEntry[];
  coverage: TranslationCoverage | null;
}

const EMPTY: Data = {
  municipality: '',
  offices: [],
  clerks: [],
  categories: [],
  services: [],
  audit: [],
  coverage: null,
};
const SECTIONS = ['municipality', 'offices', 'clerks', 'services', 'translations', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

/** The hub's refusal in one line with every field it named, so the admin knows what to fix. */
export function refusalText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const named =
    error instanceof HttpError ? error.issues.map((issue) => `${issue.path}: ${issue.message}`) : [];
  const missing = named.filter((text) => !error.message.includes(text));
  return missing.length > 0 ? `${error.message} – ${missing.join('; ')}` : error.message;
}

/** Connects the panels to the hub: loads, acts, reloads; the panels only get props. */
export function AdminConsole({
  t,
  account,
  onLogout,
}: {
  t: AdminTexts;
  account: ClerkAccount;
  onLogout: () => void;
}) {
  const [data, setData] = useState<Data>(EMPTY);
  const [section, setSection] = useState<Section>('offices');
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    void Promise.all([
      adminApi.municipality(),
      adminApi.offices(),
      adminApi.clerks(),
      adminApi.categories(),
      adminApi.services(),
      adminApi.audit(),
      adminApi.translationCoverage(),
    ]).then(([municipality, offices, clerks, categories, services, audit, coverage]) =>
      setData({ municipality: municipality.name, offices, clerks, categories, services, audit, coverage }),
    );
  }, []);
  useEffect(reload, [reload]);

  /** Runs one change; resolves whether the hub took it (editors stay open on a refusal). */
  const act = (work: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    return work().then(
      (text) => {
        setBusy(false);
        setNotice({ tone: 'success', text });
        reload();
        return true;
      },
      (error: unknown) => {
        setBusy(false);
        setNotice({ tone: 'error', text: refusalText(error) });
        return false;
      },
    );
  };

  const newKeyPair = async (officeId: string) => {
    const today = new Date().toISOString().slice(0, 10);
    return makeOfficeKey(officeId, today, crypto.randomUUID().slice(0, 8));
  };

  const newKey = (officeId: string) => {
    setNotice({ tone: 'info', text: t.offices.making });
    void act(async () => {
      const pair = await newKeyPair(officeId);
      await adminApi.addKey(officeId, pair.publicJwk);
      offerDownload(`${pair.kid}.private.jwk.json`, pair.privateJwk);
      return t.offices.made(pair.kid);
    });
  };

  const createOffice = (draft: OfficeDraft) => {
    setNotice({ tone: 'info', text: t.offices.making });
    return act(async () => {
      const id = draft.id.trim();
      const pair = await newKeyPair(id);
      const office = await adminApi.createOffice({
        ...officeFields(draft),
        id,
        encryptionKey: { jwk: pair.publicJwk },
      });
      offerDownload(`${pair.kid}.private.jwk.json`, pair.privateJwk);
      return t.offices.created(office.name.de, pair.kid);
    });
  };

  const publishForm = (service: Service, file: File) =>
    void act(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(t.services.notJson(file.name));
      }
      const form = FormDefinition.safeParse(parsed);
      // The hub checks the form again and names what it refuses; this only catches a wrong file.
      if (!form.success) throw new Error(t.services.notJson(file.name));
      const published = await adminApi.publishForm(service.id, form.data);
      return t.services.published(published.id, published.version);
    });

  const invite = (clerk: ClerkInvite) =>
    void act(async () => {
      const invitation = await adminApi.invite(clerk);
      return t.clerks.invited(invitation.username, invitation.initialPassword);
    });

  const panels: Record<Section, () => ReactElement> = {
    municipality: () => (
      <MunicipalityPanel
        key={data.municipality}
        t={t}
        name={data.municipality}
        busy={busy}
        onSave={(name) =>
          void act(async () => {
            await adminApi.setMunicipality({ name });
            return t.municipality.saved;
          })
        }
      />
    ),
    offices: () => (
      <OfficesPanel
        t={t}
        offices={data.offices}
        busy={busy}
        onNewKey={newKey}
        onRemoveKey={(officeId, kid) =>
          void act(async () => {
            await adminApi.removeKey(officeId, kid);
            return t.offices.keyRemoved(kid);
          })
        }
        onCreate={createOffice}
        onUpdate={(office, draft) =>
          act(async () => {
            const saved = await adminApi.updateOffice(office.id, officeFields(draft, office));
            return t.offices.saved(saved.name.de);
          })
        }
      />
    ),
    clerks: () => (
      <ClerksPanel
        t={t}
        clerks={data.clerks}
        offices={data.offices}
        self={account.username}
        busy={busy}
        onInvite={invite}
        onDisable={(username) =>
          void act(async () => {
            await adminApi.disable(username);
            return `${username}: ${t.clerks.disabled}`;
          })
        }
        onEnable={(username) =>
          void act(async () => {
            await adminApi.enable(username);
            return `${username}: ${t.clerks.enabled}`;
          })
        }
        onReset={(username) =>
          void act(async () => {
            const invitation = await adminApi.resetPassword(username);
            return t.clerks.resetDone(username, invitation.initialPassword);
          })
        }
      />
    ),
    services: () => (
      <ServicesPanel
        t={t}
        services={data.services}
        offices={data.offices}
        categories={data.categories}
        busy={busy}
        now={() => new Date().toISOString()}
        onSave={(id, draft: ServiceDraft) =>
          act(async () => {
            const saved = await adminApi.putService(id, serviceFields(draft));
            return t.services.saved(saved.name.de);
          })
        }
        onWithdraw={(service) =>
          void act(async () => {
            await adminApi.withdrawService(service.id);
            return t.services.withdrawn(service.name.de);
          })
        }
        onPublishForm={publishForm}
        onWithdrawForm={(formId) =>
          void act(async () => {
            await adminApi.withdrawForm(formId);
            return t.services.formWithdrawn(formId);
          })
        }
      />
    ),
    translations: () => <TranslationsPanel t={t} coverage={data.coverage} />,
    audit: () => <AuditTable t={t} entries={data.audit} />,
  };

  return (
    <>
      <header className="admin-header">
        <span className="admin-header__brand">{t.brand}</span>
        <span className="admin-header__app">
          {t.title}
          {data.municipality && ` · ${data.municipality}`}
        </span>
        <span>{account.displayName}</span>
        <Button onClick={onLogout}>{t.logout}</Button>
      </header>
      <nav className="admin-nav" aria-label={t.tabs.label}>
        {SECTIONS.map((name) => (
          <Button
            key={name}
            aria-current={name === section ? 'page' : undefined}
            className={name === section ? 'admin-nav__current' : undefined}
            onClick={() => {
              setSection(name);
              setNotice(null);
            }}
          >
            {t.tabs[name]}
          </Button>
        ))}
      </nav>
      <main className="admin-main">
        <h1 className="pop-visually-hidden">{t.title}</h1>
        {notice && (
          <StatusMessage tone={notice.tone} className="admin-notice">
            {notice.text}
          </StatusMessage>
        )}
        {panels[section]()}
      </main>
    </>
  );
}
