import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellPaths } from './paths.js';

describe('shellPaths', () => {
  it('finds everything relative to the compiled main script, also inside app.asar', () => {
    expect(shellPaths('/opt/pop/resources/app.asar/dist/electron/main')).toEqual({
      rendererRoot: '/opt/pop/resources/app.asar/dist/renderer',
      preloadPath: '/opt/pop/resources/app.asar/dist/electron/preload/preload.cjs',
      demoConfigPath: '/opt/pop/resources/app.asar/demo/kiosk-config.json',
    });
  });

  it('points at the demo config that exists in this repository', () => {
    const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
    expect(existsSync(shellPaths(join(repoRoot, 'dist/electron/main')).demoConfigPath)).toBe(true);
  });
});
