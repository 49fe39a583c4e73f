import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDataDir, DataDirBusy, LOCK_FILE_NAME } from './data-dir-lock.js';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pop-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('claimDataDir', () => {
  it('lets one hub process claim a data folder and refuses a second with one clear line', () => {
    const dir = fresh();
    const first = claimDataDir(dir, 1001, () => true);
    expect(() => claimDataDir(dir, 1002, () => true)).toThrow(DataDirBusy);
    expect(() => claimDataDir(dir, 1002, () => true)).toThrow(
      /^another hub \(process 1001\) is using .*: SQLite serves one hub process; stop it, or run several instances on PostgreSQL \(--database-url\)$/,
    );
    first.release();
    const second = claimDataDir(dir, 1002, () => true);
    expect(JSON.parse(readFileSync(second.file, 'utf8'))).toMatchObject({ pid: 1002 });
  });

  it('takes over the lock of a hub that was killed', () => {
    const dir = fresh();
    claimDataDir(dir, 1001, () => true); // never released: the process died
    const claim = claimDataDir(dir, 1002, (pid) => pid !== 1001);
    expect(JSON.parse(readFileSync(claim.file, 'utf8'))).toMatchObject({ pid: 1002 });
  });

  it('takes over an unreadable lock file, and releases only its own', () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE_NAME), 'garbage');
    const claim = claimDataDir(dir, 1003, () => true);
    writeFileSync(claim.file, JSON.stringify({ pid: 4242 }));
    claim.release();
    expect(JSON.parse(readFileSync(claim.file, 'utf8'))).toEqual({ pid: 4242 });
  });
});
