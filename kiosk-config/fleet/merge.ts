/** Where a merged value came from, for `show` and for readable diffs. */
export type LayerName = 'defaults' | `municipality:${string}` | `site:${string}` | `terminal:${string}`;

export interface NamedLayer {
  name: LayerName;
  values: Record<string, unknown>;
}

export interface MergeResult {
  merged: Record<string, unknown>;
  /** Dotted path of every leaf -> the layer that set it last. */
  origin: Record<string, LayerName>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects that are one value (a text in several languages) rather than a group of settings. */
const isAtomic = (path: string) => /(^|\.)(title|subtitle)$/.test(path);

/**
 * Later layers win. Objects merge key by key; lists, texts in several languages and single
 * values replace what came before as a whole, so a site that lists two offices gets exactly
 * those two and never a mix with the municipality's list. `undefined` never overrides.
 */
export function mergeLayers(layers: readonly NamedLayer[]): MergeResult {
  const merged: Record<string, unknown> = {};
  const origin: Record<string, LayerName> = {};
  for (const layer of layers) mergeInto(merged, layer.values, '', layer.name, origin);
  return { merged, origin };
}

function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  prefix: string,
  layer: LayerName,
  origin: Record<string, LayerName>,
): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && !isAtomic(path)) {
      const existing = target[key];
      const child = isPlainObject(existing) ? existing : {};
      target[key] = child;
      mergeInto(child, value, path, layer, origin);
    } else {
      for (const known of Object.keys(origin))
        if (known.startsWith(`${path}.`)) Reflect.deleteProperty(origin, known);
      target[key] = structuredCloneJson(value);
      origin[path] = layer;
    }
  }
}

function structuredCloneJson(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Every leaf path whose value differs between two documents (added, removed or changed). */
export function diffPaths(
  before: unknown,
  after: unknown,
  prefix = '',
): { path: string; before: unknown; after: unknown }[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: prefix || '(whole document)', before, after }];
}
