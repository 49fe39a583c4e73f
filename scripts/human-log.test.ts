import { describe, expect, it } from 'vitest';
import { humanLogLine } from './human-log.js';

describe('humanLogLine', () => {
  const at = new Date(2026, 11, 1, 9, 5, 7).getTime();

  it('shows time, level and message, then the other fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      pid: 4,
      hostname: 'h',
      msg: 'hub listening',
      url: 'http://127.0.0.1:8080',
    });
    expect(humanLogLine(line)).toBe('09:05:07 INFO  hub listening url=http://127.0.0.1:8080');
  });

  it('quotes values with spaces and shows an error by its message', () => {
    const line = JSON.stringify({
      level: 50,
      time: at,
      msg: 'delivery failed',
      office: 'Bürgerbüro Lindenau',
      err: { type: 'Error', message: 'connect refused', stack: 'Error: …' },
    });
    expect(humanLogLine(line)).toBe(
      '09:05:07 ERROR delivery failed office="Bürgerbüro Lindenau" err="connect refused"',
    );
  });

  it('passes on what is not a JSON object', () => {
    expect(humanLogLine('plain text')).toBe('plain text');
    expect(humanLogLine('[1,2]')).toBe('[1,2]');
  });
});
