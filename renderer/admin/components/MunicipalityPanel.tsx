import { useState, type FormEvent } from 'react';
import { Button, Field } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

/** Holds what is typed; the console remounts it (key) when the saved name changes. */
export interface MunicipalityPanelProps {
  t: AdminTexts;
  name: string;
  busy: boolean;
  onSave: (name: string) => void;
}

export function MunicipalityPanel({ t, name, busy, onSave }: MunicipalityPanelProps) {
  const [value, setValue] = useState(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value.trim());
  };
  return (
    <section className="admin-panel" aria-labelledby="admin-municipality">
      <h2 id="admin-municipality">{t.municipality.heading}</h2>
      <form className="admin-form" onSubmit={submit}>
        <Field label={t.municipality.name}>
          {(p) => (
            <input {...p} className="pop-input" value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </Field>
        <Button variant="primary" type="submit" busy={busy}>
          {t.municipality.save}
        </Button>
      </form>
    </section>
  );
}
