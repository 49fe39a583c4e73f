import type { Locale } from '../../protocol/i18n.js';
import type { SubmissionStatus } from '../../protocol/submission.js';

/**
 * Every string of the clerk console. Components receive these through a `t` prop, so an English
 * console is one more object of the same shape (ClerkTexts) and a switch in main.tsx.
 */
export const de = {
  /** Used for dates, times and numbers. */
  locale: 'de-DE',
  appName: 'Point of Public',
  appArea: 'Sachbearbeitung',
  documentTitle: {
    /** Also the title in index.html, shown before the script runs. */
    base: 'Point of Public – Sachbearbeitung',
    detail: (trackingCode: string) => `Antrag ${trackingCode} – Point of Public – Sachbearbeitung`,
  },

  session: {
    checking: 'Anmeldung wird geprüft …',
    unreachable: 'Der Server im Rathaus ist nicht erreichbar. Bitte prüfen Sie die Netzwerkverbindung.',
    failed: 'Die Anmeldung konnte nicht geprüft werden. Bitte versuchen Sie es erneut.',
    retry: 'Erneut versuchen',
    expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    loggedOut: 'Sie wurden abgemeldet.',
    logoutFailed: 'Abmelden ist fehlgeschlagen, Sie sind noch angemeldet. Bitte versuchen Sie es erneut.',
  },

  login: {
    heading: 'Anmeldung für die Sachbearbeitung',
    intro: 'Melden Sie sich mit Ihrem Konto der Stadtverwaltung an.',
    username: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    sending: 'Anmeldung läuft …',
    usernameMissing: 'Bitte geben Sie Ihren Benutzernamen ein.',
    passwordMissing: 'Bitte geben Sie Ihr Passwort ein.',
    unreachable: 'Der Server im Rathaus ist nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    failed: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  },

  header: {
    signedInAs: 'Angemeldet als',
    logout: 'Abmelden',
  },

  list: {
    heading: 'Antragsübersicht',
    caption: 'Eingegangene Anträge',
    refresh: 'Aktualisieren',
    loading: 'Anträge werden geladen …',
    empty: 'Noch keine Anträge eingegangen.',
    count: (n: number) => (n === 1 ? '1 Antrag' : `${n} Anträge`),
    lastUpdated: (time: string) => `Stand: ${time} Uhr.`,
    autoRefresh: (seconds: number) => `Die Liste wird alle ${seconds} Sekunden automatisch aktualisiert.`,
    unreachable: 'Der Server im Rathaus ist nicht erreichbar.',
    unreachableStale: (time: string) =>
      `Der Server im Rathaus ist nicht erreichbar. Die Liste zeigt den Stand von ${time} Uhr.`,
    failed: 'Die Anträge konnten nicht geladen werden.',
    columns: {
      receivedAt: 'Eingang',
      trackingCode: 'Vorgangsnummer',
      formTitle: 'Antrag',
      terminal: 'Terminal',
      status: 'Status',
    },
  },

  detail: {
    back: 'Zurück zur Liste',
    trackingCode: 'Vorgangsnummer',
    loading: 'Antrag wird geladen …',
    notFound: 'Dieser Antrag wurde nicht gefunden.',
    unreachable: 'Der Server im Rathaus ist nicht erreichbar. Der Antrag kann gerade nicht geladen werden.',
    failed: 'Der Antrag konnte nicht geladen werden.',
    retry: 'Erneut laden',
    metadataHeading: 'Angaben zum Eingang',
    receivedAt: 'Eingegangen',
    submittedAt: 'Am Terminal abgeschickt',
    terminal: 'Terminal',
    language: 'Sprache',
    status: 'Status',
    answersHeading: 'Angaben der antragstellenden Person',
    noAnswers: 'Der Antrag enthält keine Angaben.',
    emptyValue: 'keine Angabe',
    yes: 'Ja',
    no: 'Nein',
  },

  status: {
    received: 'Eingegangen',
    'in-progress': 'In Bearbeitung',
    completed: 'Abgeschlossen',
    rejected: 'Abgelehnt',
  } satisfies Record<SubmissionStatus, string>,

  languages: {
    de: 'Deutsch',
    en: 'Englisch',
    tr: 'Türkisch',
    ar: 'Arabisch',
    uk: 'Ukrainisch',
    ru: 'Russisch',
  } satisfies Record<Locale, string>,
};

export type ClerkTexts = typeof de;
