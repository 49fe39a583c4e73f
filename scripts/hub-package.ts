/**
 * `npm run hub:package -- --out <dir>`: the hub as it is installed — compiled code, the built
 * kiosk and clerk pages, a package.json and the production dependencies, nothing else (no
 * sources, no demo, no tests). build/hub/Containerfile takes this folder as its context;
 * /usr/lib/point-of-public of build/hub/pop-hub.service is the same folder. Run `npm run build` first.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The compiled folders the hub imports at runtime (dist/hub imports dist/protocol, dist/kiosk-config). */
export const HUB_DIST_FOLDERS = ['hub', 'protocol', 'kiosk-config'] as const;

interface LockFile {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; link?: boolean }>;
}

/**
 * The production packages of a package-lock.json (v2/v3), outermost folders only: a nested
 * node_modules/a/node_modules/b travels inside node_modules/a.
 */
export function productionPackages(lock: LockFile): string[] {
  const wanted = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path]) => path)
    .sort();
  return wanted.filter((path) => !wanted.some((outer) => outer !== path && path.startsWith(`${outer}/`)));
}

/** package.json as an installation needs it: what runs, not how it is developed. */
export function installedPackageJson(source: Record<string, unknown>): Record<string, unknown> {
  const keep = ['name', 'version', 'description', 'type', 'license', 'engines', 'bin', 'dependencies'];
  return Object.fromEntries(keep.filter((key) => key in source).map((key) => [key, source[key]]));
}

export function assembleHubPackage(repoRoot: string, outDir: string): { renderer: boolean } {
  const dist = join(repoRoot, 'dist');
  for (const folder of HUB_DIST_FOLDERS) {
    const from = join(dist, folder);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm run build first`);
    cpSync(from, join(outDir, 'dist', folder), {
      recursive: true,
      filter: (path) => !/\.(d\.ts|tsbuildinfo|js\.map)$/.test(path),
    });
  }
  // The kiosk and clerk pages the hub serves (POP_STATIC_DIR points here in the unit and the image).
  const renderer = existsSync(join(dist, 'renderer'));
  if (renderer) cpSync(join(dist, 'renderer'), join(outDir, 'dist', 'renderer'), { recursive: true });

  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(installedPackageJson(pkg), null, 2)}\n`);
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as LockFile;
  for (const path of productionPackages(lock)) {
    const from = join(repoRoot, path);
    // Optional dependencies for other platforms are in the lock but not on disk.
    if (existsSync(from)) cpSync(from, join(outDir, path), { recursive: true, dereference: true });
  }
  return { renderer };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    process.stderr.write('usage: npm run hub:package -- --out <dir>\n');
    process.exit(2);
  }
  const out = resolve(values.out);
  const { renderer } = assembleHubPackage(resolve(import.meta.dirname, '..'), out);
  process.stdout.write(
    `hub package in ${out}${renderer ? '' : ' (without dist/renderer: run npm run build)'}\n`,
  );
}
