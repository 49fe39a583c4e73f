import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in the documentation must lead somewhere: to a file or folder that exists,
 * and, with a #fragment, to a heading of the target as GitHub names it. External links are not
 * fetched, so the check needs no network.
 */
const root = resolve(import.meta.dirname, '..');

function documentationFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name));
  return ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs].sort();
}

/** The text outside fenced code blocks, line by line (code blocks become empty lines). */
function proseLines(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return '';
    }
    return fence === null ? line : '';
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\*/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** All anchors a file offers; a repeated heading gets -1, -2, ... as on GitHub. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Link targets of inline links and images, and of reference definitions, outside code. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      if (match[1]) targets.push(match[1]);
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(prose)?.[1];
    if (definition) targets.push(definition);
  }
  return targets;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** What is wrong with each relative link of one file, as "file: target: reason". */
function brokenLinks(file: string, markdown: string, read = (path: string) => readFileSync(path, 'utf8')) {
  const problems: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (EXTERNAL.test(target)) continue;
    const [pathPart = '', fragment] = target.split('#', 2);
    const path = pathPart === '' ? join(root, file) : resolve(root, dirname(file), decodeURI(pathPart));
    if (!existsSync(path)) {
      problems.push(`${file}: ${target}: no file ${relative(root, path)}`);
      continue;
    }
    if (fragment === undefined) continue;
    if (statSync(path).isDirectory() || !path.endsWith('.md')) {
      problems.push(`${file}: ${target}: an anchor needs a Markdown file`);
      continue;
    }
    if (!anchorsOf(read(path)).has(decodeURIComponent(fragment).toLowerCase()))
      problems.push(`${file}: ${target}: no heading #${fragment} in ${relative(root, path)}`);
  }
  return problems;
}

describe('headingSlug', () => {
  it.each([
    ['Hub options', 'hub-options'],
    ["The clerk's browser", 'the-clerks-browser'],
    ['`bench:sync`', 'benchsync'],
    [
      'Walkthrough: a new site, one terminal first, all, and back',
      'walkthrough-a-new-site-one-terminal-first-all-and-back',
    ],
    ['0001: JWE with RSA-OAEP-256 and A256GCM', '0001-jwe-with-rsa-oaep-256-and-a256gcm'],
    ['Größe & Übersicht', 'größe--übersicht'],
  ])('%s → #%s', (heading, slug) => {
    expect(headingSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings and ignores headings inside code', () => {
    const anchors = anchorsOf('# Tests\n\n## Tests\n\n```sh\n# not a heading\n```\n');
    expect([...anchors]).toEqual(['tests', 'tests-1']);
  });
});

describe('brokenLinks', () => {
  it('reports a missing file and a missing heading, and skips external links and code', () => {
    const markdown = [
      '[ok](README.md) [gone](docs/nowhere.md) [web](https://example.org/x.md)',
      '[bad anchor](README.md#no-such-heading) `[code](missing.md)`',
      '```',
      '[in a block](missing-too.md)',
      '```',
    ].join('\n');
    const problems = brokenLinks('CHANGELOG.md', markdown, () => '# Point of Public\n');
    expect(problems).toEqual([
      'CHANGELOG.md: docs/nowhere.md: no file docs/nowhere.md',
      'CHANGELOG.md: README.md#no-such-heading: no heading #no-such-heading in README.md',
    ]);
  });
});

describe('documentation links', () => {
  const files = documentationFiles();

  it('covers the front door, the contribution guide, the changelog and docs/', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md']));
    expect(files.some((file) => file.startsWith('docs'))).toBe(true);
  });

  it.each(files)('every relative link in %s resolves', (file) => {
    expect(brokenLinks(file, readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });
});
