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
    passwordChange:
      'Ihr Konto hat noch das Anfangspasswort. Legen Sie bitte zuerst ein eigenes Passwort fest, dann melden Sie sich hier wieder an.',
    passwordChangeLink: 'Eigenes Passwort festlegen',
    logoutFailed: 'Abmelden ist fehlgeschlagen, Sie sind noch angemeldet. Bitte versuchen Sie es erneut.',
  },

  stuck: {
    heading: (count: number) =>
      count === 1 ? '1 Antrag hängt auf einem Terminal fest' : `${count} Anträge hängen auf Terminals fest`,
    intro:
      'Der Hub hat diese Anträge abgelehnt; sie liegen verschlüsselt auf dem Terminal und gehen nicht verloren. Die Antworten kann hier niemand lesen. Sagen Sie Ihrem IT-Dienstleister Bescheid: Er behebt die Ursache und lässt das Terminal den Antrag erneut senden. Kann ein Antrag nie zugestellt werden, kann Ihr Amt ihn mit Begründung löschen lassen.',
    office: (office: string) => `Amt: ${office}`,
    unknownOffice: 'unbekannt',
    onTerminal: (name: string, id: string) => `Auf Terminal ${name} (${id}) festgehalten:`,
    form: (form: string, version: number) => `Formular „${form}“ (Version ${version})`,
    since: (when: string) => `seit ${when}`,
    retryRequested: 'erneuter Versuch angefordert',
    discard: 'Löschen anordnen …',
    discardExplain:
      'Nur wenn der Antrag nie zugestellt werden kann (zum Beispiel weil der Schlüssel des Amts verloren ist) und die Person anders erreicht wird. Das Terminal löscht ihn dann; die Begründung wird mit Ihrem Namen protokolliert.',
    discardReason: 'Begründung (mindestens 10 Zeichen)',
    discardConfirm: 'Endgültig löschen lassen',
    discardCancel: 'Abbrechen',
    discardTooShort: 'Bitte begründen Sie die Löschung in mindestens 10 Zeichen.',
    discardFailed: (message: string) => `Die Löschung wurde nicht angeordnet: ${message}`,
    discardRequested: (when: string, reason: string) =>
      `Löschung angeordnet ${when} („${reason}“) – das Terminal löscht den Antrag bei seiner nächsten Meldung.`,
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
    /** Between the provider's button and the local form. */
    orLocal: 'Oder mit einem Konto des Hubs:',
    /** Why a sign-in through the municipality's provider did not end in a session (?signin=…). */
    providerProblems: {
      expired:
        'Die Anmeldung ist abgelaufen oder wurde in einem anderen Fenster begonnen. Bitte melden Sie sich erneut an.',
      denied: 'Die Anmeldung wurde beim Anmeldedienst der Gemeinde abgebrochen.',
      refused:
        'Ihr Konto ist für kein Amt in Point of Public freigegeben. Bitte wenden Sie sich an die Verwaltung Ihrer Gemeinde.',
      provider:
        'Der Anmeldedienst der Gemeinde antwortet nicht richtig. Bitte versuchen Sie es später noch einmal.',
      conflict:
        'Auf dem Hub gibt es schon ein Konto mit Ihrem Namen. Bitte wenden Sie sich an die Verwaltung Ihrer Gemeinde.',
    },
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

  keys: {
    importHeading: 'Schlüssel des Amtes importieren',
    importIntro: (kid: string) =>
      `Anträge sind Ende-zu-Ende verschlüsselt. Zum Lesen brauchen Sie einmalig die Schlüsseldatei Ihres Amtes (Schlüssel ${kid}). Sie wird nur verschlüsselt in diesem Browser gespeichert.`,
    unlockHeading: 'Schlüssel entsperren',
    unlockIntro: 'Geben Sie Ihre Passphrase ein, um die Anträge in diesem Fenster zu lesen.',
    file: 'Schlüsseldatei (JWK)',
    passphrase: 'Passphrase',
    passphraseHelp: 'Mindestens 10 Zeichen. Sie schützt den Schlüssel in diesem Browser.',
    repeat: 'Passphrase wiederholen',
    importButton: 'Schlüssel importieren',
    unlockButton: 'Entsperren',
    chooseFile: 'Bitte wählen Sie die Schlüsseldatei aus.',
    mismatch: 'Die beiden Passphrasen stimmen nicht überein.',
    opening: 'Antrag wird entschlüsselt …',
    failed: (reason: string) => `Der Antrag ließ sich nicht entschlüsseln: ${reason}`,
    problems: 'Prüfung des Antrags',
    fieldProblem: (label: string, message: string) => `${label}: ${message}`,
  },

  attachments: {
    heading: 'Anhänge',
    none: 'Der Antrag hat keine Anhänge.',
    loading: (name: string) => `${name} wird geladen und entschlüsselt …`,
    verified: 'SHA-512 stimmt mit dem Metadatensatz überein.',
    mismatch:
      'Achtung: Der Inhalt passt nicht zum SHA-512 im Metadatensatz. Die Datei ist verändert oder beschädigt.',
    failed: (name: string, reason: string) => `${name} ließ sich nicht laden oder entschlüsseln: ${reason}`,
    download: (name: string) => `${name} herunterladen`,
    size: (kb: number) => `${kb} KB`,
  },

  exports: {
    heading: 'Export',
    intro:
      'Der Export entsteht hier im Browser aus den entschlüsselten Anträgen: eine ZIP-Datei mit den Angaben (answers.json), einer druckbaren Ansicht (antrag.html), den Anhängen und den Metadaten. Der Server im Rathaus sieht davon nichts.',
    selectAll: 'Alle Anträge auswählen',
    select: (trackingCode: string) => `Antrag ${trackingCode} auswählen`,
    selected: (n: number) => (n === 1 ? '1 Antrag ausgewählt' : `${n} Anträge ausgewählt`),
    exportSelected: (n: number) =>
      n === 1 ? '1 Antrag als ZIP exportieren' : `${n} Anträge als ZIP exportieren`,
    exportOne: 'Antrag als ZIP exportieren',
    progress: 'Fortschritt des Exports',
    running: (done: number, total: number) => `Export läuft: ${done} von ${total} Anträgen …`,
    done: (name: string) => `Export fertig: ${name} wurde heruntergeladen.`,
    failed: (reason: string) => `Der Export ist fehlgeschlagen: ${reason}`,
    needsKey: 'Für den Export wird der Schlüssel des Amtes gebraucht.',
    /** antrag.html */
    printTitle: (formTitle: string, trackingCode: string) => `${formTitle} – Vorgangsnummer ${trackingCode}`,
    form: 'Formular',
    formVersion: (id: string, version: number) => `${id}, Version ${version}`,
    service: 'Leistung',
    office: 'Amt',
    exportedAt: 'Exportiert',
    attachmentsNone: 'Keine Anhänge.',
    attachmentVerified: 'SHA-512 geprüft',
    attachmentMismatch: 'SHA-512 stimmt NICHT mit dem Metadatensatz überein',
    noProblems: 'Die Angaben passen zum Metadatensatz und zum Formular.',
    printHint: 'Zum Drucken: Strg+P.',
  },

  statusForm: {
    heading: 'Status für die antragstellende Person',
    intro:
      'Die Person sieht den Status und Ihre Nachricht, wenn sie die Vorgangsnummer an einem Terminal eingibt. Schreiben Sie keine persönlichen Daten hinein.',
    status: 'Status',
    message: 'Nachricht (höchstens 500 Zeichen)',
    save: 'Status speichern',
    saved: 'Der Status ist gespeichert.',
    failed: (reason: string) => `Der Status konnte nicht gespeichert werden: ${reason}`,
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
