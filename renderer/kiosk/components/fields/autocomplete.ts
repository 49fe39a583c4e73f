/**
 * What every field a citizen types into says to the browser: never remember, never offer.
 *
 * The terminal is shared. Chromium writes what fields with autofill names (`family-name`,
 * `email`, `tel`, `address-line1`, ...) receive into its autofill table (`Web Data`) and offers it
 * to the next person; it also saves the values of form controls into the session-restore file
 * unless they (or their form) say `off`. So the kiosk says `off` everywhere, on the forms and on
 * each control, whatever a form definition's `autocomplete` hint says; the browser's own autofill
 * is switched off as well (build/linux/chromium-policy.json, the Electron session, the test
 * profiles). The input-purpose benefit of WCAG 1.3.5 (the browser filling in the user's own data)
 * does not exist on a public terminal: there is no data of one's own in it.
 * docs/security/terminal-disk.md has the whole picture.
 */
export const CITIZEN_AUTOCOMPLETE = 'off';
