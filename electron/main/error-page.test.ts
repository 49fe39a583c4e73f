import { describe, expect, it } from 'vitest';
import { CONFIG_ERROR_URL, escapeHtml, renderConfigErrorPage, shellFiles } from './error-page.js';

describe('renderConfigErrorPage', () => {
  it('tells citizens the terminal is unavailable and technicians why', () => {
    const html = renderConfigErrorPage({
      problems: ['hubUrl: hubUrl must be an http(s) URL', 'idleTimeoutSeconds: Too small'],
      configPath: '/etc/point-of-public/kiosk-config.json',
    });
    expect(html).toContain('Dieses Terminal ist gerade nicht verfügbar.');
    expect(html).toContain('<li>hubUrl: hubUrl must be an http(s) URL</li>');
    expect(html).toContain('<li>idleTimeoutSeconds: Too small</li>');
    expect(html).toContain('<code>/etc/point-of-public/kiosk-config.json</code>');
  });

  it('contains no script and no inline style, so the kiosk CSP applies unchanged', () => {
    const html = renderConfigErrorPage({ problems: ['x'], configPath: null });
    expect(html).not.toMatch(/<script|<style|style=/i);
    expect(html).toContain('<link rel="stylesheet" href="/_shell/shell.css" />');
  });

  it('escapes what it did not write itself', () => {
    const html = renderConfigErrorPage({
      problems: ['<img src=x onerror=alert(1)>'],
      configPath: '/tmp/"><script>alert(1)</script>',
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('omits the file line when there is no file', () => {
    expect(renderConfigErrorPage({ problems: ['x'], configPath: null })).not.toContain('Config file');
  });

  it('lives on the app origin', () => {
    expect(CONFIG_ERROR_URL).toBe('app://kiosk/_shell/config-error.html');
  });
});

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('shellFiles', () => {
  it('serves the styles always and the error page only when there is an error', () => {
    expect([...shellFiles(null).keys()]).toEqual(['/_shell/shell.css']);
    const files = shellFiles({ problems: ['terminalId: Too small'], configPath: null });
    expect([...files.keys()].sort()).toEqual(['/_shell/config-error.html', '/_shell/shell.css']);
    expect(files.get('/_shell/config-error.html')?.body).toContain('<li>terminalId: Too small</li>');
    expect(files.get('/_shell/config-error.html')?.mimeType).toBe('text/html; charset=utf-8');
  });
});
