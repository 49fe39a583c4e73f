import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Searches a browser profile on disk the way someone who takes the terminal would: every regular
 * file, byte for byte, for text in the three encodings Chromium writes (UTF-8; V8's serializer
 * stores a string as Latin-1 when every character fits, as UTF-16LE otherwise) and for slices of
 * a photo's bytes.
 */

export interface DiskFile {
  path: string;
  bytes: Buffer;
}

/** Every regular file under `dir` (sockets and the profile lock's symlinks are no files). */
export function readProfile(dir: string): DiskFile[] {
  const files: DiskFile[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue; // gone meanwhile (a browser still running writes and deletes temporary files)
      }
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        try {
          files.push({ path: relative(dir, path), bytes: readFileSync(path) });
        } catch {
          // gone meanwhile
        }
      }
    }
  };
  walk(dir);
  return files;
}

/** The byte forms of a text as it may lie on disk. */
export function encodings(text: string): { name: string; bytes: Buffer }[] {
  const forms = [
    { name: 'UTF-8', bytes: Buffer.from(text, 'utf8') },
    { name: 'UTF-16LE', bytes: Buffer.from(text, 'utf16le') },
  ];
  // Latin-1 only when every character has one; otherwise Node would write another text.
  if ([...text].every((c) => c.charCodeAt(0) <= 0xff))
    forms.push({ name: 'Latin-1', bytes: Buffer.from(text, 'latin1') });
  return forms;
}

/** Each hit as "text (encoding) in file". */
export function textHits(files: readonly DiskFile[], texts: readonly string[]): string[] {
  const hits: string[] = [];
  for (const text of texts) {
    for (const form of encodings(text)) {
      for (const file of files) {
        if (file.bytes.includes(form.bytes)) hits.push(`"${text}" (${form.name}) in ${file.path}`);
      }
    }
  }
  return hits;
}

export const SLICE = 64;

/**
 * The photos' 64-byte slices that can only be found where that photo lies: cut at every 64th byte,
 * leaving out slices of little variety (runs of one value, padding), those whose first four bytes
 * repeat a value (they are the lookup key, see sliceHits) and those two photos share (the JPEG
 * encoder writes the same headers and tables into every picture).
 */
export function photoSlices(photos: readonly Buffer[]): Buffer[] {
  const seen = new Map<string, number>();
  const all: Buffer[] = [];
  photos.forEach((photo, index) => {
    for (let start = 0; start + SLICE <= photo.length; start += SLICE) {
      const slice = photo.subarray(start, start + SLICE);
      if (new Set(slice).size < 24 || new Set(slice.subarray(0, 4)).size < 4) continue;
      const key = slice.toString('base64');
      const owner = seen.get(key);
      if (owner === undefined) {
        seen.set(key, index);
        all.push(slice);
      } else if (owner !== index) seen.set(key, -1);
    }
  });
  return all.filter((slice) => seen.get(slice.toString('base64')) !== -1);
}

/**
 * How many of the slices lie somewhere in the files: one pass over each file, not one per slice.
 * A slice is looked up by its first four bytes (all different, so runs of zeros in the files do
 * not each call for a comparison), after a bitmap of their first three.
 */
export function sliceHits(
  files: readonly DiskFile[],
  slices: readonly Buffer[],
): { found: number; files: string[] } {
  const byHead = new Map<number, Buffer[]>();
  const heads = new Uint8Array(1 << 21);
  for (const slice of slices) {
    const head = slice.readUInt32LE(0);
    byHead.set(head, [...(byHead.get(head) ?? []), slice]);
    const short = head & 0xffffff;
    heads[short >>> 3] = (heads[short >>> 3] ?? 0) | (1 << (short & 7));
  }
  const found = new Set<Buffer>();
  const where = new Set<string>();
  for (const file of files) {
    const bytes = file.bytes;
    const end = bytes.length - SLICE;
    for (let i = 0; i <= end; i++) {
      const short = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16);
      if (((heads[short >>> 3] ?? 0) & (1 << (short & 7))) === 0) continue;
      const candidates = byHead.get(bytes.readUInt32LE(i));
      if (!candidates) continue;
      for (const slice of candidates) {
        if (bytes.compare(slice, 0, SLICE, i, i + SLICE) === 0) {
          found.add(slice);
          where.add(file.path);
        }
      }
    }
  }
  return { found: found.size, files: [...where] };
}
