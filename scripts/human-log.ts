/**
 * The hub logs JSON lines (pino) for the service journal; `npm start` shows them to a person as
 * one short line each: time, level, message, and the remaining fields as key=value.
 */

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
/** Fields every line has, or that the line already shows in its own place. */
const SHOWN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);

/** One pino JSON line as a human line; anything that is not a JSON object is passed on as it is. */
export function humanLogLine(line: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return line;
  const fields = entry as Record<string, unknown>;
  const time = typeof fields['time'] === 'number' ? clock(new Date(fields['time'])) : '--:--:--';
  const level = (LEVELS[Number(fields['level'])] ?? String(fields['level'] ?? '')).padEnd(5);
  const rest = Object.entries(fields)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${show(value)}`);
  return [time, level, String(fields['msg'] ?? ''), ...rest].join(' ').trimEnd();
}

function clock(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function show(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) || value === '' ? JSON.stringify(value) : value;
  if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string')
    return JSON.stringify(value.message);
  return JSON.stringify(value);
}
