import { renderToStaticMarkup } from 'react-dom/server';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Button } from './Button.js';
import { Field } from './Field.js';
import { Icon } from './Icon.js';
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

describe('Icon', () => {
  it('is a decorative inline SVG in the text colour, independent of the fonts installed', () => {
    const html = renderToStaticMarkup(<Icon name="phone" />);
    expect(html).toMatch(/^<svg[^>]*aria-hidden="true"/);
    expect(html).toContain('fill="currentColor"');
  });

  it('is used instead of emoji, which render as empty boxes without an emoji font', () => {
    // Emoji (and the symbols browsers draw as emoji) need an emoji font that kiosks often lack.
    const pictographs = /[\u{2600}-\u{27BF}\u{1F300}-\u{1FAFF}]/u;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.tsx') && !path.endsWith('.test.tsx')) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              if (pictographs.test(line)) offenders.push(`${path}:${index + 1}`);
            });
        }
      }
    };
    walk(join(import.meta.dirname, '..', '..'));
    expect(offenders).toEqual([]);
  });
});
