import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubInstallRoot } from './install-root.js';

describe('hubInstallRoot', () => {
  it('is the folder holding dist/, compiled or from the sources', () => {
    expect(hubInstallRoot(join('/opt', 'pop-hub', 'dist', 'hub'))).toBe(join('/opt', 'pop-hub'));
    expect(hubInstallRoot(join('/home', 'dev', 'point-of-public', 'hub'))).toBe(
      join('/home', 'dev', 'point-of-public'),
    );
  });

  it('is this checkout when run from it', () => {
    expect(hubInstallRoot()).toBe(join(import.meta.dirname, '..'));
  });
});
