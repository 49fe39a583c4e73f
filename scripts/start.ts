/**
 * `npm start`: the whole system on this machine. Starts the hub with --demo (embedded SQLite with demo data)
 * and the kiosk — in Electron when its binary is present, otherwise in Chromium's app/kiosk mode —
 * and prints the clerk console's address with the demo login. `--hub-only` starts just the hub.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEMO_CLERK_USERNAME, demoClerkPassword, demoProviderToken } from '../demo/demo-credentials.js';
import { demoPrivateKeyPath } from '../demo/demo-keys.js';
import { chromiumFlags, findChromium, kioskChromiumFlags, prepareKioskProfile } from './chromium.js';
import { electronBinary } from './electron-binary.js';
import { humanLogLine } from './human-log.js';
import { demoKioskConfig, kioskUrl } from './kiosk-url.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'hub-only': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env['POP_PORT'] ?? '8080' },
    'data-dir': { type: 'string', default: process.env['POP_DATA_DIR'] ?? join(root, '.data/hub') },
    fullscreen: { type: 'boolean', default: false },
  },
});

// The hub logs JSON for the journal; a person at the terminal reads short lines instead.
const jsonLogs = process.env['POP_LOG_FORMAT'] === 'json';
const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const hub = spawn(
  process.execPath,
  // The demo switch: this command is the demo, a hub started on its own is not.
  [join(root, 'dist/hub/main.js'), '--demo', '--port', values.port, '--data-dir', values['data-dir']],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
children.push(hub);
hub.on('exit', (code) => {
  console.log(`hub stopped (exit code ${code ?? 'signal'})`);
  stopAll();
  process.exitCode = code ?? 0;
});

const hubUrl = await new Promise<string>((resolveUrl) => {
  createInterface({ input: hub.stdout }).on('line', (line) => {
    console.log(jsonLogs ? line : humanLogLine(line));
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'hub listening' && entry.url) resolveUrl(entry.url);
    } catch {
      // not a log line of ours; already printed
    }
  });
});

console.log('');
console.log(`Hub:            ${hubUrl}  (data: ${values['data-dir']})`);
console.log(`Clerk console:  ${hubUrl}/clerk/  login: ${DEMO_CLERK_USERNAME} / ${demoClerkPassword()}`);
console.log(`Fleet console:  ${hubUrl}/fleet/  provider token: ${demoProviderToken()}`);
console.log(
  `Office key:     applications are end-to-end encrypted; import ${demoPrivateKeyPath('buergerbuero')}`,
);
console.log('                once in the clerk console (any passphrase of 10+ characters) to read them.');

if (!values['hub-only']) startKiosk(hubUrl);
console.log('Stop with Ctrl+C.');

function startKiosk(url: string): void {
  const config = demoKioskConfig(url);
  const profile = join(root, '.data');
  mkdirSync(profile, { recursive: true });
  const electron = electronBinary();
  if (electron.available) {
    const configPath = join(profile, 'kiosk-config.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    console.log(`Kiosk:          Electron (${electron.executablePath}), config ${configPath}`);
    children.push(
      spawn(electron.executablePath, [join(root, 'dist/electron/main/main.js'), '--config', configPath], {
        stdio: 'inherit',
      }),
    );
    return;
  }
  const chromium = findChromium();
  const address = kioskUrl(url, config);
  if (!chromium || (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'])) {
    const why = chromium
      ? 'there is no display (DISPLAY is not set)'
      : "no Chromium was found (install Debian's chromium)";
    console.log(`Kiosk:          not opened: Electron cannot start (${electron.detail}) and ${why}.`);
    console.log(`                Open this address in a browser instead: ${address}`);
    return;
  }
  // --fullscreen: the real kiosk flags (no way out but closing the process); otherwise an app window.
  const flags = values.fullscreen ? kioskChromiumFlags() : [...chromiumFlags(), '--start-maximized'];
  console.log(
    `Kiosk:          Chromium ${values.fullscreen ? 'kiosk' : 'app'} mode (${chromium}), because Electron cannot start: ${electron.detail}.`,
  );
  const userDataDir = join(profile, 'chromium-kiosk');
  prepareKioskProfile(userDataDir);
  const browser = spawn(chromium, [...flags, `--user-data-dir=${userDataDir}`, `--app=${address}`], {
    stdio: 'ignore',
  });
  children.push(browser);
  browser.on('exit', () => console.log('Kiosk window closed; the hub keeps running. Stop with Ctrl+C.'));
  if (!existsSync(join(root, 'dist/renderer/kiosk/index.html')))
    console.log('Warning: the kiosk is not built; run npm run build.');
}
