import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../i18n/texts.js';
import { lengthNotice } from './length-notice.js';
import { LengthNote } from './LengthNote.js';

describe('lengthNotice', () => {
  it('says nothing far from the limit or without one', () => {
    expect(lengthNotice(10, 100)).toBeNull();
    expect(lengthNotice(79, 100)).toBeNull();
    expect(lengthNotice(500, undefined)).toBeNull();
  });

  it('counts from four fifths of the limit and says when it is reached', () => {
    expect(lengthNotice(80, 100)).toEqual({ kind: 'count', used: 80, max: 100 });
    expect(lengthNotice(100, 100)).toEqual({ kind: 'full', max: 100 });
    expect(lengthNotice(1000, 1000)).toEqual({ kind: 'full', max: 1000 });
  });
});

describe('LengthNote', () => {
  it('is a live region that names the limit once the text is cut', () => {
    const html = renderToStaticMarkup(<LengthNote t={TEXTS.de} value={'x'.repeat(100)} max={100} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('Höchstens 100 Zeichen');
    expect(renderToStaticMarkup(<LengthNote t={TEXTS.de} value={'x'.repeat(90)} max={100} />)).toContain(
      '90 von 100 Zeichen',
    );
  });
});
