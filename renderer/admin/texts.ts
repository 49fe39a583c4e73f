export const de = {
  title: 'Verwaltung',
  brand: 'Point of Public',
  loading: 'Wird geladen …',
  logout: 'Abmelden',
  login: {
    heading: 'Verwaltung – Anmeldung',
    username: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    rejected: 'Benutzername oder Passwort ist falsch.',
    notAdmin: 'Dieses Konto hat keine Verwaltungsrechte.',
    unreachable: 'Der Hub ist nicht erreichbar.',
  },
  password: {
    heading: 'Eigenes Passwort wählen',
    intro:
      'Sie haben sich mit einem Erstpasswort angemeldet. Wählen Sie jetzt ein eigenes (mindestens 12 Zeichen).',
    current: 'Erstpasswort',
    next: 'Neues Passwort',
    submit: 'Passwort speichern',
  },
  tabs: { offices: 'Ämter und Schlüssel', clerks: 'Konten', audit: 'Protokoll' },
  offices: {
    heading: 'Ämter und Schlüssel',
    key: 'Schlüssel',
    status: { current: 'aktuell', retired: 'im Ruhestand' },
    newKey: (office: string) => `Neuen Schlüssel für ${office} erzeugen`,
    making: 'Schlüssel wird im Browser erzeugt …',
    made: (kid: string) =>
      `Schlüssel ${kid} ist jetzt aktuell. Der private Schlüssel wurde heruntergeladen – geben Sie ihn nur den Sachbearbeitenden dieses Amts; er wurde nicht an den Hub gesendet.`,
  },
  clerks: {
    heading: 'Konten',
    username: 'Benutzername',
    name: 'Name',
    role: 'Rolle',
    roles: { clerk: 'Sachbearbeitung', admin: 'Verwaltung' },
    offices: 'Ämter',
    state: 'Zustand',
    active: 'aktiv',
    disabled: 'gesperrt',
    disable: (username: string) => `${username} sperren`,
    invite: 'Einladen',
    inviteHeading: 'Konto einladen',
    invited: (username: string, password: string) =>
      `${username} ist eingeladen. Erstpasswort (nur jetzt sichtbar, muss bei der ersten Anmeldung geändert werden): ${password}`,
  },
  audit: {
    heading: 'Protokoll',
    at: 'Zeit',
    actor: 'Wer',
    action: 'Aktion',
    target: 'Ziel',
  },
};
export type AdminTexts = typeof de;
