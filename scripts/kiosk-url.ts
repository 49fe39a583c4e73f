import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEMO_CONFIG_PATH = resolve(import.meta.dirname, '../demo/kiosk-config.json');

/** The demo terminal's configuration, pointed at a given hub. */
export function demoKioskConfig(
  hubUrl: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const config = JSON.parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  return { ...config, hubUrl, ...overrides };
}

/**
 * The kiosk URL for Chromium mode: the configuration travels in the fragment, which the browser
 * never sends to a server; the kiosk stores it and removes it from the address bar.
 */
export function kioskUrl(hubUrl: string, config: Record<string, unknown>): string {
  const fragment = Buffer.from(JSON.stringify(config), 'utf8').toString('base64url');
  return `${hubUrl.replace(/\/+$/, '')}/kiosk/#config=${fragment}`;
}
