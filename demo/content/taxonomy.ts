import type { Category, LifeSituation } from '../../protocol/catalog.js';
import type { CategoryId, LifeSituationId } from './ids.js';

export const categories: (Category & { id: CategoryId })[] = [
  { id: 'wohnen', name: { de: 'Wohnen & Umzug', en: 'Housing & moving' }, icon: '🏠', order: 1 },
  { id: 'dokumente', name: { de: 'Ausweise & Dokumente', en: 'ID cards & documents' }, icon: '🪪', order: 2 },
  { id: 'familie', name: { de: 'Familie & Standesamt', en: 'Family & civil status' }, icon: '👪', order: 3 },
  { id: 'tiere', name: { de: 'Hunde & Tiere', en: 'Dogs & animals' }, icon: '🐕', order: 4 },
  { id: 'abfall-umwelt', name: { de: 'Abfall & Umwelt', en: 'Waste & environment' }, icon: '♻️', order: 5 },
  {
    id: 'verkehr-ordnung',
    name: { de: 'Verkehr & öffentlicher Raum', en: 'Traffic & public space' },
    icon: '🚦',
    order: 6,
  },
  { id: 'steuern', name: { de: 'Steuern & Abgaben', en: 'Local taxes & charges' }, icon: '💶', order: 7 },
  { id: 'gewerbe', name: { de: 'Gewerbe & Feste', en: 'Business & events' }, icon: '🏪', order: 8 },
  { id: 'soziales', name: { de: 'Soziales & Rente', en: 'Social support & pension' }, icon: '🤝', order: 9 },
];

export const lifeSituations: (LifeSituation & { id: LifeSituationId })[] = [
  { id: 'umzug', name: { de: 'Ich ziehe um', en: 'I am moving house' } },
  { id: 'geburt', name: { de: 'Wir bekommen ein Kind', en: 'We are having a baby' } },
  { id: 'heirat', name: { de: 'Wir heiraten', en: 'We are getting married' } },
  { id: 'hund', name: { de: 'Ich habe einen Hund', en: 'I have a dog' } },
  { id: 'todesfall', name: { de: 'Ein Angehöriger ist gestorben', en: 'A relative has died' } },
  { id: 'auto', name: { de: 'Ich habe ein Auto', en: 'I have a car' } },
  { id: 'gewerbe-gruenden', name: { de: 'Ich mache mich selbstständig', en: 'I am starting a business' } },
  { id: 'bauen', name: { de: 'Bauen, Garten & Renovieren', en: 'Building, garden & renovating' } },
  { id: 'ausweis-verloren', name: { de: 'Ausweis verloren oder gestohlen', en: 'ID lost or stolen' } },
  { id: 'ruhestand', name: { de: 'Ich gehe in Rente', en: 'I am retiring' } },
];
