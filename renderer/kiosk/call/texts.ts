import { plural } from '../i18n/plural.js';
import type { Locale } from '../../../protocol/i18n.js';
import { ar } from './locales/ar.js';
import { ru } from './locales/ru.js';
import { tr } from './locales/tr.js';
import { uk } from './locales/uk.js';
import { minutes } from './wait-minutes.js';

/**
 * The texts of the video call; every language mirrors German key for key (the type enforces it).
 * German and English live here, the other kiosk languages in locales/.
 */
const de = {
  talkToClerk: 'Mit dem Rathaus sprechen',
  panelTitle: 'Video-Beratung mit dem Rathaus',
  office: 'Stelle',
  videoHoursToday: 'Video-Sprechzeiten heute',
  noHoursToday: 'Heute keine Video-Sprechzeiten',
  openNow: 'Jetzt geöffnet',
  closedNow: 'Jetzt außerhalb der Sprechzeiten',
  clerksFree: (n: number) =>
    plural('de', n, { one: '# Mitarbeiterin oder Mitarbeiter frei', other: '# Mitarbeitende frei' }),
  clerksBusy: 'Alle Mitarbeitenden sind im Gespräch',
  nobodyOnline: 'Gerade ist niemand für Video-Anrufe da',
  waitingCount: (n: number) =>
    n === 0 ? 'Niemand wartet' : plural('de', n, { one: '# Person wartet', other: '# Personen warten' }),
  estimatedWait: (s: number | null) =>
    s === null
      ? 'Wartezeit unbekannt'
      : s < 60
        ? 'Wartezeit: unter einer Minute'
        : `Wartezeit: etwa ${plural('de', minutes(s), { one: '# Minute', other: '# Minuten' })}`,
  hubUnreachable:
    'Das Rathaus ist gerade nicht erreichbar. Sie können einen Rückruf oder Termin hinterlassen.',
  terminalOffline:
    'Dieses Terminal ist gerade offline: Video-Anrufe gehen erst wieder, wenn es verbunden ist. Einen Rückruf oder Termin können Sie schon jetzt hinterlassen; er wird gesendet, sobald das Terminal verbunden ist.',
  startCall: 'Video-Anruf starten',
  requestCallback: 'Rückruf anfordern',
  bookAppointment: 'Termin buchen',
  close: 'Schließen',
  consentTitle: 'Kamera und Mikrofon einschalten?',
  consentText:
    'Für das Gespräch werden Kamera und Mikrofon dieses Terminals eingeschaltet. Das Gespräch wird nicht aufgezeichnet. Sie können jederzeit auflegen.',
  consentAgree: 'Einverstanden, anrufen',
  cancel: 'Abbrechen',
  starting: 'Kamera wird eingeschaltet …',
  queuePosition: (n: number) => `Sie sind an Platz ${n} der Warteschlange`,
  queueJoining: 'Sie werden in die Warteschlange eingereiht …',
  transferred: 'Sie werden weiterverbunden.',
  cancelCall: 'Anruf abbrechen',
  connectedWith: (name: string) => `Im Gespräch mit ${name}`,
  reconnecting: 'Verbindung wird wiederhergestellt …',
  connecting: 'Verbindung wird aufgebaut …',
  hangUp: 'Auflegen',
  clerkVideo: 'Video der Mitarbeiterin oder des Mitarbeiters',
  ownVideo: 'Ihr eigenes Bild',
  quality: { good: 'Verbindung gut', fair: 'Verbindung mittel', poor: 'Verbindung schwach' },
  audioOnly: 'Die Verbindung ist schwach: nur Ton, ohne Bild.',
  chat: 'Text-Chat',
  chatInput: 'Nachricht schreiben',
  send: 'Senden',
  me: 'Ich',
  clerk: 'Rathaus',
  coviewTitle: 'Darf die Mitarbeiterin oder der Mitarbeiter Ihr Formular sehen?',
  coviewText:
    'Sie sieht dann, was Sie eintippen – nur ansehen, nicht ändern. Sie können es jederzeit beenden.',
  coviewAllow: 'Ja, zeigen',
  coviewDeny: 'Nein',
  coviewActive: 'Das Rathaus sieht Ihr Formular mit.',
  coviewStop: 'Mitsehen beenden',
  stillTaken: 'Das Rathaus hat ein Foto Ihres Dokuments aufgenommen.',
  ended: {
    hangup: 'Das Gespräch ist beendet.',
    cancelled: 'Der Anruf wurde abgebrochen.',
    unanswered: 'Leider konnte gerade niemand Ihren Anruf annehmen.',
    peer_vanished: 'Die Verbindung ist abgebrochen.',
    closed: 'Der Video-Dienst ist gerade nicht verfügbar.',
    camera_failed: 'Kamera oder Mikrofon konnten nicht eingeschaltet werden.',
  },
  leaveRequest: 'Sie können einen Rückruf anfordern oder einen Termin buchen.',
  name: 'Ihr Name',
  phone: 'Telefonnummer für den Rückruf',
  note: 'Worum geht es? (freiwillig)',
  slot: 'Termin wählen',
  noSlots: 'In den nächsten zwei Wochen sind keine Video-Termine frei.',
  save: 'Absenden',
  invalidName: 'Bitte geben Sie Ihren Namen ein.',
  invalidPhone: 'Bitte geben Sie eine Telefonnummer ein (nur Ziffern, Leerzeichen, + und -).',
  callbackSaved: 'Danke! Das Rathaus ruft Sie zurück.',
  appointmentSaved: (slot: string) => `Danke! Ihr Video-Termin: ${slot}.`,
  savedOffline: 'Die Anfrage ist gespeichert und wird gesendet, sobald das Terminal verbunden ist.',
  savedSent: 'Die Anfrage ist im Rathaus eingegangen.',
};

