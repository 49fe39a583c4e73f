import { describe, expect, it } from 'vitest';
import { splitStill, StillAssembler } from './still-chunks.js';

describe('still chunks', () => {
  it('split a data URL and reassemble it in any order, once complete', () => {
    const dataUrl = `data:image/jpeg;base64,${'A'.repeat(40_000)}`;
    const chunks = splitStill(dataUrl);
    expect(chunks.map((c) => c.count)).toEqual([3, 3, 3]);
    const [first, second, third] = chunks;
    if (!first || !second || !third) throw new Error('expected three chunks');
    const assembler = new StillAssembler();
    expect(assembler.add('s1', third)).toBeNull();
    expect(assembler.add('s1', first)).toBeNull();
    expect(assembler.add('s1', second)).toBe(dataUrl);
  });

  it('ignore a chunk that does not fit the still it claims to belong to', () => {
    const assembler = new StillAssembler();
    expect(assembler.add('s1', { index: 0, count: 2, data: 'a' })).toBeNull();
    expect(assembler.add('s1', { index: 1, count: 3, data: 'b' })).toBeNull();
    expect(assembler.add('s1', { index: 5, count: 2, data: 'c' })).toBeNull();
    expect(assembler.add('s1', { index: 1, count: 2, data: 'd' })).toBe('ad');
  });
});
