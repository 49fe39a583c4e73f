import { describe, expect, it } from 'vitest';
import { createLogger, urlForLog, type LogSink } from './log.js';

describe('urlForLog', () => {
  it('keeps scheme, host and path', () => {
    expect(urlForLog('https://example.org/a/b?name=Erika%20Mustermann#x')).toBe('https://example.org/a/b');
    expect(urlForLog('app://kiosk/kiosk/index.html?q=1')).toBe('app://kiosk/kiosk/index.html');
  });

  it('drops credentials', () => {
    expect(urlForLog('https://user:secret@example.org/')).toBe('https://example.org/');
  });

  it('never logs the body of data:, javascript: or mailto: URLs', () => {
    expect(urlForLog('data:text/html,<h1>Steuer-ID 12345678901</h1>')).toBe('(data: URL)');
    expect(urlForLog('javascript:alert(document.cookie)')).toBe('(javascript: URL)');
    expect(urlForLog('mailto:amt@example.org?body=Ich%20bin')).toBe('(mailto: URL)');
    expect(urlForLog('::')).toBe('(unparseable URL)');
  });

  it('shortens very long paths', () => {
    const shown = urlForLog(`https://example.org/${'a'.repeat(500)}`);
    expect(shown.length).toBe(201);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('createLogger', () => {
  it('tags every line with its scope', () => {
    const lines: string[] = [];
    const sink: LogSink = {
      log: (line) => lines.push(`log ${line}`),
      warn: (line) => lines.push(`warn ${line}`),
      error: (line, cause) => lines.push(`error ${line}${cause === undefined ? '' : ` <${String(cause)}>`}`),
    };
    const log = createLogger('guard', sink);
    log.info('a');
    log.warn('b');
    log.error('c');
    log.error('d', new Error('boom'));
    expect(lines).toEqual([
      'log [pop-shell:guard] a',
      'warn [pop-shell:guard] b',
      'error [pop-shell:guard] c',
      'error [pop-shell:guard] d <Error: boom>',
    ]);
  });
});
