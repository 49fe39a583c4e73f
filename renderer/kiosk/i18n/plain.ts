import { plural } from './plural.js';
import type { Locale } from '../../../protocol/i18n.js';
import type { Texts } from './texts.js';

/**
 * Plain-language versions of the core screens' texts: German "Leichte Sprache" (short sentences,
 * one statement each, everyday words, the media point in long words) and English easy read.
 * Languages without a plain version keep their normal texts.
 */
export const PLAIN: Partial<Record<Locale, Partial<Texts>>> = {
  de: {
    attractStart: 'Tippen Sie hier. Dann geht es los.',
    chooseLanguage: 'Welche Sprache möchten Sie?',
    catalogTitle: 'Was möchten Sie machen?',
    searchPlaceholder: 'Schreiben Sie ein Wort. Zum Beispiel: Ausweis',
    noResults: 'Wir haben nichts gefunden. Schreiben Sie ein anderes Wort.',
    notTranslated: 'Diesen Text gibt es nur auf Deutsch.',
    startForm: 'Antrag hier ausfüllen',
    noForm: 'Für diese Sache gibt es hier kein Formular. Bitte gehen Sie zum Amt.',
    reviewIntro:
      'Sind alle Angaben richtig? Dann tippen Sie auf: Antrag abschicken. Ist etwas falsch? Dann tippen Sie auf: Ändern.',
    receiptTitle: 'Fertig. Ihr Antrag ist gespeichert.',
    receiptTitleSent: 'Fertig. Ihr Antrag ist im Amt angekommen.',
    receiptKeep:
      'Das ist Ihre Nummer. Schreiben Sie die Nummer auf. Oder machen Sie ein Foto. Mit der Nummer können Sie im Amt fragen: Wie weit ist mein Antrag?',
    receiptQueued: 'Das Gerät hat gerade kein Internet. Es schickt den Antrag später. Sie müssen nichts tun.',
    idleBody: (s) =>
      `Sie haben lange nichts gemacht. In ${s} Sekunden löschen wir Ihre Angaben. So sind Ihre Daten sicher.`,
    offline: 'Kein Internet. Ihr Antrag wird gespeichert und später geschickt.',
    fixErrors: (n) =>
      plural('de', n, {
        one: 'Eine Angabe ist noch nicht richtig.',
        other: '# Angaben sind noch nicht richtig.',
      }),
    fallbackNote: 'Manche Texte gibt es nur auf Deutsch.',
  },
  en: {
    attractStart: 'Touch here to start.',
    chooseLanguage: 'Which language do you want?',
    catalogTitle: 'What do you want to do?',
    searchPlaceholder: 'Type a word. For example: passport',
    noResults: 'We found nothing. Try a different word.',
    reviewIntro: 'Is everything right? Then touch: Send application. Is something wrong? Then touch: Change.',
    receiptKeep:
      'This is your number. Write it down or take a photo. With this number you can ask how your application is going.',
    receiptQueued:
      'The terminal has no internet right now. It will send your application later. You do not need to do anything.',
    idleBody: (s) =>
      `You have not done anything for a while. In ${s} seconds we delete your answers. This keeps your data safe.`,
  },
};

export function textsFor(base: Texts, locale: Locale, plain: boolean): Texts {
  const override = plain ? PLAIN[locale] : undefined;
  return override ? { ...base, ...override } : base;
}
