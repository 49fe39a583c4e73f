/**
 * Reads an XZuFi 2.2.0 message (the PVOG's and the editorial systems' format for service
 * descriptions and organisational units) into catalog-shaped data. Only XZuFi 2.2.0 is read; any
 * other namespace is refused, because element meanings differ between versions. Texts arrive as
 * HTML and leave as plain structured text (see html-text.ts).
 */
import type { Address, Fee } from '../../protocol/catalog.js';
import { LOCALES, type LocalizedText } from '../../protocol/i18n.js';
import { decodeXml, parseXml, XmlError, type XmlElement } from '../fim/xml.js';
import { htmlToItems, htmlToText } from './html-text.js';

export const XZUFI_NAMESPACE = 'http://xoev.de/schemata/xzufi/2_2_0';
/** A municipality's export is a few megabytes; the cap keeps a hostile file from costing more. */
export const XZUFI_MAX_BYTES = 20 * 1024 * 1024;

/** LeiKa text module codes (code list urn:de:xzufi:codeliste:leistungstextmodulleika). */
const MODULE = {
  name: '02',
  shortText: '05',
  longText: '06',
  legalBasis: '07',
  documents: '08',
  prerequisites: '09',
  procedure: '11',
  notes: '16',
  teaser: '24',
} as const;

export interface XzufiService {
  /** The Leistung's id in the editorial system; stable across exports. */
  leistungId: string;
  leikaKey: string;
  name: LocalizedText;
  shortText: LocalizedText;
  longText: LocalizedText;
  requiredDocuments: LocalizedText[];
  prerequisites: LocalizedText[];
  fees: Fee[];
  processingTime: LocalizedText;
  deadlines: LocalizedText | undefined;
  legalBasis: string[];
  keywords: string[];
}

export interface XzufiUnit {
  id: string;
  name: LocalizedText;
  address: Address | undefined;
  phone: string | undefined;
  email: string | undefined;
  /** Leistung ids this unit is responsible for (zustaendigkeit). */
  leistungIds: string[];
}

export interface XzufiMessage {
  services: XzufiService[];
  units: XzufiUnit[];
  /** Leistungen the message deletes explicitly (loesche). */
  deleted: string[];
  /** One line per Leistung or unit that could not be read; the rest is still imported. */
  problems: string[];
  /** Ids of Leistungen that could not be read: what the catalog has of them stays as it is. */
  unreadable: string[];
}

export class XzufiError extends Error {}

function descendants(element: XmlElement, local: string, found: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (c.local === local) found.push(c);
    descendants(c, local, found);
  }
  return found;
}

const first = (element: XmlElement, local: string) => descendants(element, local)[0];
const own = (element: XmlElement, local: string) => element.children.filter((c) => c.local === local);
const text = (element: XmlElement | undefined) => element?.text.trim() ?? '';

/** A module's texts per language ("de-DE" counts as "de"), with the HTML turned into text. */
function localizedOf(element: XmlElement | undefined, convert = htmlToText): Map<string, string> {
  const result = new Map<string, string>();
  for (const inhalt of element ? descendants(element, 'inhalt') : []) {
    const code = (inhalt.attributes['languageCode'] ?? 'de').toLowerCase().slice(0, 2);
    if (!(LOCALES as readonly string[]).includes(code) || result.has(code)) continue;
    const value = convert(inhalt.text).slice(0, 20_000);
    if (value) result.set(code, value);
  }
  return result;
}

function asLocalized(texts: Map<string, string>): LocalizedText | undefined {
  const de = texts.get('de');
  return de ? { ...Object.fromEntries(texts), de } : undefined;
}

/** List items per language, paired by position; languages with another count are left out. */
function itemsOf(element: XmlElement | undefined): LocalizedText[] {
  if (!element) return [];
  const perLanguage = new Map<string, string[]>();
  for (const inhalt of descendants(element, 'inhalt')) {
    const code = (inhalt.attributes['languageCode'] ?? 'de').toLowerCase().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(code) && !perLanguage.has(code))
      perLanguage.set(code, htmlToItems(inhalt.text));
  }
  const de = perLanguage.get('de') ?? [];
  return de.map((item, i) => {
    const entry: LocalizedText = { de: item.slice(0, 20_000) };
    for (const [code, items] of perLanguage)
      if (code !== 'de' && items.length === de.length && items[i]) entry[code] = items[i].slice(0, 20_000);
    return entry;
  });
}

