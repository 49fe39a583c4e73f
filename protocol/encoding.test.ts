import { describe, expect, it } from 'vitest';
import { canonicalJson, decodeBase64Url, fromBase64Url, toBase64Url } from './encoding.js';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every level', () => {
    const a = { b: 1, a: { d: [{ y: 1, x: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [{ x: 2, y: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[{"x":2,"y":1}]},"b":1}');
  });

  it('keeps array order, because order in an array carries meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('tells different values apart', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('base64url', () => {
  it('agrees with Node for every length and byte value, without padding', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64Url(all)).toBe(Buffer.from(all).toString('base64url'));
  });

  it('refuses padding, the standard alphabet and impossible lengths', () => {
    for (const bad of ['AA==', 'a+b/', 'abcde', 'ab cd']) {
      expect(fromBase64Url(bad)).toBeNull();
      expect(() => decodeBase64Url(bad)).toThrow('not base64url');
    }
  });
});