export type CallTexts = typeof de;

const en: CallTexts = {
  talkToClerk: 'Talk to the town hall',
  panelTitle: 'Video advice from the town hall',
  office: 'Office',
  videoHoursToday: 'Video hours today',
  noHoursToday: 'No video hours today',
  openNow: 'Open now',
  closedNow: 'Outside video hours now',
  clerksFree: (n: number) => plural('en', n, { one: '# clerk free', other: '# clerks free' }),
  clerksBusy: 'All clerks are in a call',
  nobodyOnline: 'Nobody is available for video calls right now',
  waitingCount: (n: number) =>
    n === 0 ? 'Nobody is waiting' : plural('en', n, { one: '# person waiting', other: '# people waiting' }),
  estimatedWait: (s: number | null) =>
    s === null
      ? 'Waiting time unknown'
      : s < 60
        ? 'Wait: under a minute'
        : `Wait: about ${plural('en', minutes(s), { one: '# minute', other: '# minutes' })}`,
  hubUnreachable:
    'The town hall cannot be reached right now. You can leave a callback request or book an appointment.',
  terminalOffline:
    'This terminal is offline right now: video calls work again once it is connected. You can already leave a callback request or book an appointment; it is sent as soon as the terminal is connected.',
  startCall: 'Start video call',
  requestCallback: 'Request a callback',
  bookAppointment: 'Book an appointment',
  close: 'Close',
  consentTitle: 'Switch on camera and microphone?',
  consentText:
    "For the call, this terminal's camera and microphone are switched on. The call is not recorded. You can hang up at any time.",
  consentAgree: 'Agree and call',
  cancel: 'Cancel',
  starting: 'Switching on the camera …',
  queuePosition: (n: number) => `You are number ${n} in the queue`,
  queueJoining: 'Joining the queue …',
  transferred: 'You are being transferred.',
  cancelCall: 'Cancel call',
  connectedWith: (name: string) => `In a call with ${name}`,
  reconnecting: 'Reconnecting …',
  connecting: 'Connecting …',
  hangUp: 'Hang up',
  clerkVideo: "The clerk's video",
  ownVideo: 'Your own picture',
  quality: { good: 'Connection good', fair: 'Connection fair', poor: 'Connection weak' },
  audioOnly: 'The connection is weak: sound only, no picture.',
  chat: 'Text chat',
  chatInput: 'Write a message',
  send: 'Send',
  me: 'Me',
  clerk: 'Town hall',
  coviewTitle: 'May the clerk see your form?',
  coviewText: 'They will see what you type – only look, not change. You can stop it at any time.',
  coviewAllow: 'Yes, show',
  coviewDeny: 'No',
  coviewActive: 'The town hall sees your form.',
  coviewStop: 'Stop sharing',
  stillTaken: 'The town hall took a photo of your document.',
  ended: {
    hangup: 'The call has ended.',
    cancelled: 'The call was cancelled.',
    unanswered: 'Sorry, nobody could take your call just now.',
    peer_vanished: 'The connection was lost.',
    closed: 'The video service is not available right now.',
    camera_failed: 'The camera or microphone could not be switched on.',
  },
  leaveRequest: 'You can request a callback or book an appointment.',
  name: 'Your name',
  phone: 'Phone number for the callback',
  note: 'What is it about? (optional)',
  slot: 'Choose a time',
  noSlots: 'There are no video appointments in the next two weeks.',
  save: 'Send',
  invalidName: 'Please enter your name.',
  invalidPhone: 'Please enter a phone number (digits, spaces, + and - only).',
  callbackSaved: 'Thank you! The town hall will call you back.',
  appointmentSaved: (slot: string) => `Thank you! Your video appointment: ${slot}.`,
  savedOffline: 'Your request is saved and will be sent as soon as the terminal is connected.',
  savedSent: 'Your request has reached the town hall.',
};

export const CALL_TEXTS: Record<Locale, CallTexts> = { de, en, tr, ar, uk, ru };
