import type { TranslationCoverage } from '../../../protocol/translations.js';
import type { AdminTexts } from '../texts.js';

/** Per language: how many services and forms people translated, a machine translated, or nobody. */
export function TranslationsPanel({ t, coverage }: { t: AdminTexts; coverage: TranslationCoverage | null }) {
  const tt = t.translations;
  if (!coverage) return null;
  const cell = (counts: { human: number; machine: number; missing: number }) =>
    `${tt.human} ${counts.human} · ${tt.machine} ${counts.machine} · ${tt.missing} ${counts.missing}`;
  return (
    <section className="admin-panel" aria-labelledby="admin-translations">
      <h2 id="admin-translations">{tt.heading}</h2>
      <p>{tt.intro(coverage.services, coverage.forms)}</p>
      <table className="admin-table" aria-labelledby="admin-translations">
        <thead>
          <tr>
            <th scope="col">{tt.language}</th>
            <th scope="col">{tt.services}</th>
            <th scope="col">{tt.forms}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.languages.map((language) => (
            <tr key={language.locale}>
              <th scope="row">{tt.locales[language.locale] ?? language.locale}</th>
              <td>{cell(language.services)}</td>
              <td>{cell(language.forms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
