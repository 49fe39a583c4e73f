/**
 * The shell logs to stdout/stderr, which systemd's journal (or the Windows service wrapper)
 * collects. Lines start with a fixed tag so they can be told apart from Chromium's own output.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export interface LogSink {
  log(line: string): void;
  warn(line: string): void;
  error(line: string, cause?: unknown): void;
}

export function createLogger(scope: string, sink: LogSink = console): Logger {
  const tag = `[pop-shell:${scope}]`;
  return {
    info: (message) => sink.log(`${tag} ${message}`),
    warn: (message) => sink.warn(`${tag} ${message}`),
    error: (message, cause) =>
      cause === undefined ? sink.error(`${tag} ${message}`) : sink.error(`${tag} ${message}`, cause),
  };
}

const LOGGED_URL_MAX = 200;

/**
 * A URL as it may appear in the log: scheme, host and path only. Queries and fragments can carry
 * what a citizen typed, and data:/javascript: URLs carry whole documents, so those are cut off.
 */
export function urlForLog(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(unparseable URL)';
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'app:', 'file:'].includes(url.protocol))
    return `(${url.protocol} URL)`;
  const shown = `${url.protocol}//${url.host}${url.pathname}`;
  return shown.length > LOGGED_URL_MAX ? `${shown.slice(0, LOGGED_URL_MAX)}…` : shown;
}
