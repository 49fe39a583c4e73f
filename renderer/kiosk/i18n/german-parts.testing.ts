/**
 * For render tests: the texts of a static markup that are marked as German fallback (lang="de"
 * dir="ltr"), in document order. Marked elements hold nothing but their text (see Localized.tsx),
 * so a pattern reads them; a lang="de" without dir="ltr" fails the test that looks for it.
 */
export function germanParts(html: string): string[] {
  const marked = [...html.matchAll(/<(\w+)[^>]*\slang="de"[^>]*>([^<]*)<\/\1>/g)];
  return marked.map((match) => {
    if (!/\sdir="ltr"/.test(match[0])) throw new Error(`lang="de" without dir="ltr": ${match[0]}`);
    return decode(match[2] ?? '');
  });
}

/** How many elements the markup marks lang="de" at all, to catch one the pattern above cannot read. */
export function langDeCount(html: string): number {
  return html.match(/\slang="de"/g)?.length ?? 0;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
