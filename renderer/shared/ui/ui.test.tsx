import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button } from './Button.js';
import { Field } from './Field.js';
import { StatusMessage } from './StatusMessage.js';

describe('Button', () => {
  it('is a plain button unless told otherwise', () => {
    const html = renderToStaticMarkup(<Button>Weiter</Button>);
    expect(html).toContain('type="button"');
    expect(html).toContain('pop-button--secondary');
  });

  it('stays focusable while busy and keeps its name', () => {
    const html = renderToStaticMarkup(
      <Button type="submit" variant="primary" size="large" busy>
        Anmelden
      </Button>,
    );
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toMatch(/\sdisabled=/);
    expect(html).toContain('pop-button--large');
    expect(html).toMatch(/aria-hidden="true"><\/span><\/span>Anmelden<\/button>$/);
  });
});

describe('Field', () => {
  it('labels the control and points it at help and error', () => {
    const html = renderToStaticMarkup(
      <Field label="Passwort" help="Mindestens 8 Zeichen" error="Bitte geben Sie Ihr Passwort ein.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const id = /<input id="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<label class="pop-field__label" for="${id}">Passwort</label>`);
    expect(html).toContain(`aria-describedby="${id}-error ${id}-help"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(`id="${id}-error"`);
  });

  it('leaves out describedby and invalid when there is nothing to say', () => {
    const html = renderToStaticMarkup(<Field label="Name">{(control) => <input {...control} />}</Field>);
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('aria-invalid');
  });
});

describe('StatusMessage', () => {
  it('uses role alert for errors and status otherwise', () => {
    expect(renderToStaticMarkup(<StatusMessage tone="error">Fehler</StatusMessage>)).toContain(
      'role="alert"',
    );
    expect(renderToStaticMarkup(<StatusMessage>Gespeichert</StatusMessage>)).toContain('role="status"');
  });
});
