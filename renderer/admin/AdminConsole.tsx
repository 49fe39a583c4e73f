import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, ClerkAccount, ClerkInvite } from '../../protocol/admin.js';
import type { Office } from '../../protocol/catalog.js';
import { Button, StatusMessage } from '../shared/ui/index.js';
import { adminApi } from './api.js';
import { AuditTable } from './components/AuditTable.js';
import { ClerksPanel } from './components/ClerksPanel.js';
import { OfficesPanel } from './components/OfficesPanel.js';
import { makeOfficeKey, offerDownload } from './keys.js';
import type { AdminTexts } from './texts.js';

interface Data {
  offices: Office[];
  clerks: ClerkAccount[];
  audit: AuditEntry[];
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
  const [data, setData] = useState<Data>({ offices: [], clerks: [], audit: [] });
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    void Promise.all([adminApi.offices(), adminApi.clerks(), adminApi.audit()]).then(
      ([offices, clerks, audit]) => setData({ offices, clerks, audit }),
    );
  }, []);
  useEffect(reload, [reload]);

  const act = (work: () => Promise<string>) => {
    setBusy(true);
    work().then(
      (text) => {
        setBusy(false);
        setNotice({ tone: 'success', text });
        reload();
      },
      (error: unknown) => {
        setBusy(false);
        setNotice({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  const newKey = (officeId: string) => {
    setNotice({ tone: 'info', text: t.offices.making });
    act(async () => {
      const today = new Date().toISOString().slice(0, 10);
      const random = crypto.randomUUID().slice(0, 8);
      const pair = await makeOfficeKey(officeId, today, random);
      await adminApi.addKey(officeId, pair.publicJwk);
      offerDownload(`${pair.kid}.private.jwk.json`, pair.privateJwk);
      return t.offices.made(pair.kid);
    });
  };

  const invite = (clerk: ClerkInvite) =>
    act(async () => {
      const invitation = await adminApi.invite(clerk);
      return t.clerks.invited(invitation.username, invitation.initialPassword);
    });

  return (
    <>
      <header className="admin-header">
        <span className="admin-header__brand">{t.brand}</span>
        <span className="admin-header__app">{t.title}</span>
        <span>{account.displayName}</span>
        <Button onClick={onLogout}>{t.logout}</Button>
      </header>
      <main className="admin-main">
        <h1 className="pop-visually-hidden">{t.title}</h1>
        {notice && (
          <StatusMessage tone={notice.tone} className="admin-notice">
            {notice.text}
          </StatusMessage>
        )}
        <OfficesPanel t={t} offices={data.offices} busy={busy} onNewKey={newKey} />
        <ClerksPanel
          t={t}
          clerks={data.clerks}
          offices={data.offices}
          self={account.username}
          busy={busy}
          onInvite={invite}
          onDisable={(username) =>
            act(async () => {
              await adminApi.disable(username);
              return `${username}: ${t.clerks.disabled}`;
            })
          }
        />
        <AuditTable t={t} entries={data.audit} />
      </main>
    </>
  );
}
