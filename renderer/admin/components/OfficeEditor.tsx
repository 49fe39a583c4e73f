import { useState, type FormEvent } from 'react';
import { Button, Field } from '../../shared/ui/index.js';
import type { OfficeDraft } from '../drafts.js';
import type { AdminTexts } from '../texts.js';
import { HoursEditor } from './HoursEditor.js';

export interface OfficeEditorProps {
  t: AdminTexts;
  initial: OfficeDraft;
  /** A new office asks for its id; an existing one keeps it. */
  creating: boolean;
  busy: boolean;
  onSave: (draft: OfficeDraft) => void;
  onCancel: () => void;
}

type TextKey = 'id' | 'name' | 'street' | 'postalCode' | 'city' | 'phone' | 'email';

export function OfficeEditor({ t, initial, creating, busy, onSave, onCancel }: OfficeEditorProps) {
  const [draft, setDraft] = useState(initial);
  const text = (key: TextKey, type = 'text', autoComplete?: string) => (
    <Field label={t.offices[key]}>
      {(p) => (
        <input
          {...p}
          className="pop-input"
          type={type}
          autoComplete={autoComplete ?? 'off'}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  const heading = creating ? t.offices.createHeading : t.offices.editHeading(initial.name);
  return (
    <form className="admin-form admin-form--wide" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      {creating && text('id')}
      {text('name')}
      {text('street')}
      {text('postalCode')}
      {text('city')}
      {text('phone', 'tel')}
      {text('email', 'email')}
      <HoursEditor
        t={t}
        legend={t.offices.openingHours}
        hours={draft.openingHours}
        onChange={(openingHours) => setDraft({ ...draft, openingHours })}
      />
      <HoursEditor
        t={t}
        legend={t.offices.videoHours}
        hours={draft.videoHours}
        onChange={(videoHours) => setDraft({ ...draft, videoHours })}
      />
      {creating && <p className="admin-hint">{t.offices.createKeyNote}</p>}
      <div className="admin-actions">
        <Button variant="primary" type="submit" busy={busy}>
          {creating ? t.offices.create : t.offices.save}
        </Button>
        <Button onClick={onCancel}>{t.offices.cancel}</Button>
      </div>
    </form>
  );
}
