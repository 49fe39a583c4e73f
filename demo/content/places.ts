/**
 * Postcodes of the demo offices' region with their towns: the address widget suggests the town
 * from the postcode offline. A real municipality lists its district's postcodes here.
 */
export const LINDENAU_REGION_PLACES = [
  { postalCode: '01665', city: 'Lindenau' },
  { postalCode: '01667', city: 'Oberlindenau' },
  { postalCode: '01667', city: 'Unterlindenau' },
  { postalCode: '01683', city: 'Nossen' },
  { postalCode: '01689', city: 'Niederau' },
  { postalCode: '01640', city: 'Coswig' },
] as const;
