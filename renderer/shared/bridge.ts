import { BRIDGE_GLOBAL, BRIDGE_METHODS, type KioskBridge } from '../../protocol/bridge.js';
import { decodeBase64Url } from '../../protocol/encoding.js';

/**
 * The renderer's only way to the shell. In Electron the preload exposes the bridge; in plain
 * Chromium (kiosk/app mode, tests) the browser implementation below stands in, so the same
 * renderer runs unchanged in both.
 */
export function getBridge(): KioskBridge {
  const exposed = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL];
  return isBridge(exposed) ? exposed : browserBridge;
}

function isBridge(value: unknown): value is KioskBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return BRIDGE_METHODS.every((name) => typeof candidate[name] === 'function');
}

const CONFIG_FRAGMENT = /^#config=([A-Za-z0-9_-]+)$/;

/**
 * In Chromium mode the start script hands the terminal config over in the URL fragment (never
 * sent to a server). It is read once and removed from the address; the kiosk keeps it in its
 * device store.
 */
function readConfigFromFragment(): unknown {
  const match = CONFIG_FRAGMENT.exec(location.hash);
  if (!match?.[1]) return null;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    return JSON.parse(new TextDecoder().decode(decodeBase64Url(match[1]))) as unknown;
  } catch {
    return { invalid: 'the #config fragment is not base64url-encoded JSON' };
  }
}

export const browserBridge: KioskBridge = {
  getShellInfo: () => Promise.resolve({ kind: 'browser', version: navigator.userAgent }),
  getKioskConfig: () => Promise.resolve(readConfigFromFragment()),
  endCitizenSession: () => {
    sessionStorage.clear();
    return Promise.resolve();
  },
  reportReady: () => undefined,
  // Chromium's own permission prompt (or the managed policy's capture allowlist) decides here.
  beginCall: () => Promise.resolve(),
  endCall: () => Promise.resolve(),
  beginCapture: () => Promise.resolve(),
  endCapture: () => Promise.resolve(),
  // Silent only when Chromium runs with --kiosk-printing (scripts/chromium.ts); otherwise a dialog.
  printReceipt: () => {
    window.print();
    return Promise.resolve('browser');
  },
  // A page cannot end a Chromium kiosk; the technician stops the kiosk session on the machine.
  requestAdminExit: () => Promise.resolve('unavailable'),
  // A page cannot restart the browser around it: the caller reloads the page instead.
  restartShell: () => Promise.resolve('reloading'),
  // No shell: the page's own verification is all there is (and the hub's CSP, hub/http/kiosk-csp.ts).
  applyFleetConfig: () => Promise.resolve('unavailable'),
};
