import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha512OfFile } from './file-hash.js';

const dir = mkdtempSync(join(tmpdir(), 'pop-file-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sha512OfFile', () => {
  it('gives the base64 SHA-512 that latest*.yml carries, over the whole file', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    const file = join(dir, 'pop.AppImage');
    writeFileSync(file, bytes);
    expect(await sha512OfFile(file)).toBe(createHash('sha512').update(bytes).digest('base64'));
  });

  it('rejects for a missing file', async () => {
    await expect(sha512OfFile(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
