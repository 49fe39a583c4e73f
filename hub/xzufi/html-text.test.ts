import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, htmlToItems, htmlToText } from './html-text.js';

describe('XZuFi HTML to plain structured text', () => {
  it('keeps paragraphs, lists and line breaks as text structure', () => {
    const html =
      '<p>Sie m&uuml;ssen sich <strong>innerhalb von zwei Wochen</strong> anmelden.</p>' +
      '<ul><li>Personalausweis</li><li>Wohnungsgeberbest&auml;tigung</li></ul>' +
      '<p>Zeile eins<br/>Zeile zwei</p><ol><li>Termin</li><li>Vorsprache</li></ol>';
    expect(htmlToText(html)).toBe(
      'Sie müssen sich innerhalb von zwei Wochen anmelden.\n\n' +
        '• Personalausweis\n• Wohnungsgeberbestätigung\n\n' +
        'Zeile eins\nZeile zwei\n\n1. Termin\n2. Vorsprache',
    );
  });

  it('drops scripts, styles, event handlers and unsafe links; keeps safe link addresses', () => {
    const html =
      '<p onclick="alert(1)">Text<script>alert("x")</script><style>p{}</style>' +
      '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">hier</a> ' +
      '<a href="https://www.lindenau.example/formulare">Formulare</a></p><!-- <b>Notiz</b> -->';
    const text = htmlToText(html);
    expect(text).toBe('Text hier Formulare (https://www.lindenau.example/formulare)');
    expect(text).not.toMatch(/[<>]|alert|javascript/);
  });

  it('decodes character references and refuses those beyond Unicode', () => {
    expect(decodeHtmlEntities('&sect; 17 BMG &ndash; &#8364; &#x20AC; &#x110000; &unknown;')).toBe(
      '§ 17 BMG – € €  &unknown;',
    );
  });

  it('collapses whitespace and empty blocks', () => {
    expect(htmlToText('  <div>\n\n <p>  a \n b </p><p></p><div> </div></div>c ')).toBe('a b\n\nc');
  });

  it('reads list items as separate texts, paragraphs when there is no list', () => {
    expect(htmlToItems('<ul><li>Pass</li><li>Foto <em>biometrisch</em></li></ul>')).toEqual([
      'Pass',
      'Foto biometrisch',
    ]);
    expect(htmlToItems('<p>Eins</p><p>Zwei</p>')).toEqual(['Eins', 'Zwei']);
    expect(htmlToItems('')).toEqual([]);
  });
});
