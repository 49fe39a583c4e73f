import { SEEDED_AT, type SeedService } from './ids.js';

/** Traffic, public space and public order. */
export const ordnungServices: SeedService[] = [
  {
    id: 'anwohnerparkausweis',
    leikaKey: '99108001001000',
    name: { de: 'Bewohnerparkausweis beantragen', en: 'Apply for a residents’ parking permit' },
    shortText: {
      de: 'Wer in einer Bewohnerparkzone wohnt, kann dort mit einem Parkausweis ohne Parkschein parken.',
      en: 'If you live in a residents’ parking zone, a permit lets you park there without a ticket.',
    },
    longText: {
      de: 'In Lindenau gibt es zwei Bewohnerparkzonen: Zone A rund um Markt und Kirchgasse und Zone B im Bahnhofsviertel. Mit dem Bewohnerparkausweis dürfen Sie in Ihrer Zone auf den gekennzeichneten Flächen ohne Parkschein und ohne Zeitbegrenzung parken; einen Anspruch auf einen freien Platz gibt er nicht. Jede Person erhält einen Ausweis für ein Fahrzeug, das auf sie zugelassen ist oder das sie nachweislich dauerhaft nutzt, etwa einen Dienstwagen. Am Terminal können Sie den Antrag mit dem Formular stellen; den Ausweis schicken wir Ihnen nach Zahlung per Post. Ändert sich das Kennzeichen oder ziehen Sie um, beantragen Sie bitte einen neuen Ausweis.',
      en: 'Lindenau has two residents’ parking zones: zone A around the market square and Kirchgasse, and zone B near the railway station. With the permit you may park on the marked spaces in your zone without a ticket and without a time limit; it does not guarantee a free space. Each person receives one permit for a vehicle registered to them or that they can show they use permanently, such as a company car. At the terminal you can apply with the form; we send the permit by post once it is paid. If the number plate changes or you move, please apply for a new permit.',
    },
    requiredDocuments: [
      {
        de: 'Fahrzeugschein (Zulassungsbescheinigung Teil I)',
        en: 'Vehicle registration certificate (part I)',
      },
      {
        de: 'Bei Dienst- oder Leihwagen: Bestätigung des Halters über die dauerhafte Nutzung',
        en: 'For company or borrowed cars: confirmation from the registered keeper that you use it permanently',
      },
    ],
    prerequisites: [
      {
        de: 'Sie sind mit Haupt- oder Nebenwohnung in der Bewohnerparkzone gemeldet.',
        en: 'You are registered with a main or secondary residence in the parking zone.',
      },
      {
        de: 'Das Fahrzeug ist ein Pkw oder Kleintransporter bis 3,5 t.',
        en: 'The vehicle is a car or van up to 3.5 t.',
      },
    ],
    fees: [
      {
        description: { de: 'Bewohnerparkausweis für ein Jahr', en: 'Residents’ parking permit for one year' },
        amountCents: 3070,
      },
      {
        description: {
          de: 'Bewohnerparkausweis für zwei Jahre',
          en: 'Residents’ parking permit for two years',
        },
        amountCents: 6140,
      },
    ],
    processingTime: {
      de: 'Etwa eine Woche nach vollständigem Antrag und Zahlung',
      en: 'About one week after a complete application and payment',
    },
    legalBasis: ['§ 45 Abs. 1b Satz 1 Nr. 2a StVO', '§ 6a Abs. 5a StVG', 'Nr. 265 GebOSt'],
    officeId: 'ordnungsamt',
    categoryId: 'verkehr-ordnung',
    lifeSituationIds: ['auto', 'umzug'],
    keywords: [
      'Anwohnerparkausweis',
      'Bewohnerparkausweis',
      'Parkausweis',
      'Anwohnerparken',
      'Parkplatz',
      'Auto',
      'Kennzeichen',
      'residents parking',
      'parking permit',
      'car',
      'parking',
    ],
    formId: 'anwohnerparkausweis',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'sondernutzung-strasse',
    leikaKey: '99108007001000',
    name: { de: 'Straße oder Gehweg vorübergehend nutzen', en: 'Use a road or pavement temporarily' },
    shortText: {
      de: 'Für Container, Gerüste, Umzugswagen, Tische vor dem Café oder Werbeaufsteller auf öffentlichen Flächen brauchen Sie eine Sondernutzungserlaubnis.',
      en: 'Skips, scaffolding, removal vans, café tables or advertising boards on public land need a special use permit.',
    },
    longText: {
      de: 'Straßen, Gehwege und Plätze sind für den Verkehr da. Wer sie darüber hinaus nutzt – etwa für einen Bauschuttcontainer, ein Gerüst, eine Halteverbotszone für den Umzug, Tische und Stühle vor der Gaststätte oder einen Infostand –, braucht eine Sondernutzungserlaubnis. Beantragen Sie sie mit Angabe von Ort, Fläche in Quadratmetern und Zeitraum; eine kleine Skizze hilft. Wenn der Verkehr gelenkt oder ein Halteverbot eingerichtet werden muss, ordnen wir das gleich mit an; die Schilder stellt ein Fachbetrieb oder der Bauhof spätestens drei Tage vorher auf. Für Bundes- und Staatsstraßen in der Ortsdurchfahrt stimmen wir uns mit dem Straßenbaulastträger ab.',
      en: 'Roads, pavements and squares are meant for traffic. Anyone using them for other purposes – such as a rubble skip, scaffolding, a no-parking zone for a removal, tables and chairs outside a restaurant or an information stand – needs a special use permit. Apply with the location, area in square metres and period; a small sketch helps. If traffic has to be diverted or a no-parking zone set up, we order that at the same time; the signs are put up by a specialist firm or the municipal works at least three days before. For federal and state roads through the village we coordinate with the road authority.',
    },
    requiredDocuments: [
      {
        de: 'Lageskizze mit Ort und Größe der genutzten Fläche',
        en: 'Sketch showing the location and size of the area used',
      },
      {
        de: 'Zeitraum der Nutzung und Name der ausführenden Firma',
        en: 'Period of use and name of the company carrying out the work',
      },
    ],
    prerequisites: [
      {
        de: 'Die Nutzung gefährdet die Sicherheit des Verkehrs nicht; ein Gehweg von mindestens 1,30 m bleibt frei.',
        en: 'The use does not endanger traffic; a footway of at least 1.30 m remains free.',
      },
    ],
    fees: [
      {
        description: { de: 'Verwaltungsgebühr für die Erlaubnis', en: 'Administrative fee for the permit' },
        amountCents: 2500,
      },
      {
        description: {
          de: 'Sondernutzungsgebühr nach Satzung, z. B. Container 2 EUR je Tag, Gastronomie 15 EUR je m² und Saison',
          en: 'Special use charge under the bylaw, e.g. skip EUR 2 per day, outdoor seating EUR 15 per m² and season',
        },
        amountCents: null,
      },
    ],
    processingTime: { de: 'Etwa eine bis zwei Wochen', en: 'About one to two weeks' },
    deadlines: {
      de: 'Mindestens zwei Wochen vor Beginn der Nutzung; für Halteverbotszonen mindestens eine Woche.',
      en: 'At least two weeks before the start of use; for no-parking zones at least one week.',
    },
    legalBasis: [
      '§ 18 SächsStrG',
      '§ 8 FStrG',
      '§ 45 Abs. 1 und 6 StVO',
      'Sondernutzungssatzung der Gemeinde Lindenau',
    ],
    officeId: 'ordnungsamt',
    categoryId: 'verkehr-ordnung',
    lifeSituationIds: ['bauen', 'umzug', 'gewerbe-gruenden'],
    keywords: [
      'Sondernutzung',
      'Container',
      'Gerüst',
      'Halteverbot',
      'Umzugswagen',
      'Außengastronomie',
      'Gehweg',
      'Infostand',
      'skip permit',
      'scaffolding',
      'no parking zone',
      'removal van',
      'outdoor seating',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'fundsache',
    leikaKey: '99093001000000',
    name: {
      de: 'Fundbüro: Fundsache abgeben oder suchen',
      en: 'Lost and found: hand in or look for an item',
    },
    shortText: {
      de: 'Im Fundbüro im Bürgerbüro geben Sie gefundene Gegenstände ab oder fragen nach verlorenen Sachen.',
      en: 'At the lost property office in the Citizens’ Office you can hand in found items or ask about lost ones.',
    },
    longText: {
      de: 'Wer in Lindenau etwas findet, das mehr als zehn Euro wert ist, muss den Fund melden und die Sache abgeben – das Fundbüro ist Teil des Bürgerbüros. Gefundene Ausweise geben wir an die ausstellende Behörde zurück. Haben Sie selbst etwas verloren, beschreiben Sie es uns möglichst genau, mit Ort, Datum und besonderen Merkmalen; wir melden uns, wenn es auftaucht. Meldet sich die Eigentümerin oder der Eigentümer, steht der findenden Person ein Finderlohn zu: fünf Prozent vom Wert bis 500 Euro und drei Prozent vom Mehrwert. Meldet sich sechs Monate lang niemand, kann die findende Person die Sache behalten; sonst verwertet die Gemeinde sie.',
      en: 'If you find something in Lindenau worth more than ten euros, you must report it and hand it in – the lost property office is part of the Citizens’ Office. Found ID documents are returned to the issuing authority. If you have lost something, describe it as precisely as possible, with place, date and special features; we will contact you if it turns up. If the owner comes forward, the finder is entitled to a reward: five percent of the value up to 500 euros and three percent of any value above that. If nobody claims the item within six months, the finder may keep it; otherwise the municipality disposes of it.',
    },
    requiredDocuments: [
      {
        de: 'Beim Abholen einer verlorenen Sache: Ausweis und ein Nachweis, dass sie Ihnen gehört (z. B. Schlüssel passt, Rechnung)',
        en: 'When collecting a lost item: ID and proof that it is yours (e.g. the key fits, a receipt)',
      },
    ],
    prerequisites: [
      {
        de: 'Der Gegenstand wurde in Lindenau gefunden oder verloren.',
        en: 'The item was found or lost in Lindenau.',
      },
    ],
    fees: [
      { description: { de: 'Abgabe einer Fundsache', en: 'Handing in a found item' }, amountCents: 0 },
      {
        description: {
          de: 'Herausgabe an den Verlierer: Gebühr je nach Wert, mindestens 5 EUR, zuzüglich Finderlohn',
          en: 'Return to the owner: fee depending on value, at least EUR 5, plus the finder’s reward',
        },
        amountCents: null,
      },
    ],
    processingTime: { de: 'Sofort', en: 'Immediately' },
    deadlines: {
      de: 'Fundsachen werden sechs Monate aufbewahrt.',
      en: 'Found items are kept for six months.',
    },
    legalBasis: ['§§ 965–984 BGB', '§ 971 BGB', '§ 973 BGB'],
    officeId: 'buergerbuero',
    categoryId: 'verkehr-ordnung',
    lifeSituationIds: ['ausweis-verloren'],
    keywords: [
      'Fundbüro',
      'Fundsache',
      'verloren',
      'gefunden',
      'Schlüssel',
      'Geldbörse',
      'Portemonnaie',
      'Handy',
      'Finderlohn',
      'lost and found',
      'lost property',
      'found item',
      'lost wallet',
      'lost keys',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'gefaehrlicher-hund',
    leikaKey: '99089011001000',
    name: {
      de: 'Erlaubnis zum Halten eines gefährlichen Hundes',
      en: 'Permit to keep a dangerous dog',
    },
    shortText: {
      de: 'Für Hunde, die als gefährlich gelten, brauchen Sie in Sachsen vor der Anschaffung eine Erlaubnis des Ordnungsamts.',
      en: 'In Saxony you need a permit from the Public Order Office before getting a dog classed as dangerous.',
    },
    longText: {
      de: 'Als gefährlich gelten in Sachsen American Staffordshire Terrier, Bullterrier und Pitbull Terrier sowie deren Kreuzungen, außerdem Hunde, die Menschen oder Tiere gebissen oder sich als bissig erwiesen haben. Wer einen solchen Hund halten möchte, braucht eine Erlaubnis. Sie erhalten sie, wenn Sie mindestens 18 Jahre alt, zuverlässig und sachkundig sind, eine Haftpflichtversicherung für den Hund abgeschlossen haben und den Hund sicher unterbringen. Der Hund muss mit einem Mikrochip gekennzeichnet sein und außerhalb des eingefriedeten Grundstücks an der Leine und mit Maulkorb geführt werden. Für gefährliche Hunde gilt in Lindenau ein erhöhter Hundesteuersatz.',
      en: 'In Saxony, American Staffordshire Terriers, Bull Terriers and Pit Bull Terriers and their crosses are classed as dangerous, as are dogs that have bitten people or animals or shown themselves to be aggressive. Anyone wanting to keep such a dog needs a permit. You receive it if you are at least 18, reliable and competent, have liability insurance for the dog and can keep it securely. The dog must be microchipped and kept on a lead and muzzled outside your fenced property. A higher dog tax rate applies to dangerous dogs in Lindenau.',
    },
    requiredDocuments: [
      {
        de: 'Führungszeugnis (Belegart O, zur Vorlage bei einer Behörde)',
        en: 'Certificate of good conduct (sent directly to the authority)',
      },
      { de: 'Nachweis der Sachkunde (Sachkundeprüfung)', en: 'Proof of competence (knowledge test)' },
      { de: 'Nachweis der Hundehaftpflichtversicherung', en: 'Proof of dog liability insurance' },
      { de: 'Nachweis der Chip-Kennzeichnung', en: 'Proof of microchip identification' },
    ],
    prerequisites: [
      { de: 'Sie sind mindestens 18 Jahre alt.', en: 'You are at least 18 years old.' },
      {
        de: 'Sie können den Hund so unterbringen, dass er nicht entweichen kann.',
        en: 'You can keep the dog so that it cannot escape.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Erlaubnis nach Aufwand, meist 50 bis 150 EUR',
          en: 'Permit depending on effort, usually EUR 50 to 150',
        },
        amountCents: null,
      },
    ],
    processingTime: { de: 'Etwa vier Wochen', en: 'About four weeks' },
    deadlines: {
      de: 'Die Erlaubnis muss vorliegen, bevor Sie den Hund aufnehmen.',
      en: 'You must have the permit before the dog joins your household.',
    },
    legalBasis: ['§§ 1, 2 GefHundG (Sachsen)', 'Hundesteuersatzung der Gemeinde Lindenau'],
    officeId: 'ordnungsamt',
    categoryId: 'tiere',
    lifeSituationIds: ['hund'],
    keywords: [
      'gefährlicher Hund',
      'Kampfhund',
      'Listenhund',
      'Pitbull',
      'Staffordshire',
      'Bullterrier',
      'Maulkorb',
      'Wesenstest',
      'dangerous dog',
      'listed breed',
      'fighting dog',
      'dog permit',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
