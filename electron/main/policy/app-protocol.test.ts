import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, mimeTypeFor, resolveAppFile } from './app-protocol.js';

const root = '/opt/pop/resources/app.asar/dist/renderer';

function resolvedPath(url: string): string {
  const result = resolveAppFile(url, root);
  if (!result.ok) throw new Error(`expected ${url} to resolve, got ${result.reason}`);
  return result.filePath;
}

describe('resolveAppFile', () => {
  it('serves the kiosk page for the bare origin', () => {
    expect(resolvedPath('app://kiosk/')).toBe(join(root, 'kiosk/index.html'));
    expect(resolvedPath('app://kiosk')).toBe(join(root, 'kiosk/index.html'));
  });

  it('maps paths inside the renderer build and ignores query and fragment', () => {
    expect(resolvedPath('app://kiosk/kiosk/index.html?lang=de#/start')).toBe(join(root, 'kiosk/index.html'));
    expect(resolvedPath('app://kiosk/assets/index-B3x9.js')).toBe(join(root, 'assets/index-B3x9.js'));
    expect(resolvedPath('app://kiosk/kiosk/')).toBe(join(root, 'kiosk/index.html'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolvedPath('app://kiosk/assets/Rathaus%20Lindenau.png')).toBe(
      join(root, 'assets/Rathaus Lindenau.png'),
    );
  });

  it('decodes exactly once, so double-encoded dots stay a harmless literal name', () => {
    expect(resolvedPath('app://kiosk/%252e%252e/secret')).toBe(join(root, '%2e%2e/secret'));
  });

  it('keeps dot segments the URL parser resolved inside the root', () => {
    // The URL parser turns these into /secret before we see them: still inside the root.
    expect(resolvedPath('app://kiosk/assets/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolvedPath('app://kiosk/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc/passwd'));
  });

  it.each([
    ['encoded slash traversal', 'app://kiosk/assets/..%2f..%2f..%2fetc%2fpasswd'],
    ['upper-case encoded traversal', 'app://kiosk/assets/..%2F..%2Fsecret'],
    ['encoded backslash traversal', 'app://kiosk/assets/..%5c..%5csecret'],
    ['literal backslashes', 'app://kiosk/assets\\..\\..\\secret'],
    ['a Windows drive', 'app://kiosk/C:%5cWindows%5cwin.ini'],
    ['an encoded absolute path', 'app://kiosk/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://kiosk/kiosk/index.html%00.png'],
    ['a hidden file', 'app://kiosk/.env'],
    ['an empty segment', 'app://kiosk/assets//index.js'],
    ['malformed percent-encoding', 'app://kiosk/assets/%E0%A4%A.js'],
  ])('refuses %s', (_label, url) => {
    const result = resolveAppFile(url, root);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(400);
  });

  it.each([
    'app://kiosk.evil.example/kiosk/index.html',
    'app://evil@kiosk/kiosk/index.html',
    'app://clerk/index.html',
    'file:///etc/passwd',
    'https://example.org/kiosk/index.html',
  ])('does not serve %s', (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 404 });
  });

  it('never returns a path outside the root, whatever the input', () => {
    const attempts = ['..', '%2e%2e', '..%2f', '%2e%2e%2f', '..%5c', '%c0%ae%c0%ae', '....', '.%2e', '~'];
    for (const a of attempts) {
      for (const b of attempts) {
        const result = resolveAppFile(`app://kiosk/${a}/${b}/etc/passwd`, root);
        if (result.ok) expect(result.filePath.startsWith(`${root}/`)).toBe(true);
      }
    }
  });

  it('refuses a relative root, which would depend on the working directory', () => {
    expect(() => resolveAppFile('app://kiosk/', 'dist/renderer')).toThrow(/absolute/);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-B3x9.js', 'text/javascript; charset=utf-8'],
    ['assets/index-B3x9.CSS', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/attract.webm', 'video/webm'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['assets/blob.bin', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a secure standard origin without bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers');
  });
});
