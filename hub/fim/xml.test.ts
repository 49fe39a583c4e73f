import { describe, expect, it } from 'vitest';
import { childText, parseXml } from './xml.js';

describe('parseXml', () => {
  it('reads elements, prefixed names, attributes, entities and CDATA', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><x:a xmlns:x="urn:t" k='v &amp; w'><x:b>1 &lt; 2 &#13;&#x41;</x:b><x:c><![CDATA[<raw> & ]]></x:c><x:d/></x:a>`,
    );
    expect(root.local).toBe('a');
    expect(root.name).toBe('x:a');
    expect(root.attributes['k']).toBe('v & w');
    expect(childText(root, 'b')).toBe('1 < 2 \rA'.trim());
    expect(childText(root, 'c')).toBe('<raw> &');
    expect(root.children.map((c) => c.local)).toEqual(['b', 'c', 'd']);
  });

  it('refuses DOCTYPE (no entity expansion), unknown entities and broken nesting', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(/DOCTYPE/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/unknown entity/);
    expect(() => parseXml('<a><b></a>')).toThrow(/unexpected <\/a>/);
    expect(() => parseXml('<a>')).toThrow(/never closed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
  });
});