function textModules(leistung: XmlElement): Map<string, XmlElement> {
  const modules = new Map<string, XmlElement>();
  for (const modul of own(leistung, 'modulText')) {
    const kind = first(modul, 'leikaTextmodul');
    const code = text(kind && first(kind, 'code'));
    if (code && !modules.has(code)) modules.set(code, modul);
  }
  return modules;
}

/** "25", "25.00" or "25,50" euros as cents; undefined for anything else. */
function cents(amount: string): number | undefined {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(amount.trim());
  if (!match?.[1]) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

function feesOf(leistung: XmlElement): Fee[] {
  const fees: Fee[] = [];
  for (const modul of own(leistung, 'modulKosten')) {
    const entries = own(modul, 'kosten');
    for (const kosten of entries.length ? entries : [modul]) {
      const amount = text(first(kosten, 'betragFix')) || text(first(kosten, 'betrag'));
      const description = asLocalized(localizedOf(first(kosten, 'beschreibung') ?? kosten));
      const value = amount ? cents(amount) : undefined;
      if (!description && value === undefined) continue;
      fees.push({
        description: description ?? { de: 'Gebühr' },
        amountCents: value ?? null,
      });
    }
  }
  return fees;
}

function processingTimeOf(leistung: XmlElement): LocalizedText {
  const modul = own(leistung, 'modulBearbeitungsdauer')[0];
  const described = modul && asLocalized(localizedOf(first(modul, 'beschreibung') ?? modul));
  if (described) return described;
  const dauer = modul ? text(first(modul, 'dauer')) : '';
  const unit = modul && first(modul, 'einheit');
  const einheit = text(unit && first(unit, 'code'));
  const units: Record<string, string> = {
    '01': 'Minuten',
    '02': 'Stunden',
    '03': 'Tage',
    '04': 'Wochen',
    '05': 'Monate',
  };
  if (dauer && units[einheit]) return { de: `${dauer} ${units[einheit]}` };
  return { de: 'Die Bearbeitungsdauer ist nicht angegeben.' };
}

function readService(leistung: XmlElement): XzufiService {
  const leistungId = text(own(leistung, 'id')[0]);
  if (!leistungId) throw new XzufiError('a leistung without <id>');
  const leikaKey = descendants(leistung, 'referenzLeiKa')
    .map((r) => text(first(r, 'code')) || text(r))
    .find((k) => /^\d{14}$/.test(k));
  if (!leikaKey) throw new XzufiError(`leistung ${leistungId}: no 14-digit LeiKa key in <referenzLeiKa>`);
  const modules = textModules(leistung);
  const name = asLocalized(localizedOf(modules.get(MODULE.name)));
  if (!name) throw new XzufiError(`leistung ${leistungId}: no German Leistungsbezeichnung (text module 02)`);
  const long = localizedOf(modules.get(MODULE.longText));
  const short = localizedOf(modules.get(MODULE.shortText) ?? modules.get(MODULE.teaser));
  const firstParagraph = (texts: Map<string, string>) =>
    new Map([...texts].map(([code, value]) => [code, value.split('\n\n')[0] ?? value]));
  const shortText = asLocalized(short) ?? asLocalized(firstParagraph(long)) ?? name;
  const longParts = [
    long,
    localizedOf(modules.get(MODULE.procedure)),
    localizedOf(modules.get(MODULE.notes)),
  ];
  const longText = asLocalized(
    new Map(
      LOCALES.flatMap((code) => {
        const parts = longParts.map((m) => m.get(code)).filter((p): p is string => Boolean(p));
        return parts.length ? [[code, parts.join('\n\n').slice(0, 20_000)] as const] : [];
      }),
    ),
  );
  const deadlineModule = own(leistung, 'modulFrist')[0];
  return {
    leistungId,
    leikaKey,
    name,
    shortText,
    longText: longText ?? shortText,
    requiredDocuments: itemsOf(modules.get(MODULE.documents)),
    prerequisites: itemsOf(modules.get(MODULE.prerequisites)),
    fees: feesOf(leistung),
    processingTime: processingTimeOf(leistung),
    deadlines:
      deadlineModule && asLocalized(localizedOf(first(deadlineModule, 'beschreibung') ?? deadlineModule)),
    legalBasis: itemsOf(modules.get(MODULE.legalBasis)).map((item) => item.de),
    keywords: [...new Set(descendants(leistung, 'begriff').map(text).filter(Boolean))].slice(0, 50),
  };
}

function readUnit(unit: XmlElement): XzufiUnit {
  const id = text(own(unit, 'id')[0]);
  if (!id) throw new XzufiError('an organisationseinheit without <id>');
  const nameElement = own(unit, 'name')[0];
  const nameText = nameElement && (text(first(nameElement, 'name')) || text(nameElement));
  if (!nameText) throw new XzufiError(`organisationseinheit ${id}: no <name>`);
  const anschrift = first(unit, 'anschrift');
  const street =
    anschrift &&
    [text(first(anschrift, 'strasse')), text(first(anschrift, 'hausnummer'))].filter(Boolean).join(' ');
  const postalCode = anschrift ? text(first(anschrift, 'postleitzahl')) : '';
  const city = anschrift ? text(first(anschrift, 'ort')) : '';
  const contacts = descendants(unit, 'kennung').map(text).filter(Boolean);
  return {
    id,
    name: { de: htmlToText(nameText) },
    address: street && /^\d{5}$/.test(postalCode) && city ? { street, postalCode, city } : undefined,
    email: contacts.find((c) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c)),
    phone: contacts.find((c) => /^\+?[\d\s/()-]{5,40}$/.test(c)),
    leistungIds: descendants(unit, 'zustaendigkeit')
      .flatMap((z) => own(z, 'leistungID').map(text))
      .filter(Boolean),
  };
}

