import { INTL_LOCALES, type Locale } from '../../../protocol/i18n.js';

/** A text for each plural category the language has; `#` stands for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * The form of a counted phrase that the language's grammar asks for, chosen by Intl.PluralRules:
 * German and English one/other, Russian and Ukrainian one/few/many, Arabic zero/one/two/few
 * (3–10)/many (11–99)/other (100, 1000 …).
 */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(INTL_LOCALES[locale]);
    rules.set(locale, rule);
  }
  return (forms[rule.select(n)] ?? forms.other).replaceAll('#', String(n));
}
