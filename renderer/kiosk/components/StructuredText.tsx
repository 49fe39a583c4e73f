import type { LocalizedProps } from '../i18n/Localized.js';

/**
 * A catalog text in its plain structure: paragraphs separated by a blank line, list items as
 * lines starting with "• " or "1. ". Imported service descriptions (XZuFi) arrive this way,
 * because no markup ever reaches a terminal; React renders every piece as text.
 */
export function StructuredText({ children, lang, dir }: LocalizedProps) {
  const blocks = children.split(/\n{2,}/).filter((block) => block.trim() !== '');
  return (
    <div className="kiosk-structured-text" lang={lang} dir={dir}>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        const ordered = lines.every((line) => /^\s*\d+\.\s/.test(line));
        if (ordered || lines.every((line) => /^\s*•\s/.test(line))) {
          const items = lines.map((line) => line.replace(/^\s*(?:•|\d+\.)\s+/, ''));
          const List = ordered ? 'ol' : 'ul';
          return (
            <List key={i}>
              {items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </List>
          );
        }
        return (
          <p key={i}>
            {lines.map((line, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {line}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
