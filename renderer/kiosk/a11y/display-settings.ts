/**
 * How the citizen wants the screen: contrast, text size, controls within reach, plain language.
 * They live in the citizen's session (React state of CitizenSession), so the next citizen starts
 * with the defaults (the terminal's config may set them: fleet/terminal-policy.ts); `applyDisplaySettings` mirrors them onto <html> for the CSS.
 */
export const TEXT_SIZES = ['normal', 'large', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface DisplaySettings {
  contrast: boolean;
  textSize: TextSize;
  reach: boolean;
  plain: boolean;
  /** Every new screen is read aloud (until the citizen stops it). */
  readAloud: boolean;
}

export const DEFAULT_DISPLAY: DisplaySettings = {
  contrast: false,
  textSize: 'normal',
  reach: false,
  plain: false,
  readAloud: false,
};

export function applyDisplaySettings(root: HTMLElement, settings: DisplaySettings): void {
  root.dataset['contrast'] = settings.contrast ? 'high' : 'normal';
  root.dataset['textSize'] = settings.textSize;
  root.dataset['reach'] = settings.reach ? 'low' : 'normal';
}

export function clearDisplaySettings(root: HTMLElement): void {
  delete root.dataset['contrast'];
  delete root.dataset['textSize'];
  delete root.dataset['reach'];
}
