import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * On a touchscreen Chromium keeps :hover on the element last tapped, so a tapped button would look
 * hovered until the next tap elsewhere. Every :hover style of the kiosk and the shared components
 * sits inside `@media (hover: hover)`, which a touch-only screen does not match.
 */
const renderer = join(import.meta.dirname, '../..');
const cssFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cssFiles(join(dir, entry.name))
      : entry.name.endsWith('.css')
        ? [join(dir, entry.name)]
        : [],
  );

/** The selectors with :hover that are not inside an @media (hover: hover) block. */
function bareHovers(css: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  let prelude = '';
  for (const char of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (char === '{') {
      const head = prelude.trim();
      if (
        head.includes(':hover') &&
        !stack.some((outer) => /@media[^{]*\(\s*hover:\s*hover\s*\)/.test(outer))
      )
        found.push(head);
      stack.push(head);
      prelude = '';
    } else if (char === '}') {
      stack.pop();
      prelude = '';
    } else if (char === ';' && stack.length > 0) prelude = '';
    else prelude += char;
  }
  return found;
}

describe('hover styles', () => {
  it('finds a bare :hover, and none inside @media (hover: hover)', () => {
    expect(bareHovers('.a:hover { color: red; }')).toEqual(['.a:hover']);
    expect(bareHovers('@media (hover: hover) { .a:hover { color: red; } }')).toEqual([]);
  });

  it('apply only where the pointer hovers, in the kiosk and the shared components', () => {
    const files = [...cssFiles(join(renderer, 'kiosk')), ...cssFiles(join(renderer, 'shared'))];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(bareHovers(readFileSync(file, 'utf8')), file).toEqual([]);
  });
});
