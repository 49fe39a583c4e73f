import { blockedShortcut } from '../../../protocol/shortcuts.js';

/**
 * What the page itself does against leaving the kiosk or leaving traces, in both shells. In
 * Electron the shell blocks shortcuts before the page sees them and this is a second layer; in
 * Chromium mode it is the page's share of the lockdown (Chromium keeps some shortcuts, such as
 * Ctrl+W and Ctrl+N, out of a page's reach: its --kiosk mode and the managed policy handle those).
 * The CSS half is lockdown.css. Returns a function that removes every listener.
 */
export function installPageLockdown(target: Window = window): () => void {
  const removers: (() => void)[] = [];
  const on = <K extends keyof WindowEventMap>(
    type: K,
    listener: (event: WindowEventMap[K]) => void,
    options: AddEventListenerOptions = {},
  ) => {
    const opts = { capture: true, ...options };
    target.addEventListener(type, listener, opts);
    removers.push(() => target.removeEventListener(type, listener, opts));
  };
  const refuse = (event: Event) => event.preventDefault();

  // No context menu ("Save image as", "Inspect", "Print"), and no long-press menu on touch.
  on('contextmenu', refuse);
  // Nothing dragged out of the page, and a file dropped on it is not opened.
  on('dragstart', refuse);
  on('dragover', refuse);
  on('drop', refuse);
  // Selecting text is for the fields a citizen types in; elsewhere it only gets in the way of touch.
  on('selectstart', (event) => {
    if (!isEditable(event.target)) event.preventDefault();
  });
  // The OS clipboard outlives the session: nothing goes in, nothing of a previous citizen comes out.
  on('copy', refuse);
  on('cut', refuse);
  on('paste', refuse);
  on('keydown', (event) => {
    const reason = blockedShortcut({
      key: event.key,
      ctrl: event.ctrlKey,
      alt: event.altKey,
      shift: event.shiftKey,
      meta: event.metaKey,
    });
    if (reason === null) return;
    event.preventDefault();
    event.stopPropagation();
  });
  // Ctrl+wheel and touchpad pinch zoom the page; two-finger touch pinches it.
  on(
    'wheel',
    (event) => {
      if (event.ctrlKey) event.preventDefault();
    },
    { passive: false },
  );
  on(
    'touchmove',
    (event) => {
      if (event.touches.length > 1) event.preventDefault();
    },
    { passive: false },
  );
  // Middle click and modified clicks on links would open a new window or tab.
  on('auxclick', refuse);
  on('click', (event) => {
    if ((event.ctrlKey || event.shiftKey || event.metaKey) && linkOf(event.target) !== null)
      event.preventDefault();
  });
  return () => {
    for (const remove of removers.splice(0)) remove();
  };
}

function isEditable(target: EventTarget | null): boolean {
  const element = target instanceof Node ? (target instanceof Element ? target : target.parentElement) : null;
  if (element === null) return false;
  return element.closest('input, textarea, [contenteditable="true"]') !== null;
}

function linkOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest('a[href]') : null;
}
