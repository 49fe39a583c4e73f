import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The KERN tokens and the kiosk's high-contrast overrides, read from the CSS itself: every colour
 * pair a component puts together must meet WCAG 2.1 AA — 4.5:1 for text, 3:1 for control edges
 * and the focus ring (1.4.3, 1.4.11). axe checks the rendered screens; this names the pair.
 */
const tokensCss = readFileSync(join(import.meta.dirname, 'tokens.css'), 'utf8');
const a11yCss = readFileSync(join(import.meta.dirname, '../../kiosk/a11y/a11y.css'), 'utf8');

function declarations(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const block = css.slice(start, css.indexOf('}', start));
  const result: Record<string, string> = {};
  for (const match of block.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)) {
    result[match[1] ?? ''] = (match[2] ?? '').trim();
  }
  return result;
}

const normal = declarations(tokensCss, ':root');
const high = { ...normal, ...declarations(a11yCss, "html[data-contrast='high']") };

function resolve(tokens: Record<string, string>, name: string): string {
  const value = tokens[name];
  if (value === undefined) throw new Error(`unknown token ${name}`);
  const reference = /^var\((--[a-z0-9-]+)\)$/.exec(value);
  return reference ? resolve(tokens, reference[1] ?? '') : value;
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a hex colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(match[1]?.slice(i, i + 2) ?? '0', 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function contrast(tokens: Record<string, string>, a: string, b: string): number {
  const [x, y] = [luminance(resolve(tokens, a)), luminance(resolve(tokens, b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** [foreground, background] pairs that carry text. */
const TEXT_PAIRS: [string, string][] = [
  ['--pop-color-text', '--pop-color-bg'],
  ['--pop-color-text', '--pop-color-surface'],
  ['--pop-color-text', '--pop-color-surface-strong'],
  ['--pop-color-text', '--pop-color-input-bg'],
  ['--pop-color-text', '--pop-color-primary-tint'],
  ['--pop-color-text-muted', '--pop-color-bg'],
  ['--pop-color-text-muted', '--pop-color-surface'],
  ['--pop-color-primary', '--pop-color-bg'],
  ['--pop-color-primary', '--pop-color-surface'],
  ['--pop-color-primary', '--pop-color-primary-tint'],
  ['--pop-color-on-primary', '--pop-color-primary'],
  ['--pop-color-on-primary', '--pop-color-primary-hover'],
  ['--pop-color-on-primary', '--pop-color-primary-active'],
  ['--pop-color-on-primary', '--pop-color-danger'],
  ['--pop-color-danger', '--pop-color-bg'],
  ['--pop-color-danger', '--pop-color-surface'],
  ['--pop-color-text', '--pop-color-danger-bg'],
  ['--pop-color-text', '--pop-color-success-bg'],
  ['--pop-color-text', '--pop-color-warning-bg'],
  ['--pop-color-text', '--pop-color-info-bg'],
];

/** Edges of controls, accents of alerts and the focus ring against what they sit on. */
const EDGE_PAIRS: [string, string][] = [
  ['--pop-color-border-control', '--pop-color-bg'],
  ['--pop-color-border-control', '--pop-color-surface'],
  ['--pop-color-input-border', '--pop-color-input-bg'],
  ['--pop-color-input-border', '--pop-color-bg'],
  ['--pop-color-focus', '--pop-color-bg'],
  ['--pop-color-focus', '--pop-color-surface'],
  ['--pop-color-danger', '--pop-color-danger-bg'],
  ['--pop-color-success', '--pop-color-success-bg'],
  ['--pop-color-warning', '--pop-color-warning-bg'],
  ['--pop-color-info', '--pop-color-info-bg'],
];

describe('KERN design tokens', () => {
  it('carry KERN values: action blue, focus grey, 4 px corners, 48 px targets, Fira Sans', () => {
    expect(resolve(normal, '--pop-color-primary')).toBe('#2044aa');
    expect(resolve(normal, '--pop-color-focus')).toBe('#454b6b');
    expect(resolve(normal, '--pop-focus-width')).toBe('4px');
    expect(resolve(normal, '--pop-radius-md')).toBe('0.25rem');
    expect(resolve(normal, '--pop-control-height-md')).toBe('3rem');
    expect(resolve(normal, '--pop-font-family')).toMatch(/^'Fira Sans'/);
  });

  for (const [mode, tokens, textMinimum] of [
    ['normal', normal, 4.5],
    ['high contrast', high, 7],
  ] as const) {
    it(`keep text at ${textMinimum}:1 and control edges at 3:1 in ${mode}`, () => {
      const failing = [
        ...TEXT_PAIRS.filter(([a, b]) => contrast(tokens, a, b) < textMinimum).map(
          ([a, b]) => `${a} on ${b}: ${contrast(tokens, a, b).toFixed(2)}`,
        ),
        ...EDGE_PAIRS.filter(([a, b]) => contrast(tokens, a, b) < 3).map(
          ([a, b]) => `${a} on ${b}: ${contrast(tokens, a, b).toFixed(2)}`,
        ),
      ];
      expect(failing).toEqual([]);
    });
  }
});
