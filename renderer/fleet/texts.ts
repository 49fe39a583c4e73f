import type { CommandKind, CommandStatus, FleetAlert, TerminalState } from '../../protocol/fleet.js';
import type { z } from 'zod';

/** The provider console is German, like the clerk console; the shape makes a translation complete. */
export const de = {
  title: 'Flottenverwaltung',
  brand: 'Point of Public',
  login: {
    heading: 'Anmeldung für IT-Dienstleister',
    intro: 'Melden Sie sich mit dem Provider-Token des Hubs an (npm start zeigt es an).',
    token: 'Provider-Token',
    submit: 'Anmelden',
    rejected: 'Dieses Token kennt der Hub nicht.',
    unreachable: 'Der Hub ist nicht erreichbar.',
  },
  logout: 'Abmelden',
  loading: 'Lade Terminals …',
  refreshFailed: 'Aktualisierung fehlgeschlagen; die Anzeige ist womöglich veraltet.',
  filters: {
    legend: 'Terminals filtern',
    search: 'Suche (ID oder Name)',
    state: 'Zustand',
    all: 'Alle',
    alertsOnly: 'Nur mit Warnung',
  },
  table: {
    caption: (shown: number, total: number) => `${shown} von ${total} Terminals`,
    id: 'Terminal',
    state: 'Zustand',
    app: 'App',
    config: 'Konfiguration (zugewiesen)',
    lastSeen: 'Zuletzt gesehen',
    lastSync: 'Letzte Synchronisierung',
    outbox: 'Ausgang',
    quarantined: 'Quarantäne',
    storage: 'Speicher',
    uptime: 'Laufzeit',
    lastError: 'Letzter Fehler',
    actions: 'Befehle',
    never: 'nie',
  },
  states: {
    online: 'online',
    silent: 'still',
    never_seen: 'nie gemeldet',
    revoked: 'gesperrt',
  } satisfies Record<z.infer<typeof TerminalState>, string>,
  alerts: {
    heading: 'Warnungen',
    none: 'Keine Warnungen.',
    kinds: {
      silent: 'Still',
      config_reverted: 'Konfiguration zurückgenommen',
      config_refused: 'Konfiguration abgelehnt',
      office_key_refused: 'Amtsschlüssel abgelehnt',
    } satisfies Record<FleetAlert['kind'], string>,
  },
  quarantine: {
    heading: 'Anträge in Quarantäne',
    intro:
      'Diese Anträge hat der Hub endgültig abgelehnt; sie liegen verschlüsselt auf dem Terminal und gehen nicht verloren. Beheben Sie die Ursache (z. B. Schlüssel des Amts, Formular) und lassen Sie das Terminal es erneut versuchen.',
    none: 'Kein Terminal hält Anträge in Quarantäne.',
    terminal: (name: string, id: string, count: number) =>
      `${name} (${id}): ${count} ${count === 1 ? 'Antrag' : 'Anträge'}`,
    submission: 'Antrag',
    form: 'Formular',
    office: 'Amt',
    reason: 'Grund',
    since: 'Seit',
    unknownOffice: 'unbekannt',
    retry: 'Erneut versuchen',
    retryLabel: (submissionId: string, terminal: string) =>
      `Antrag ${submissionId} auf ${terminal} erneut senden`,
    retryRequested: 'Erneuter Versuch angefordert – das Terminal holt ihn bei der nächsten Meldung ab.',
    heldByHub: 'Liegt im Hub: FIT-Connect hat es nicht angenommen – Zugang des Amts prüfen.',
    discardRequested: (reason: string) =>
      `Vom Amt zur Löschung angeordnet („${reason}“) – das Terminal löscht ihn bei der nächsten Meldung.`,
    retrySent: (terminal: string) =>
      `Erneuter Versuch für ${terminal} angefordert; das Terminal sendet den Antrag bei seiner nächsten Meldung.`,
  },
  charts: {
    sessions: 'Sitzungen pro Tag (alle Terminals, 14 Tage)',
    uptime: 'Verfügbarkeit je Terminal (14 Tage)',
    noData: 'Noch keine Daten.',
  },
  commands: {
    heading: 'Befehle',
    none: 'Noch keine Befehle.',
    send: (kind: string, terminal: string) => `${kind} an ${terminal} senden`,
    kinds: {
      reload: 'Neu laden',
      restart: 'Neu starten',
      wipe: 'Daten löschen',
      collect_logs: 'Protokolle holen',
    } satisfies Record<CommandKind, string>,
    statuses: {
      pending: 'wartet',
      delivered: 'zugestellt',
      done: 'erledigt',
      failed: 'fehlgeschlagen',
      expired: 'abgelaufen',
    } satisfies Record<z.infer<typeof CommandStatus>, string>,
    sent: (kind: string, terminal: string) => `Befehl „${kind}“ für ${terminal} eingereiht.`,
  },
};
export type FleetTexts = typeof de;
