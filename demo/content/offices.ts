import type { Office } from '../../protocol/catalog.js';
import { demoOfficeKeys } from '../demo-keys.js';
import { SEEDED_AT, type OfficeId } from './ids.js';

type SeedOffice = Omit<Office, 'encryptionKeys'> & { id: OfficeId };

/**
 * Counter hours follow the usual pattern of a small Saxon town hall: mornings on most days, a long
 * Tuesday for people who work, Wednesday closed. Video hours deliberately reach into times the
 * counter is shut, so that the terminal is useful when the town hall is not.
 */
const officeData: SeedOffice[] = [
  {
    id: 'buergerbuero',
    name: { de: 'Bürgerbüro (Einwohnermeldeamt)', en: 'Citizens’ Office (Residents’ Registration)' },
    address: { street: 'Markt 1', postalCode: '01665', city: 'Lindenau' },
    phone: '+49 3521 4870-100',
    email: 'buergerbuero@lindenau.example',
    openingHours: [
      { day: 'mon', from: '08:00', to: '12:00' },
      { day: 'tue', from: '08:00', to: '12:00' },
      { day: 'tue', from: '13:00', to: '18:00' },
      { day: 'thu', from: '08:00', to: '12:00' },
      { day: 'thu', from: '13:00', to: '16:00' },
      { day: 'fri', from: '08:00', to: '12:00' },
    ],
    videoHours: [
      { day: 'mon', from: '08:30', to: '12:00' },
      { day: 'mon', from: '13:00', to: '15:00' },
      { day: 'tue', from: '13:00', to: '18:00' },
      { day: 'wed', from: '09:00', to: '12:00' },
      { day: 'thu', from: '13:00', to: '16:00' },
      { day: 'fri', from: '09:00', to: '12:00' },
    ],
    updatedAt: SEEDED_AT,
  },
  {
    id: 'standesamt',
    name: { de: 'Standesamt', en: 'Registry Office' },
    address: { street: 'Kirchgasse 2', postalCode: '01665', city: 'Lindenau' },
    phone: '+49 3521 4870-140',
    email: 'standesamt@lindenau.example',
    openingHours: [
      { day: 'mon', from: '08:00', to: '12:00' },
      { day: 'tue', from: '08:00', to: '12:00' },
      { day: 'tue', from: '13:00', to: '18:00' },
      { day: 'thu', from: '08:00', to: '12:00' },
      { day: 'thu', from: '13:00', to: '16:00' },
    ],
    videoHours: [
      { day: 'tue', from: '14:00', to: '17:30' },
      { day: 'thu', from: '09:00', to: '11:30' },
    ],
    updatedAt: SEEDED_AT,
  },
  {
    id: 'steueramt',
    name: { de: 'Kämmerei – Steuern und Abgaben', en: 'Treasury – Local Taxes and Charges' },
    address: { street: 'Markt 1', postalCode: '01665', city: 'Lindenau' },
    phone: '+49 3521 4870-220',
    email: 'steuern@lindenau.example',
    openingHours: [
      { day: 'tue', from: '09:00', to: '12:00' },
      { day: 'tue', from: '13:00', to: '18:00' },
      { day: 'thu', from: '09:00', to: '12:00' },
      { day: 'thu', from: '13:00', to: '16:00' },
    ],
    videoHours: [
      { day: 'mon', from: '09:00', to: '11:30' },
      { day: 'tue', from: '14:00', to: '17:00' },
      { day: 'thu', from: '13:00', to: '15:30' },
    ],
    updatedAt: SEEDED_AT,
  },
  {
    id: 'ordnungsamt',
    name: {
      de: 'Ordnungsamt (Ordnung, Gewerbe, Umwelt)',
      en: 'Public Order Office (order, trade, environment)',
    },
    address: { street: 'Schulstraße 4', postalCode: '01665', city: 'Lindenau' },
    phone: '+49 3521 4870-300',
    email: 'ordnungsamt@lindenau.example',
    openingHours: [
      { day: 'mon', from: '08:00', to: '12:00' },
      { day: 'tue', from: '08:00', to: '12:00' },
      { day: 'tue', from: '13:00', to: '18:00' },
      { day: 'thu', from: '08:00', to: '12:00' },
      { day: 'thu', from: '13:00', to: '16:00' },
      { day: 'fri', from: '08:00', to: '12:00' },
    ],
    videoHours: [
      { day: 'mon', from: '09:00', to: '11:30' },
      { day: 'tue', from: '13:30', to: '17:30' },
      { day: 'wed', from: '13:00', to: '15:00' },
      { day: 'thu', from: '13:00', to: '15:30' },
    ],
    updatedAt: SEEDED_AT,
  },
];

/** Each office with its public encryption key: terminals encrypt applications to it. */
export const offices: (Office & { id: OfficeId })[] = officeData.map((office) => ({
  ...office,
  encryptionKeys: demoOfficeKeys(office.id),
}));
