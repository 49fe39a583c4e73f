/**
 * Keyboard shortcuts that would take a citizen out of the kiosk, or leave a trace for the next
 * one. One list, enforced twice: by the Electron shell before the page sees a key
 * (before-input-event), and by the page itself in Chromium mode, where it can intercept only
 * what Chromium lets pages cancel. What neither can block (Alt+Tab, Ctrl+Alt+Del, the Windows
 * key, VT switching) is the operating system's kiosk mode's job; see build/README.md.
 */
export interface KeyFacts {
  /** KeyboardEvent.key ("r", "F5", "ArrowLeft", ...). */
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export type ShortcutReason =
  | 'reload'
  | 'close'
  | 'new-window'
  | 'history'
  | 'devtools'
  | 'zoom'
  | 'print-dialog'
  | 'save-open'
  | 'browser-ui'
  | 'clipboard'
  | 'fullscreen';

/** Letters that do something with Ctrl (or Cmd) held, beyond editing text. */
const CTRL_LETTERS: Readonly<Record<string, ShortcutReason>> = {
  r: 'reload',
  w: 'close',
  q: 'close',
  n: 'new-window',
  t: 'new-window',
  p: 'print-dialog',
  s: 'save-open',
  o: 'save-open',
  u: 'devtools',
  h: 'browser-ui',
  j: 'browser-ui',
  l: 'browser-ui',
  d: 'browser-ui',
  f: 'browser-ui',
  g: 'browser-ui',
  e: 'browser-ui',
  k: 'browser-ui',
  // The OS clipboard outlives the session: what one citizen copies, the next could paste.
  c: 'clipboard',
  x: 'clipboard',
  v: 'clipboard',
};

const CTRL_ZOOM_KEYS: ReadonlySet<string> = new Set(['+', '-', '=', '0', '_']);

/** Why `keys` must not reach the page or the browser; null when it may. */
export function blockedShortcut(keys: KeyFacts, options: { devTools?: boolean } = {}): ShortcutReason | null {
  const key = keys.key.length === 1 ? keys.key.toLowerCase() : keys.key;
  const command = keys.ctrl || keys.meta;
  if (
    key === 'F12' ||
    (command && keys.shift && ['i', 'j', 'c'].includes(key)) ||
    (keys.meta && keys.alt && key === 'i')
  )
    return options.devTools === true ? null : 'devtools';
  if (key === 'F5' || key === 'BrowserRefresh') return 'reload';
  if (key === 'F11') return 'fullscreen';
  if (key === 'F3' || key === 'F6' || key === 'F7' || key === 'F10') return 'browser-ui';
  if (key === 'F4' && (keys.alt || command)) return 'close';
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserHome') return 'history';
  if (keys.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return 'history';
  // Alt alone toggles a menu bar in some shells; the kiosk has none to show.
  if (key === 'Alt' || key === 'AltGraph' || key === 'ContextMenu') return 'browser-ui';
  if (command && key === 'Insert') return 'clipboard';
  if (keys.shift && (key === 'Insert' || key === 'Delete')) return 'clipboard';
  if (!command) return null;
  if (CTRL_ZOOM_KEYS.has(key)) return 'zoom';
  if (key === 'Tab' || key === 'PageUp' || key === 'PageDown') return 'new-window';
  return CTRL_LETTERS[key] ?? null;
}
