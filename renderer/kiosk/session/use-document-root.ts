import { useEffect } from 'react';
import { textDirection, type Locale } from '../../../protocol/i18n.js';
import {
  applyDisplaySettings,
  clearDisplaySettings,
  type DisplaySettings,
} from '../a11y/display-settings.js';

/**
 * What the page's root element says about the session: its language and direction, the citizen's
 * display settings (removed when the session ends), and the screen shown, for the daily jobs
 * (fleet/daily-jobs.ts), which never interrupt a citizen.
 */
export function useDocumentRoot(locale: Locale, display: DisplaySettings, screenName: string): void {
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
  }, [locale]);

  useEffect(() => {
    const root = document.documentElement;
    applyDisplaySettings(root, display);
    return () => clearDisplaySettings(root);
  }, [display]);

  useEffect(() => {
    document.documentElement.dataset['kioskScreen'] = screenName;
  }, [screenName]);
}
