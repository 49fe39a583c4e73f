import { useState, type FormEvent } from 'react';
import type { ClerkAccount, ClerkInvite, ClerkRole } from '../../../protocol/admin.js';
import type { Office } from '../../../protocol/catalog.js';
import { Button, Field } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

export interface ClerksPanelProps {
  t: AdminTexts;
  clerks: ClerkAccount[];
  offices: Office[];
  /** The admin's own username: no button to disable oneself. */
  self: string;
  busy: boolean;
  onInvite: (invite: ClerkInvite) => void;
  onDisable: (username: string) => void;
  onEnable: (username: string) => void;
  onReset: (username: string) => void;
}

export function ClerksPanel({
  t,
  clerks,
  offices,
  self,
  busy,
  onInvite,
  onDisable,
  onEnable,
  onReset,
}: ClerksPanelProps) {
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ClerkRole>('clerk');
  const [officeId, setOfficeId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = officeId || offices[0]?.id;
    onInvite({
      username: username.trim(),
      displayName: name.trim(),
      role,
      officeIds: role === 'clerk' && chosen ? [chosen] : [],
    });
  };
  return (
    <section className="admin-panel" aria-labelledby="admin-clerks">
      <h2 id="admin-clerks">{t.clerks.heading}</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.clerks.username}</th>
            <th scope="col">{t.clerks.name}</th>
            <th scope="col">{t.clerks.role}</th>
            <th scope="col">{t.clerks.offices}</th>
            <th scope="col">{t.clerks.state}</th>
          </tr>
        </thead>
        <tbody>
          {clerks.map((clerk) => (
            <tr key={clerk.username}>
              <td>{clerk.username}</td>
              <td>{clerk.displayName}</td>
              <td>{t.clerks.roles[clerk.role]}</td>
              <td>{clerk.officeIds.join(', ')}</td>
              <td>
                {clerk.disabled ? t.clerks.disabled : t.clerks.active}{' '}
                {clerk.username !== self &&
                  (clerk.disabled ? (
                    <Button busy={busy} onClick={() => onEnable(clerk.username)}>
                      {t.clerks.enable(clerk.username)}
                    </Button>
                  ) : (
                    <Button variant="danger" busy={busy} onClick={() => onDisable(clerk.username)}>
                      {t.clerks.disable(clerk.username)}
                    </Button>
                  ))}{' '}
                {clerk.username !== self && (
                  <Button busy={busy} onClick={() => onReset(clerk.username)}>
                    {t.clerks.reset(clerk.username)}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={submit} aria-labelledby="admin-invite">
        <h3 id="admin-invite">{t.clerks.inviteHeading}</h3>
        <Field label={t.clerks.username}>
          {(p) => (
            <input
              {...p}
              className="pop-input"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.clerks.name}>
          {(p) => (
            <input {...p} className="pop-input" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t.clerks.role}>
          {(p) => (
            <select
              {...p}
              className="pop-input"
              value={role}
              onChange={(e) => setRole(e.target.value as ClerkRole)}
            >
              <option value="clerk">{t.clerks.roles.clerk}</option>
              <option value="admin">{t.clerks.roles.admin}</option>
            </select>
          )}
        </Field>
        {role === 'clerk' && (
          <Field label={t.clerks.offices}>
            {(p) => (
              <select
                {...p}
                className="pop-input"
                value={officeId}
                onChange={(e) => setOfficeId(e.target.value)}
              >
                {offices.map((office) => (
                  <option key={office.id} value={office.id}>
                    {office.name.de}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Button variant="primary" type="submit" busy={busy}>
          {t.clerks.invite}
        </Button>
      </form>
    </section>
  );
}
