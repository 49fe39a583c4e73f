import { plural } from './plural.js';
import type { FieldErrorCode } from '../../../protocol/forms.js';
import { INTL_LOCALES, type Locale } from '../../../protocol/i18n.js';
import type { SubmissionStatus } from '../../../protocol/submission.js';
import { ar } from './ar.js';
import { displayDe, displayEn } from './display-texts.js';
import { ru } from './ru.js';
import { sessionDe, sessionEn } from './session-texts.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

/**
 * Every text of the kiosk interface; every language mirrors German key for key (the type enforces
 * it). German and English live here, the other languages in their own files.
 */
const de = {
  languageName: 'Deutsch',
  appName: 'Point of Public',
  attractStart: 'Berühren Sie den Bildschirm, um zu beginnen',
  chooseLanguage: 'Bitte wählen Sie Ihre Sprache',
  home: 'Startseite',
  endSession: 'Sitzung beenden',
  back: 'Zurück',
  next: 'Weiter',
  language: 'Sprache',
  online: 'Verbunden',
  offline: 'Offline – Anträge werden gespeichert und später gesendet',
  connecting: 'Verbindung wird geprüft …',
  waitingToSend: (n: number) =>
    plural('de', n, { one: '# Antrag wartet auf Versand', other: '# Anträge warten auf Versand' }),
  catalogTitle: 'Was möchten Sie erledigen?',
  searchLabel: 'Dienstleistung suchen',
  searchPlaceholder: 'z. B. Ausweis, Umzug, Hund',
  allCategories: 'Alle Themen',
  categories: 'Themen',
  noResults: 'Keine passende Dienstleistung gefunden. Versuchen Sie ein anderes Wort.',
  resultsCount: (n: number) => plural('de', n, { one: '# Dienstleistung', other: '# Dienstleistungen' }),
  notTranslated: 'Dieser Text ist nur auf Deutsch verfügbar.',
  machineTranslated: 'Maschinell übersetzt: im Zweifel gilt der deutsche Text.',
  requiredDocuments: 'Benötigte Unterlagen',
  prerequisites: 'Voraussetzungen',
  fees: 'Gebühren',
  free: 'gebührenfrei',
  processingTime: 'Bearbeitungsdauer',
  deadlines: 'Fristen',
  legalBasis: 'Rechtsgrundlage',
  responsibleOffice: 'Zuständige Stelle',
  openingHours: 'Öffnungszeiten',
  startForm: 'Antrag hier ausfüllen',
  noForm:
    'Für diese Leistung gibt es am Terminal noch kein Formular. Wenden Sie sich bitte an die zuständige Stelle.',
  formNeedsMoreFiles: (needed: number, allowed: number) =>
    `Für diesen Antrag braucht es ${needed} Nachweise; dieses Terminal nimmt höchstens ${allowed} Dateien auf. Bitte stellen Sie den Antrag im Amt.`,
  formNeedsMoreFilesCall: 'Sie können auch hier am Terminal per Videoanruf mit der Verwaltung sprechen.',
  stepOf: (step: number, total: number) => `Schritt ${step} von ${total}`,
  optional: 'freiwillig',
  yes: 'Ja',
  no: 'Nein',
  applies: 'Trifft auf mich zu',
  doesNotApply: 'Trifft nicht zu',
  appliesQuestion: 'Trifft das auf Sie zu?',
  review: 'Angaben prüfen',
  reviewIntro: 'Bitte prüfen Sie Ihre Angaben. Mit „Ändern“ kommen Sie zum jeweiligen Schritt zurück.',
  change: 'Ändern',
  notAnswered: '—',
  submit: 'Antrag abschicken',
  fixErrors: (n: number) =>
    plural('de', n, { one: 'Bitte korrigieren Sie # Angabe.', other: 'Bitte korrigieren Sie # Angaben.' }),
  receiptTitle: 'Ihr Antrag ist gespeichert',
  /** The heading once the town hall has it: it follows the status line below it. */
  receiptTitleSent: 'Ihr Antrag ist eingegangen',
  receiptTrackingCode: 'Ihre Vorgangsnummer',
  receiptKeep:
    'Notieren oder fotografieren Sie diese Nummer. Damit können Sie den Stand Ihres Antrags erfragen.',
  receiptSent: 'Der Antrag ist im Rathaus eingegangen.',
  receiptQueued: 'Der Antrag wird automatisch gesendet, sobald das Terminal wieder verbunden ist.',
  receiptQrLabel: 'QR-Code Ihrer Vorgangsnummer',
  receiptNextStepsTitle: 'So geht es weiter',
  receiptNextSteps:
    'Die zuständige Stelle bearbeitet Ihren Antrag und meldet sich bei Ihnen. Nennen Sie bei Fragen Ihre Vorgangsnummer.',
  receiptPrint: 'Beleg drucken',
  receiptPrinted: 'Der Beleg wird gedruckt. Bitte nehmen Sie ihn mit.',
  receiptNoPrinter:
    'Gerade kann kein Beleg gedruckt werden. Bitte fotografieren Sie den QR-Code oder notieren Sie die Vorgangsnummer.',
  adminTitle: 'Wartung',
  adminPin: 'PIN',
  adminSubmit: 'Terminal beenden',
  adminCancel: 'Abbrechen',
  adminWrongPin: 'Die PIN ist falsch.',
  adminLocked: 'Zu viele Versuche. Bitte später erneut versuchen.',
  adminUnavailable: 'An diesem Terminal ist das Beenden nicht möglich.',
  finish: 'Fertig',
  idleTitle: 'Sind Sie noch da?',
  idleBody: (s: number) =>
    `Aus Datenschutzgründen werden Ihre Eingaben in ${plural('de', s, { one: '# Sekunde', other: '# Sekunden' })} gelöscht.`,
  idleContinue: 'Weitermachen',
  idleEnd: 'Jetzt beenden',
  notConfigured: 'Dieses Terminal ist noch nicht eingerichtet.',
  notConfiguredHelp: 'Bitte wenden Sie sich an den IT-Dienstleister der Gemeinde.',
  noContentYet: 'Das Terminal lädt die Dienstleistungen. Bitte warten Sie einen Moment.',
  submitFailed: 'Der Antrag konnte nicht gespeichert werden. Bitte versuchen Sie es noch einmal.',
  attachments: {
    takePhoto: 'Dokument fotografieren',
    takeScan: 'Dokument scannen',
    chooseFile: 'Datei vom Scanner wählen',
    capture: 'Auslösen',
    retake: 'Neu aufnehmen',
    keep: 'Aufnahme übernehmen',
    cancel: 'Abbrechen',
    remove: 'Entfernen',
    cameraView: 'Kamerabild',
    hint: 'Legen Sie das Dokument flach vor die Kamera. Dann tippen Sie auf „Auslösen“.',
    count: (n: number, max: number) =>
      `${n} von höchstens ${plural('de', max, { one: '# Datei', other: '# Dateien' })}`,
    shot: (n: number) => `Aufnahme ${n}`,
    noCamera: 'Die Kamera ist gerade nicht verfügbar. Bitte bringen Sie das Dokument zum Amt mit.',
    noCameraRequired:
      'Die Kamera ist gerade nicht verfügbar. Ohne dieses Dokument kann der Antrag nicht abgeschickt werden. Bitte sagen Sie dem Personal vor Ort Bescheid oder versuchen Sie es später noch einmal.',
    roomKept:
      'Hier passt keine weitere Datei: Der übrige Platz bleibt für die Nachweise, die dieser Antrag noch braucht.',
    missing: (min: number) =>
      min === 1
        ? 'Dieses Dokument wird für den Antrag gebraucht. Bitte nehmen Sie es auf.'
        : `Für den Antrag werden hier mindestens ${min} Aufnahmen gebraucht. Bitte nehmen Sie die fehlenden auf.`,
    problems: {
      too_large: (max: string) =>
        `Die Datei ist zu groß. Erlaubt sind höchstens ${max}. Bitte nehmen Sie das Dokument neu auf.`,
      wrong_type: 'Diese Art von Datei geht hier nicht. Erlaubt sind Fotos (JPEG, PNG) und PDF.',
      too_many: (max: number) => `Sie können höchstens ${max} Dateien anhängen. Entfernen Sie erst eine.`,
      empty: 'Die Aufnahme ist leer. Bitte nehmen Sie das Dokument neu auf.',
    },
    atFinalize: (name: string) => `Problem mit „${name}“:`,
    offerTitle: 'Das Rathaus hat ein Foto Ihres Dokuments geschickt',
    offerBody: 'Möchten Sie es an Ihren Antrag anhängen?',
    offerAttach: 'Anhängen',
    offerDecline: 'Nicht anhängen',
    uploading: (percent: number) => `Fotos werden an das Rathaus übertragen: ${percent} %`,
  },
  officeKeyRefused:
    'Ihr Antrag kann an diesem Terminal gerade nicht sicher verschlüsselt werden. Er wurde nicht gespeichert und nicht gesendet. Bitte sagen Sie dem Personal vor Ort Bescheid oder wenden Sie sich direkt an das Amt.',
  storageFull:
    'Der Speicher dieses Terminals ist voll. Ihr Antrag wurde nicht gespeichert und nicht gesendet. Bitte sagen Sie dem Personal vor Ort Bescheid oder versuchen Sie es später noch einmal – Ihre Angaben bleiben bis dahin auf dem Bildschirm.',
  draftNotSaved:
    'Hinweis: Der Speicher dieses Terminals ist voll, Ihre Eingaben werden gerade nicht zwischengespeichert. Sie können weiter ausfüllen; klappt das Abschicken nicht, wenden Sie sich bitte an das Personal vor Ort.',
  draftSaveFailed:
    'Hinweis: Ihre Eingaben konnten gerade nicht zwischengespeichert werden. Sie können weiter ausfüllen.',
  statusOpen: 'Stand eines Antrags abfragen',
  statusTitle: 'Stand Ihres Antrags',
  statusIntro: 'Geben Sie die Vorgangsnummer von Ihrem Beleg ein.',
  statusLookup: 'Abfragen',
  statusInvalidCode: 'Eine Vorgangsnummer hat 12 Zeichen, zum Beispiel AB12-CD34-EF56.',
  statusScan: 'QR-Code scannen',
  statusScanHint: 'Halten Sie den QR-Code auf Ihrem Beleg vor die Kamera des Terminals.',
  statusScanVideo: 'Kamerabild zum Scannen',
  statusScanStop: 'Scannen beenden',
  statusScanNoCamera: 'Die Kamera ist nicht verfügbar. Bitte geben Sie die Vorgangsnummer ein.',
  statusNotFound: 'Zu dieser Vorgangsnummer gibt es keinen Antrag. Bitte prüfen Sie die Nummer.',
  statusUnreachable: 'Das Rathaus ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
  statusSince: (date: string) => `Stand vom ${date}`,
  statusNames: {
    received: 'Eingegangen',
    'in-progress': 'In Bearbeitung',
    completed: 'Erledigt',
    rejected: 'Abgelehnt',
  } satisfies Record<SubmissionStatus, string>,
  days: { mon: 'Mo', tue: 'Di', wed: 'Mi', thu: 'Do', fri: 'Fr', sat: 'Sa', sun: 'So' },
  fieldErrors: {
    required: 'Bitte füllen Sie dieses Feld aus.',
    type: 'Diese Angabe hat nicht die richtige Form.',
    tooShort: 'Diese Angabe ist zu kurz.',
    tooLong: 'Diese Angabe ist zu lang.',
    pattern: 'Diese Angabe hat nicht die richtige Form.',
    format: 'Diese Angabe hat nicht die richtige Form.',
    notAllowed: 'Bitte wählen Sie eine der Möglichkeiten.',
    tooSmall: 'Diese Zahl ist zu klein.',
    tooLarge: 'Diese Zahl ist zu groß.',
    mustAccept: 'Bitte bestätigen Sie dies, um fortzufahren.',
    unknownField: 'Diese Angabe gehört nicht zum Formular.',
    tooFew: 'Bitte geben Sie mehr Einträge an.',
    tooMany: 'Das sind zu viele Einträge.',
    invalid: 'Diese Angabe ist nicht gültig.',
  } satisfies Record<FieldErrorCode, string>,
  ...displayDe,
  ...sessionDe,
};

