/**
 * A still (a JPEG data URL) travels over the call's data channel in slices small enough for one
 * message: the terminal sends its camera still this way (still.chunk) and the clerk sends one
 * back for the application (still.offer). Both sides split and reassemble with this module.
 */
export const STILL_CHUNK_CHARS = 15_000;

export interface StillChunk {
  index: number;
  count: number;
  data: string;
}

export function splitStill(dataUrl: string, size = STILL_CHUNK_CHARS): StillChunk[] {
  const count = Math.ceil(dataUrl.length / size);
  return Array.from({ length: count }, (_, index) => ({
    index,
    count,
    data: dataUrl.slice(index * size, (index + 1) * size),
  }));
}

/** Collects the chunks of each still; a chunk that does not fit what came before is ignored. */
export class StillAssembler {
  private readonly parts = new Map<string, string[]>();

  /** The whole data URL once its last missing chunk arrives, else null. */
  add(id: string, chunk: StillChunk): string | null {
    const parts = this.parts.get(id) ?? new Array<string>(chunk.count).fill('');
    if (parts.length !== chunk.count || chunk.index >= chunk.count) return null;
    parts[chunk.index] = chunk.data;
    this.parts.set(id, parts);
    if (parts.some((part) => part === '')) return null;
    this.parts.delete(id);
    return parts.join('');
  }
}
