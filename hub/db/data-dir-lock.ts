/**
 * SQLite serves one hub process. Two hubs on one data folder would each keep their own call,
 * fleet and rate-limit state and race through the migrations, so the second one refuses to start.
 * The claim is a lock file made with O_EXCL holding the owner's process id; a lock left by a hub
 * that was killed (its process is gone) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE_NAME = 'hub.lock';

export class DataDirBusy extends Error {}

export interface DataDirClaim {
  file: string;
  release(): void;
}

export function claimDataDir(
  dataDir: string,
  pid: number = process.pid,
  alive: (pid: number) => boolean = processAlive,
): DataDirClaim {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, `${JSON.stringify({ pid, since: new Date().toISOString() })}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (ownerOf(file) === pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(file);
      if (owner !== null && owner !== pid && alive(owner))
        throw new DataDirBusy(
          `another hub (process ${owner}) is using ${dir}: SQLite serves one hub process; stop it, or run several instances on PostgreSQL (--database-url)`,
        );
      // Left by a hub that is gone (or unreadable): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusy(`${file} keeps coming back: another hub is starting on ${dir}`);
}

function ownerOf(file: string): number | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
    return typeof parsed.pid === 'number' ? parsed.pid : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
