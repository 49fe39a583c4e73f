import { execFileSync } from 'node:child_process';

/**
 * A power cut of the terminal: SIGKILL to every process of this browser profile, no unload, no
 * IndexedDB close. Returns once the kernel has reaped them, as a real power cut would have.
 */
export function cutPower(profile: string): void {
  const match = `user-data-dir=${profile}`; // no leading dashes: pkill would read it as an option
  run('pkill', ['-KILL', '-f', match]);
  for (let i = 0; i < 200 && run('pgrep', ['-f', match]); i++) execFileSync('sleep', ['0.05']);
}

/** True when the command exited 0 (pkill/pgrep: something matched). */
function run(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