export type Texts = typeof de;

const en: Texts = {
  languageName: 'English',
  appName: 'Point of Public',
  attractStart: 'Touch the screen to begin',
  chooseLanguage: 'Please choose your language',
  home: 'Start page',
  endSession: 'End session',
  back: 'Back',
  next: 'Next',
  language: 'Language',
  online: 'Connected',
  offline: 'Offline – applications are saved and sent later',
  connecting: 'Checking connection …',
  waitingToSend: (n) =>
    plural('en', n, { one: '# application waiting to be sent', other: '# applications waiting to be sent' }),
  catalogTitle: 'What would you like to do?',
  searchLabel: 'Search for a service',
  searchPlaceholder: 'e.g. ID card, moving, dog',
  allCategories: 'All topics',
  categories: 'Topics',
  noResults: 'No matching service found. Try another word.',
  resultsCount: (n) => plural('en', n, { one: '# service', other: '# services' }),
  notTranslated: 'This text is only available in German.',
  machineTranslated: 'Machine-translated: if in doubt, the German text applies.',
  requiredDocuments: 'Documents you need',
  prerequisites: 'Prerequisites',
  fees: 'Fees',
  free: 'free of charge',
  processingTime: 'Processing time',
  deadlines: 'Deadlines',
  legalBasis: 'Legal basis',
  responsibleOffice: 'Responsible office',
  openingHours: 'Opening hours',
  startForm: 'Fill in the application here',
  noForm: 'There is no form for this service at the terminal yet. Please contact the responsible office.',
  formNeedsMoreFiles: (needed, allowed) =>
    `This application needs ${needed} documents; this terminal takes at most ${allowed} files. Please apply at the office.`,
  formNeedsMoreFilesCall: 'You can also talk to the office by video call here at the terminal.',
  stepOf: (step, total) => `Step ${step} of ${total}`,
  optional: 'optional',
  yes: 'Yes',
  no: 'No',
  applies: 'Applies to me',
  doesNotApply: 'Does not apply',
  appliesQuestion: 'Does this apply to you?',
  review: 'Check your details',
  reviewIntro: 'Please check your details. "Change" takes you back to that step.',
  change: 'Change',
  notAnswered: '—',
  submit: 'Send application',
  fixErrors: (n) => plural('en', n, { one: 'Please correct # entry.', other: 'Please correct # entries.' }),
  receiptTitle: 'Your application is saved',
  receiptTitleSent: 'Your application has arrived',
  receiptTrackingCode: 'Your tracking code',
  receiptKeep:
    'Write down or take a photo of this code. With it you can ask about the status of your application.',
  receiptSent: 'The application has arrived at the town hall.',
  receiptQueued: 'The application will be sent automatically as soon as the terminal is connected again.',
  receiptQrLabel: 'QR code of your tracking code',
  receiptNextStepsTitle: 'What happens next',
  receiptNextSteps:
    'The responsible office processes your application and will contact you. Quote your tracking code if you have questions.',
  receiptPrint: 'Print receipt',
  receiptPrinted: 'The receipt is being printed. Please take it with you.',
  receiptNoPrinter:
    'No receipt can be printed right now. Please take a photo of the QR code or write down the tracking code.',
  adminTitle: 'Maintenance',
  adminPin: 'PIN',
  adminSubmit: 'Close the terminal',
  adminCancel: 'Cancel',
  adminWrongPin: 'The PIN is wrong.',
  adminLocked: 'Too many attempts. Please try again later.',
  adminUnavailable: 'This terminal cannot be closed here.',
  finish: 'Done',
  idleTitle: 'Are you still there?',
  idleBody: (s) =>
    `To protect your privacy, your entries will be deleted in ${plural('en', s, { one: '# second', other: '# seconds' })}.`,
  idleContinue: 'Continue',
  idleEnd: 'End now',
  notConfigured: 'This terminal has not been set up yet.',
  notConfiguredHelp: 'Please contact the municipality’s IT provider.',
  noContentYet: 'The terminal is loading the services. Please wait a moment.',
  submitFailed: 'The application could not be saved. Please try again.',
  attachments: {
    takePhoto: 'Take a photo of a document',
    takeScan: 'Scan a document',
    chooseFile: 'Choose a file from the scanner',
    capture: 'Take picture',
    retake: 'Take again',
    keep: 'Use this picture',
    cancel: 'Cancel',
    remove: 'Remove',
    cameraView: 'Camera picture',
    hint: 'Lay the document flat in front of the camera. Then tap “Take picture”.',
    count: (n, max) => `${n} of at most ${plural('en', max, { one: '# file', other: '# files' })}`,
    shot: (n) => `Picture ${n}`,
    noCamera: 'The camera is not available right now. Please bring the document to the office.',
    noCameraRequired:
      'The camera is not available right now. The application cannot be sent without this document. Please tell the staff here, or try again later.',
    roomKept:
      'No further file fits here: the remaining room is kept for the documents this application still needs.',
    missing: (min) =>
      min === 1
        ? 'This document is needed for the application. Please take a picture of it.'
        : `The application needs at least ${min} pictures here. Please take the missing ones.`,
    problems: {
      too_large: (max) =>
        `The file is too large. At most ${max} are allowed. Please take the document again.`,
      wrong_type: 'This kind of file cannot be used here. Photos (JPEG, PNG) and PDF are allowed.',
      too_many: (max) => `You can attach at most ${max} files. Remove one first.`,
      empty: 'The picture is empty. Please take the document again.',
    },
    atFinalize: (name) => `Problem with “${name}”:`,
    offerTitle: 'The town hall sent a photo of your document',
    offerBody: 'Would you like to attach it to your application?',
    offerAttach: 'Attach',
    offerDecline: 'Do not attach',
    uploading: (percent) => `Sending photos to the town hall: ${percent} %`,
  },
  officeKeyRefused:
    'Your application cannot be encrypted safely at this terminal right now. It was not saved and not sent. Please tell the staff here or contact the office directly.',
  storageFull:
    'This terminal’s storage is full. Your application was not saved and not sent. Please tell the staff here, or try again later – your answers stay on the screen until then.',
  draftNotSaved:
    'Note: this terminal’s storage is full, so your answers are not being saved in between. You can keep filling in; if sending does not work, please ask the staff here.',
  draftSaveFailed: 'Note: your answers could not be saved in between. You can keep filling in.',
  statusOpen: 'Check the status of an application',
  statusTitle: 'Status of your application',
  statusIntro: 'Enter the tracking code from your receipt.',
  statusLookup: 'Check',
  statusInvalidCode: 'A tracking code has 12 characters, for example AB12-CD34-EF56.',
  statusScan: 'Scan the QR code',
  statusScanHint: 'Hold the QR code on your receipt in front of the terminal’s camera.',
  statusScanVideo: 'Camera picture for scanning',
  statusScanStop: 'Stop scanning',
  statusScanNoCamera: 'The camera is not available. Please type the tracking code.',
  statusNotFound: 'There is no application with this tracking code. Please check the code.',
  statusUnreachable: 'The town hall cannot be reached right now. Please try again later.',
  statusSince: (date) => `As of ${date}`,
  statusNames: {
    received: 'Received',
    'in-progress': 'In progress',
    completed: 'Completed',
    rejected: 'Rejected',
  },
  days: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  fieldErrors: {
    required: 'Please fill in this field.',
    type: 'This entry does not have the right form.',
    tooShort: 'This entry is too short.',
    tooLong: 'This entry is too long.',
    pattern: 'This entry does not have the right form.',
    format: 'This entry does not have the right form.',
    notAllowed: 'Please choose one of the options.',
    tooSmall: 'This number is too small.',
    tooLarge: 'This number is too large.',
    mustAccept: 'Please confirm this to continue.',
    unknownField: 'This entry is not part of the form.',
    tooFew: 'Please add more entries.',
    tooMany: 'These are too many entries.',
    invalid: 'This entry is not valid.',
  },
  ...displayEn,
  ...sessionEn,
};

export const TEXTS: Record<Locale, Texts> = { de, en, tr, ar, uk, ru };

/** Formats euro cents per language: 3700 -> "37,00 €" / "€37.00". */
export function formatEuro(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}
