/**
 * Light German word handling for search: folding (case, umlauts, ß, accents), a small suffix
 * stemmer (after CISTEM's idea: strip inflection, keep the stem recognisable) and compound
 * splitting against the catalogue's own vocabulary ("Hundesteueranmeldung" -> hund steuer anmeldung).
 * Latin-script languages (English, Turkish) pass through the same folding; Arabic and Cyrillic keep
 * their letters and are only lower-cased.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  return fold(text).split(' ').filter(Boolean);
}

const SUFFIXES = ['ungen', 'heiten', 'keiten', 'ern', 'em', 'en', 'er', 'es', 'nd', 'e', 's', 'n', 't'];

/** Strips common inflection endings from a folded word; short words stay as they are. */
export function stem(word: string): string {
  if (!/^[a-z0-9]+$/.test(word)) return word;
  let result = word;
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => result.length - s.length >= 4 && result.endsWith(s));
    if (!suffix) break;
    result = result.slice(0, -suffix.length);
    if (suffix === 'ungen') result += 'ung';
  }
  return result;
}

const MIN_PART = 3;

/**
 * Splits a folded compound into words of the vocabulary, longest parts first, allowing the
 * linking letters s/e/es/n/en between parts. Returns [] when it cannot split the word completely.
 */
export function splitCompound(word: string, vocabulary: ReadonlySet<string>, depth = 0): string[] {
  if (depth > 3 || word.length < MIN_PART * 2) return [];
  for (let end = word.length - MIN_PART; end >= MIN_PART; end--) {
    const head = word.slice(0, end);
    if (!vocabulary.has(head)) continue;
    for (const link of ['', 's', 'e', 'es', 'n', 'en']) {
      if (!word.startsWith(link, end)) continue;
      const rest = word.slice(end + link.length);
      if (rest.length < MIN_PART) continue;
      if (vocabulary.has(rest)) return [head, rest];
      if (vocabulary.has(stem(rest))) return [head, stem(rest)];
      const inner = splitCompound(rest, vocabulary, depth + 1);
      if (inner.length > 0) return [head, ...inner];
    }
  }
  return [];
}
