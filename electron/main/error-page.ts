import { APP_ORIGIN } from './policy/app-origin.js';
import type { ShellFile } from './shell/app-protocol-handler.js';

/**
 * The page a terminal shows when it cannot start the kiosk (for now: an unusable config). It is
 * served by the shell itself on reserved paths of the app origin, under the same CSP as the
 * kiosk, so it needs no inline style and no script. Citizens read the first lines; the technician
 * reads the details below them.
 */
export const SHELL_PAGE_PREFIX = '/_shell/';
export const CONFIG_ERROR_PATH = `${SHELL_PAGE_PREFIX}config-error.html`;
export const SHELL_STYLES_PATH = `${SHELL_PAGE_PREFIX}shell.css`;
export const CONFIG_ERROR_URL = `${APP_ORIGIN}${CONFIG_ERROR_PATH}`;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface ConfigErrorPageInput {
  problems: readonly string[];
  /** The file the shell tried to read, if it got that far. */
  configPath: string | null;
}

export function renderConfigErrorPage(input: ConfigErrorPageInput): string {
  const problems = input.problems.map((problem) => `        <li>${escapeHtml(problem)}</li>`).join('\n');
  const file =
    input.configPath === null
      ? ''
      : `\n      <p>Konfigurationsdatei / Config file: <code>${escapeHtml(input.configPath)}</code></p>`;
  return `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <title>Terminal nicht verfügbar – Terminal unavailable</title>
    <link rel="stylesheet" href="${SHELL_STYLES_PATH}" />
  </head>
  <body>
    <main>
      <h1>Dieses Terminal ist gerade nicht verfügbar.</h1>
      <p lang="en">This terminal is currently unavailable.</p>
      <p>Bitte wenden Sie sich an das Rathaus. / Please contact the town hall.</p>
      <section aria-labelledby="details">
        <h2 id="details">Details für die Technik / Details for the technician</h2>${file}
        <ul>
${problems}
        </ul>
        <p>Nach dem Beheben das Terminal neu starten. / Restart the terminal after fixing this.</p>
      </section>
    </main>
  </body>
</html>
`;
}

export const SHELL_STYLES = `:root {
  color-scheme: light;
  font-family: system-ui, sans-serif;
  background: #ffffff;
  color: #1a1a1a;
}
main {
  max-width: 60rem;
  margin: 10vh auto;
  padding: 0 2rem;
}
h1 {
  font-size: 2.5rem;
}
p {
  font-size: 1.5rem;
}
section {
  margin-top: 4rem;
  font-size: 1rem;
  color: #444444;
}
section p,
section li {
  font-size: 1rem;
}
code {
  overflow-wrap: anywhere;
}
`;

/** The files the shell serves itself: the styles always, the error page only when there is an error. */
export function shellFiles(configError: ConfigErrorPageInput | null): Map<string, ShellFile> {
  const files = new Map<string, ShellFile>([
    [SHELL_STYLES_PATH, { body: SHELL_STYLES, mimeType: 'text/css; charset=utf-8' }],
  ]);
  if (configError !== null) {
    files.set(CONFIG_ERROR_PATH, {
      body: renderConfigErrorPage(configError),
      mimeType: 'text/html; charset=utf-8',
    });
  }
  return files;
}