/** Parses and reads a message; refuses (one line) what is not XZuFi 2.2.0 at all. */
export function readXzufi(bytes: Uint8Array): XzufiMessage {
  if (bytes.byteLength > XZUFI_MAX_BYTES)
    throw new XzufiError(`the file is larger than ${XZUFI_MAX_BYTES} bytes`);
  let root: XmlElement;
  try {
    root = parseXml(decodeXml(bytes), true);
  } catch (error) {
    if (error instanceof XmlError) throw new XzufiError(error.message);
    throw error;
  }
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  const namespace = root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'];
  if (namespace !== XZUFI_NAMESPACE)
    throw new XzufiError(
      `unknown namespace ${namespace ? `"${namespace}"` : '(none)'} of <${root.name}>: this importer reads XZuFi 2.2.0 (${XZUFI_NAMESPACE})`,
    );
  const message: XzufiMessage = { services: [], units: [], deleted: [], problems: [], unreadable: [] };
  const containers = [root, ...descendants(root, 'schreibe')];
  for (const container of containers) {
    for (const element of container.children) {
      try {
        if (element.local === 'leistung') message.services.push(readService(element));
        else if (element.local === 'organisationseinheit') message.units.push(readUnit(element));
      } catch (error) {
        if (!(error instanceof XzufiError)) throw error;
        message.problems.push(error.message);
        const id = text(own(element, 'id')[0]);
        if (element.local === 'leistung' && id) message.unreadable.push(id);
      }
    }
  }
  for (const loesche of descendants(root, 'loesche')) {
    for (const id of [
      ...descendants(loesche, 'leistungID'),
      ...descendants(loesche, 'leistung').map((l) => own(l, 'id')[0]),
    ])
      if (text(id)) message.deleted.push(text(id));
  }
  if (
    !message.services.length &&
    !message.units.length &&
    !message.deleted.length &&
    !message.problems.length
  )
    throw new XzufiError('the message holds no leistung and no organisationseinheit');
  return message;
}
