import type { Input, WebContents } from 'electron';
import { blockedShortcut } from '../../../protocol/shortcuts.js';
import type { Logger } from '../log.js';

export type KeyboardGuardedContents = Pick<WebContents, 'on'>;

/**
 * Stops escape shortcuts before the page or Chromium sees them (protocol/shortcuts.ts has the
 * list). Alt+Tab, Ctrl+Alt+Del and the Windows key never reach an application: the OS kiosk
 * session blocks those.
 */
export function guardKeyboard(
  contents: KeyboardGuardedContents,
  options: { devTools: boolean; log: Logger },
): void {
  contents.on('before-input-event', (event: { preventDefault(): void }, input: Input) => {
    if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return;
    const reason = blockedShortcut(
      { key: input.key, ctrl: input.control, alt: input.alt, shift: input.shift, meta: input.meta },
      { devTools: options.devTools },
    );
    if (reason === null) return;
    event.preventDefault();
    options.log.info(`blocked a ${reason} shortcut`);
  });
}
