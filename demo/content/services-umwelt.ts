import { SEEDED_AT, type SeedService } from './ids.js';

/**
 * Waste and environment. Waste collection in Saxony is run by the district's waste association;
 * the municipality takes requests at its counter and passes them on, which is what these describe.
 */
export const umweltServices: SeedService[] = [
  {
    id: 'sperrmuell',
    leikaKey: '99103002001000',
    name: { de: 'Sperrmüll abholen lassen', en: 'Book a bulky waste collection' },
    shortText: {
      de: 'Große Gegenstände wie Möbel, Matratzen oder Teppiche holen wir auf Bestellung vor Ihrem Haus ab.',
      en: 'Large items such as furniture, mattresses or carpets are collected outside your home on request.',
    },
    longText: {
      de: 'Sperrmüll sind Gegenstände aus dem Haushalt, die auch zerkleinert nicht in die Restabfalltonne passen, zum Beispiel Schränke, Sofas, Matratzen, Teppiche oder Fahrräder. Bestellen Sie die Abholung am Terminal mit dem Formular; Sie erhalten dann einen Termin per Post, E-Mail oder Anruf. Stellen Sie die Sachen am Vorabend ab 18 Uhr oder am Abholtag bis 6 Uhr gut sichtbar an den Straßenrand, ohne Gehweg und Fahrbahn zu versperren. Nicht zum Sperrmüll gehören Elektrogeräte, Bauschutt, Fenster, Autoreifen, Farben und andere Schadstoffe – für Elektrogeräte gibt es eine eigene Abholung und den Wertstoffhof. Einmal im Jahr ist eine Abholung bis drei Kubikmeter in der Abfallgebühr enthalten.',
      en: 'Bulky waste means household items that do not fit into the residual waste bin even when broken up, such as cupboards, sofas, mattresses, carpets or bicycles. Book the collection at the terminal with the form; you then receive an appointment by post, e-mail or phone. Put the items out clearly visible at the roadside from 6 p.m. the evening before or by 6 a.m. on the day, without blocking the pavement or road. Electrical appliances, building rubble, windows, car tyres, paints and other hazardous waste are not bulky waste – electrical appliances have their own collection and can go to the recycling centre. Once a year one collection of up to three cubic metres is included in the waste charge.',
    },
    requiredDocuments: [
      {
        de: 'Liste der Gegenstände und geschätzte Menge in Kubikmetern',
        en: 'List of items and estimated volume in cubic metres',
      },
    ],
    prerequisites: [
      {
        de: 'Ihr Haushalt ist in Lindenau an die öffentliche Abfallentsorgung angeschlossen.',
        en: 'Your household in Lindenau is connected to the public waste collection.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Erste Abholung im Kalenderjahr bis 3 m³: in der Abfallgebühr enthalten',
          en: 'First collection in the calendar year up to 3 m³: included in the waste charge',
        },
        amountCents: 0,
      },
      {
        description: { de: 'Jede weitere Abholung (Anfahrt)', en: 'Each further collection (call-out)' },
        amountCents: 2500,
      },
      {
        description: { de: 'Jeder weitere Kubikmeter', en: 'Each additional cubic metre' },
        amountCents: 1500,
      },
    ],
    processingTime: {
      de: 'Abholtermin meist innerhalb von zwei bis vier Wochen',
      en: 'Collection usually within two to four weeks',
    },
    legalBasis: ['§ 17 KrWG', '§ 20 KrWG', 'Abfallwirtschaftssatzung des Landkreises'],
    officeId: 'ordnungsamt',
    categoryId: 'abfall-umwelt',
    lifeSituationIds: ['umzug', 'todesfall'],
    keywords: [
      'Sperrmüll',
      'Sperrmüllabholung',
      'Möbel entsorgen',
      'Matratze',
      'Sofa',
      'Schrank',
      'Entrümpelung',
      'Haushaltsauflösung',
      'bulky waste',
      'furniture disposal',
      'large items',
      'junk collection',
    ],
    formId: 'sperrmuell-abholung',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'abfallbehaelter',
    leikaKey: '99103001001000',
    name: { de: 'Mülltonnen anmelden, ändern oder abmelden', en: 'Order, change or cancel waste bins' },
    shortText: {
      de: 'Für jedes bewohnte Grundstück braucht es Tonnen für Restabfall, Bioabfall und Papier. Größe und Anzahl können Sie ändern.',
      en: 'Every occupied property needs bins for residual waste, organic waste and paper. You can change their size and number.',
    },
    longText: {
      de: 'Für die Abfalltonnen ist die Eigentümerin oder der Eigentümer des Grundstücks verantwortlich; Mieterinnen und Mieter wenden sich bitte an ihre Hausverwaltung. Bei einem Neubau oder Eigentümerwechsel melden Sie das Grundstück an, und wir geben die Bestellung an den Abfallzweckverband weiter, der die Tonnen liefert. Die Restabfalltonne gibt es mit 60, 80, 120 und 240 Litern; die Größe richtet sich nach der Zahl der Bewohner. Die blaue Papiertonne und die Biotonne sind in der Grundgebühr enthalten; die gelbe Tonne für Verpackungen stellt das Duale System kostenlos. Nach der Änderung erhalten Sie einen neuen Gebührenbescheid.',
      en: 'The property owner is responsible for the waste bins; tenants please contact their property management. For a new building or a change of owner, register the property and we pass the order on to the waste association, which delivers the bins. Residual waste bins come in 60, 80, 120 and 240 litres; the size depends on the number of residents. The blue paper bin and the organic waste bin are included in the basic charge; the yellow bin for packaging is provided free of charge by the packaging recycling system. After the change you receive a new charge notice.',
    },
    requiredDocuments: [
      {
        de: 'Nachweis des Eigentums (z. B. Grundbuchauszug oder Kaufvertrag) bei Eigentümerwechsel',
        en: 'Proof of ownership (e.g. land register extract or purchase contract) for a change of owner',
      },
      { de: 'Anzahl der Bewohnerinnen und Bewohner', en: 'Number of residents' },
    ],
    prerequisites: [
      {
        de: 'Sie sind Eigentümerin, Eigentümer oder Verwalter des Grundstücks.',
        en: 'You own or manage the property.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Jährliche Abfallgebühr nach Satzung (Grundgebühr je Person plus Leerungsgebühr)',
          en: 'Annual waste charge under the bylaw (basic charge per person plus emptying charge)',
        },
        amountCents: null,
      },
      {
        description: {
          de: 'Tausch einer Tonne gegen eine andere Größe',
          en: 'Exchanging a bin for another size',
        },
        amountCents: 1500,
      },
    ],
    processingTime: {
      de: 'Lieferung oder Tausch innerhalb von zwei bis drei Wochen',
      en: 'Delivery or exchange within two to three weeks',
    },
    deadlines: {
      de: 'Änderungen bitte innerhalb eines Monats melden; sie wirken ab dem Folgemonat.',
      en: 'Please report changes within one month; they take effect from the following month.',
    },
    legalBasis: ['§ 17 KrWG', '§ 20 KrWG', 'SächsKrWBodSchG', 'Abfallgebührensatzung des Landkreises'],
    officeId: 'ordnungsamt',
    categoryId: 'abfall-umwelt',
    lifeSituationIds: ['bauen', 'umzug'],
    keywords: [
      'Mülltonne',
      'Abfalltonne',
      'Restmüll',
      'Biotonne',
      'Papiertonne',
      'gelbe Tonne',
      'Tonnengröße',
      'Müllgebühr',
      'waste bin',
      'rubbish bin',
      'trash can',
      'garbage',
      'recycling bin',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'brauchtumsfeuer',
    leikaKey: '99103010001000',
    name: {
      de: 'Osterfeuer oder Brauchtumsfeuer anzeigen',
      en: 'Notify an Easter bonfire or traditional fire',
    },
    shortText: {
      de: 'Traditionelle Feuer wie Oster- oder Hexenfeuer müssen Vereine und Veranstalter vorher beim Ordnungsamt anzeigen.',
      en: 'Clubs and organisers must notify the Public Order Office before holding traditional fires such as Easter or Walpurgis bonfires.',
    },
    longText: {
      de: 'Ein Brauchtumsfeuer ist ein öffentliches, für alle zugängliches Fest, das von einem Verein, einer Kirchgemeinde oder der Feuerwehr ausgerichtet wird; private Feuer zur Entsorgung von Gartenabfällen sind nicht erlaubt. Verbrannt werden darf nur trockenes, unbehandeltes Holz und Baumschnitt – kein Laub, keine Bretter mit Farbe, keine Reifen. Schichten Sie das Brennmaterial erst kurz vor dem Feuer auf oder setzen Sie den Haufen am Tag des Feuers um, damit Igel, Vögel und andere Tiere nicht verbrennen. Halten Sie Abstand zu Gebäuden, Wald und Straßen, und sorgen Sie für eine Aufsicht, bis die Glut gelöscht ist. Bei Waldbrandwarnstufe 4 oder 5 oder starkem Wind ist das Feuer abzusagen.',
      en: 'A traditional fire is a public festival open to everyone, organised by a club, parish or the fire brigade; private fires to get rid of garden waste are not allowed. Only dry, untreated wood and tree cuttings may be burnt – no leaves, no painted boards, no tyres. Pile up the material only shortly before the fire or move the pile on the day, so that hedgehogs, birds and other animals do not burn. Keep a distance from buildings, forest and roads, and make sure someone supervises until the embers are out. At forest fire warning level 4 or 5 or in strong wind the fire must be cancelled.',
    },
    requiredDocuments: [
      {
        de: 'Veranstalter, verantwortliche Person, Ort mit Lageplan, Datum und Uhrzeit',
        en: 'Organiser, person in charge, place with site plan, date and time',
      },
      {
        de: 'Einverständnis der Grundstückseigentümerin oder des -eigentümers',
        en: 'Consent of the landowner',
      },
    ],
    prerequisites: [
      {
        de: 'Das Feuer ist öffentlich zugänglich und dient der Brauchtumspflege.',
        en: 'The fire is open to the public and part of a local tradition.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Anzeige eines Brauchtumsfeuers durch gemeinnützige Vereine',
          en: 'Notification of a traditional fire by a non-profit club',
        },
        amountCents: 0,
      },
      {
        description: { de: 'Anzeige durch andere Veranstalter', en: 'Notification by other organisers' },
        amountCents: 2500,
      },
    ],
    processingTime: { de: 'Eine bis zwei Wochen', en: 'One to two weeks' },
    deadlines: {
      de: 'Mindestens vier Wochen vor dem Feuer.',
      en: 'At least four weeks before the fire.',
    },
    legalBasis: ['§ 28 Abs. 1 KrWG', '§ 44 BNatSchG', 'Polizeiverordnung der Gemeinde Lindenau'],
    officeId: 'ordnungsamt',
    categoryId: 'abfall-umwelt',
    lifeSituationIds: [],
    keywords: [
      'Osterfeuer',
      'Hexenfeuer',
      'Walpurgisnacht',
      'Brauchtumsfeuer',
      'Lagerfeuer',
      'Feuer anmelden',
      'Easter bonfire',
      'bonfire',
      'Walpurgis night',
      'open fire',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'baumfaellung',
    leikaKey: '99103020001000',
    name: { de: 'Baum fällen: Genehmigung beantragen', en: 'Apply for permission to fell a tree' },
    shortText: {
      de: 'Größere Bäume sind durch die Baumschutzsatzung geschützt. Bevor Sie einen fällen, fragen Sie beim Ordnungsamt nach.',
      en: 'Larger trees are protected by the tree protection bylaw. Ask the Public Order Office before you fell one.',
    },
    longText: {
      de: 'Die Baumschutzsatzung der Gemeinde Lindenau schützt Laubbäume mit einem Stammumfang von mehr als einem Meter, gemessen in einem Meter Höhe. Auf bebauten Grundstücken sind Obstbäume, Nadelbäume, Pappeln, Birken und Baumweiden nach sächsischem Naturschutzrecht von der Genehmigungspflicht ausgenommen. Für geschützte Bäume beantragen Sie die Fällung mit Fotos und einer kurzen Begründung, etwa wenn der Baum krank ist oder ein Gebäude gefährdet; wir sehen uns den Baum bei Bedarf vor Ort an. Oft wird eine Ersatzpflanzung auferlegt. Unabhängig von der Genehmigung gilt: Brütende Vögel und Quartiere von Fledermäusen dürfen nie gestört werden, und zwischen 1. März und 30. September sind Fällungen außerhalb gärtnerisch genutzter Flächen grundsätzlich verboten.',
      en: 'The Lindenau tree protection bylaw protects deciduous trees with a trunk circumference of more than one metre, measured one metre above the ground. On built-up plots, fruit trees, conifers, poplars, birches and willows are exempt under Saxon nature conservation law. For protected trees, apply for felling with photos and a short reason, for example if the tree is diseased or endangers a building; we inspect the tree on site if needed. Replacement planting is often required. Regardless of the permit, nesting birds and bat roosts must never be disturbed, and between 1 March and 30 September felling outside gardens is generally forbidden.',
    },
    requiredDocuments: [
      {
        de: 'Fotos des Baumes und Lageskizze des Grundstücks',
        en: 'Photos of the tree and a sketch of the plot',
      },
      {
        de: 'Art des Baumes und Stammumfang in 1 m Höhe',
        en: 'Tree species and trunk circumference at 1 m height',
      },
      {
        de: 'Bei Antrag durch Mieter oder Pächter: Zustimmung der Eigentümerin oder des Eigentümers',
        en: 'If a tenant applies: consent of the owner',
      },
    ],
    prerequisites: [
      {
        de: 'Es gibt einen nachvollziehbaren Grund, z. B. Krankheit des Baumes, Gefahr für Menschen oder Gebäude oder ein Bauvorhaben.',
        en: 'There is a good reason, e.g. the tree is diseased, endangers people or buildings, or a building project.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Genehmigung nach Aufwand, meist 25 bis 75 EUR; Auskunft, ob ein Baum geschützt ist, gebührenfrei',
          en: 'Permit depending on effort, usually EUR 25 to 75; information on whether a tree is protected is free',
        },
        amountCents: null,
      },
    ],
    processingTime: {
      de: 'In der Regel innerhalb von drei Wochen',
      en: 'Usually within three weeks',
    },
    deadlines: {
      de: 'Fällungen sind in der Regel nur vom 1. Oktober bis 28. Februar möglich; stellen Sie den Antrag rechtzeitig vorher.',
      en: 'Felling is usually only possible from 1 October to 28 February; apply in good time beforehand.',
    },
    legalBasis: [
      '§ 19 SächsNatSchG',
      '§ 39 Abs. 5 BNatSchG',
      '§ 44 BNatSchG',
      'Baumschutzsatzung der Gemeinde Lindenau',
    ],
    officeId: 'ordnungsamt',
    categoryId: 'abfall-umwelt',
    lifeSituationIds: ['bauen'],
    keywords: [
      'Baum fällen',
      'Baumfällung',
      'Fällgenehmigung',
      'Baumschutzsatzung',
      'Baum',
      'Garten',
      'Ersatzpflanzung',
      'tree felling',
      'cut down tree',
      'tree permit',
      'garden',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
