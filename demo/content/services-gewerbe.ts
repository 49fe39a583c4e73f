import { SEEDED_AT, type SeedService } from './ids.js';

/** Trade register and events, handled by the Ordnungsamt. */
export const gewerbeServices: SeedService[] = [
  {
    id: 'gewerbe-anmelden',
    leikaKey: '99050012104000',
    name: { de: 'Gewerbe anmelden', en: 'Register a business' },
    shortText: {
      de: 'Wer in Lindenau ein Gewerbe beginnt, zeigt das gleichzeitig mit dem Start beim Ordnungsamt an.',
      en: 'If you start a business in Lindenau, notify the Public Order Office when you start.',
    },
    longText: {
      de: 'Jede selbstständige, auf Dauer angelegte Tätigkeit mit Gewinnabsicht ist ein Gewerbe – vom Online-Shop über den Hausmeisterservice bis zum Café. Freie Berufe wie Ärztinnen, Anwälte, Künstlerinnen oder Journalisten sowie Land- und Forstwirtschaft melden kein Gewerbe an. Mit der Gewerbeanzeige informieren wir automatisch das Finanzamt, die Industrie- und Handelskammer oder Handwerkskammer, die Berufsgenossenschaft und das Statistische Landesamt; vom Finanzamt erhalten Sie danach den Fragebogen zur steuerlichen Erfassung. Für manche Tätigkeiten brauchen Sie zusätzlich eine Erlaubnis, etwa als Makler, im Bewachungsgewerbe oder für Ausschank von Alkohol; ein Handwerk setzt oft die Eintragung in die Handwerksrolle voraus. Fragen Sie uns im Zweifel vorher – im Videogespräch klären wir das in wenigen Minuten.',
      en: 'Any independent activity carried on permanently with the aim of making a profit is a trade – from an online shop to a caretaking service or a café. Liberal professions such as doctors, lawyers, artists or journalists, as well as farming and forestry, do not register a trade. With your notification we automatically inform the tax office, the Chamber of Commerce or Chamber of Crafts, the employers’ liability insurance association and the State Statistical Office; the tax office then sends you a questionnaire for tax registration. Some activities also require a licence, for example estate agents, security services or serving alcohol; many crafts require entry in the crafts register. If in doubt, ask us first – we can clarify it in a few minutes in a video call.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Bei erlaubnispflichtigen Tätigkeiten: die Erlaubnis; im Handwerk: Handwerkskarte',
        en: 'For licensed activities: the licence; for crafts: the crafts card',
      },
      {
        de: 'Bei Gesellschaften (GmbH, UG, OHG): Auszug aus dem Handelsregister',
        en: 'For companies (GmbH, UG, OHG): extract from the commercial register',
      },
      {
        de: 'Bei ausländischer Staatsangehörigkeit außerhalb der EU: Aufenthaltstitel, der selbstständige Tätigkeit erlaubt',
        en: 'For non-EU citizens: residence permit that allows self-employment',
      },
    ],
    prerequisites: [
      { de: 'Die Betriebsstätte liegt in Lindenau.', en: 'The business premises are in Lindenau.' },
      {
        de: 'Sie sind volljährig oder haben eine familiengerichtliche Genehmigung.',
        en: 'You are of full age or have approval from the family court.',
      },
    ],
    fees: [{ description: { de: 'Gewerbeanmeldung', en: 'Business registration' }, amountCents: 3000 }],
    processingTime: {
      de: 'Die Empfangsbestätigung (Gewerbeschein) erhalten Sie sofort oder innerhalb von drei Werktagen.',
      en: 'You receive the acknowledgement (trade licence) immediately or within three working days.',
    },
    deadlines: {
      de: 'Gleichzeitig mit dem Beginn der Tätigkeit (§ 14 GewO).',
      en: 'At the same time as you start trading (section 14 GewO).',
    },
    legalBasis: ['§ 14 GewO', '§ 15 Abs. 1 GewO', 'Sächsisches Verwaltungskostengesetz (SächsVwKG)'],
    officeId: 'ordnungsamt',
    categoryId: 'gewerbe',
    lifeSituationIds: ['gewerbe-gruenden'],
    keywords: [
      'Gewerbeanmeldung',
      'Gewerbeschein',
      'selbstständig',
      'Firma gründen',
      'Nebengewerbe',
      'Kleinunternehmer',
      'Existenzgründung',
      'Online-Shop',
      'business registration',
      'start a business',
      'self-employed',
      'trade licence',
      'side business',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'gewerbe-abmelden',
    leikaKey: '99050012107000',
    name: { de: 'Gewerbe abmelden', en: 'Deregister a business' },
    shortText: {
      de: 'Wenn Sie Ihr Gewerbe aufgeben oder die Betriebsstätte aus Lindenau verlegen, melden Sie es beim Ordnungsamt ab.',
      en: 'If you close your business or move it out of Lindenau, deregister it at the Public Order Office.',
    },
    longText: {
      de: 'Die Gewerbeabmeldung ist nötig, wenn Sie Ihren Betrieb vollständig aufgeben oder in eine andere Gemeinde verlegen; in der neuen Gemeinde melden Sie ihn dann an. Ziehen Sie nur innerhalb von Lindenau um oder ändert sich Ihre Tätigkeit, genügt eine Ummeldung. Wie bei der Anmeldung geben wir die Abmeldung an Finanzamt, Kammer und weitere Stellen weiter. Für Gesellschaften melden die vertretungsberechtigten Personen ab. Denken Sie daran, dass Pflichten gegenüber Finanzamt und Krankenkasse mit der Abmeldung nicht automatisch erledigt sind.',
      en: 'You need to deregister when you close your business completely or move it to another municipality, where you then register it. If you only move within Lindenau or your activity changes, an amended notification is enough. As with registration, we pass the notification on to the tax office, the chamber and other bodies. For companies, the persons authorised to represent them deregister. Remember that obligations towards the tax office and your health insurer do not end automatically with deregistration.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Bisherige Gewerbeanmeldung (falls vorhanden)',
        en: 'Your previous business registration (if available)',
      },
    ],
    prerequisites: [
      { de: 'Ihr Gewerbe ist in Lindenau angemeldet.', en: 'Your business is registered in Lindenau.' },
    ],
    fees: [
      { description: { de: 'Gewerbeabmeldung', en: 'Business deregistration' }, amountCents: 1500 },
      { description: { de: 'Gewerbeummeldung', en: 'Amended business registration' }, amountCents: 2000 },
    ],
    processingTime: { de: 'Sofort bis drei Werktage', en: 'Immediately to three working days' },
    deadlines: {
      de: 'Gleichzeitig mit der Aufgabe des Betriebs (§ 14 GewO).',
      en: 'At the same time as the business closes (section 14 GewO).',
    },
    legalBasis: ['§ 14 GewO'],
    officeId: 'ordnungsamt',
    categoryId: 'gewerbe',
    lifeSituationIds: ['gewerbe-gruenden', 'ruhestand'],
    keywords: [
      'Gewerbeabmeldung',
      'Gewerbe aufgeben',
      'Betrieb schließen',
      'Ummeldung',
      'Geschäftsaufgabe',
      'close business',
      'deregister business',
      'stop trading',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'veranstaltung-anzeigen',
    leikaKey: '99089003001000',
    name: { de: 'Straßenfest oder Veranstaltung anzeigen', en: 'Notify a street party or public event' },
    shortText: {
      de: 'Für Straßenfeste, Vereinsfeste und andere Veranstaltungen im Freien brauchen Sie meist eine Anzeige oder Erlaubnis des Ordnungsamts.',
      en: 'Street parties, club festivals and other outdoor events usually need to be notified to or approved by the Public Order Office.',
    },
    longText: {
      de: 'Planen Sie ein Fest auf einer Straße, einem Platz oder einer Wiese der Gemeinde, sprechen Sie uns früh an. Wir prüfen gemeinsam, was Sie brauchen: die Erlaubnis, die Straße zu nutzen oder zu sperren, eine Anzeige für den vorübergehenden Ausschank von Getränken, eine Ausnahme von den Ruhezeiten für Musik und gegebenenfalls ein Sicherheitskonzept. Beschreiben Sie bitte Ort, Datum, Uhrzeit, die erwartete Zahl der Gäste, Bühnen, Stände und die verantwortliche Person. Wir beteiligen Polizei, Feuerwehr und Bauhof und schicken Ihnen eine Erlaubnis mit Auflagen, zum Beispiel zu Rettungswegen, Absperrungen und Müll. Kleine private Feiern auf dem eigenen Grundstück müssen nicht angezeigt werden.',
      en: 'If you are planning a party on a municipal street, square or meadow, talk to us early. Together we check what you need: permission to use or close the road, a notification for temporarily serving drinks, an exception from quiet hours for music and, if necessary, a safety plan. Please describe the place, date, time, expected number of guests, stages, stalls and the person in charge. We involve the police, fire brigade and municipal works and send you a permit with conditions, for example on escape routes, barriers and waste. Small private parties on your own property do not need to be notified.',
    },
    requiredDocuments: [
      {
        de: 'Beschreibung der Veranstaltung mit Lageplan (Stände, Bühne, Rettungswege)',
        en: 'Description of the event with a site plan (stalls, stage, escape routes)',
      },
      {
        de: 'Name und Erreichbarkeit der verantwortlichen Person während der Veranstaltung',
        en: 'Name and contact details of the person in charge during the event',
      },
      { de: 'Nachweis einer Veranstalterhaftpflichtversicherung', en: 'Proof of event liability insurance' },
    ],
    prerequisites: [
      {
        de: 'Die Veranstaltung findet auf öffentlichen Flächen statt oder ist öffentlich zugänglich.',
        en: 'The event takes place on public land or is open to the public.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Nach Aufwand, für ein Straßenfest meist 30 bis 150 EUR; gemeinnützige Vereine erhalten auf Antrag eine Ermäßigung',
          en: 'Depending on effort, for a street party usually EUR 30 to 150; non-profit clubs can get a reduction on request',
        },
        amountCents: null,
      },
    ],
    processingTime: {
      de: 'Zwei bis vier Wochen, bei großen Veranstaltungen länger',
      en: 'Two to four weeks, longer for large events',
    },
    deadlines: {
      de: 'Mindestens sechs Wochen vor der Veranstaltung, bei mehr als 1.000 Gästen drei Monate vorher.',
      en: 'At least six weeks before the event; for more than 1,000 guests three months before.',
    },
    legalBasis: [
      '§ 29 Abs. 2 StVO',
      '§ 18 SächsStrG',
      'Sächsisches Gaststättengesetz (SächsGastG)',
      'Polizeiverordnung der Gemeinde Lindenau',
    ],
    officeId: 'ordnungsamt',
    categoryId: 'gewerbe',
    lifeSituationIds: [],
    keywords: [
      'Straßenfest',
      'Veranstaltung',
      'Fest',
      'Vereinsfest',
      'Dorffest',
      'Flohmarkt',
      'Ausschank',
      'Straßensperrung',
      'street party',
      'event permit',
      'festival',
      'flea market',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'feuerwerk-genehmigung',
    leikaKey: '99089010001000',
    name: { de: 'Feuerwerk außerhalb von Silvester', en: 'Fireworks outside New Year’s Eve' },
    shortText: {
      de: 'Kleinfeuerwerk ist nur am 31. Dezember und 1. Januar erlaubt. Zu anderen Zeiten brauchen Sie eine Ausnahmegenehmigung.',
      en: 'Consumer fireworks are only allowed on 31 December and 1 January. At other times you need an exemption.',
    },
    longText: {
      de: 'Wer zu einer Hochzeit, einem Jubiläum oder einem Fest ein Feuerwerk zünden möchte, braucht außerhalb des Jahreswechsels eine Ausnahmegenehmigung des Ordnungsamts. Wir genehmigen das nur aus einem besonderen Anlass, mit ausreichendem Abstand zu Häusern und Zuschauern und in der Regel bis 22 Uhr. In der Nähe von Kirchen, Krankenhäusern, Kinder- und Altenheimen sowie reetgedeckten oder Fachwerkhäusern ist Feuerwerk immer verboten. Großfeuerwerk darf nur eine Pyrotechnikerin oder ein Pyrotechniker mit Erlaubnis abbrennen; sie müssen es uns mindestens zwei Wochen vorher anzeigen. In Trockenperioden mit hoher Waldbrandgefahr kann die Genehmigung versagt oder widerrufen werden.',
      en: 'If you want to set off fireworks for a wedding, anniversary or party outside the New Year period, you need an exemption from the Public Order Office. We only grant it for a special occasion, with enough distance from houses and spectators and usually until 10 p.m. Fireworks are always forbidden near churches, hospitals, children’s and care homes and thatched or half-timbered houses. Display fireworks may only be set off by licensed pyrotechnicians, who must notify us at least two weeks in advance. In dry periods with a high risk of forest fires the exemption can be refused or withdrawn.',
    },
    requiredDocuments: [
      {
        de: 'Anlass, Ort mit Lageplan, Datum, Uhrzeit und Dauer',
        en: 'Occasion, place with site plan, date, time and duration',
      },
      {
        de: 'Bei Großfeuerwerk: Erlaubnis oder Befähigungsschein der Pyrotechnikerin oder des Pyrotechnikers und Haftpflichtnachweis',
        en: 'For display fireworks: the pyrotechnician’s licence or certificate of competence and proof of liability insurance',
      },
      {
        de: 'Einverständnis der Grundstückseigentümerin oder des -eigentümers',
        en: 'Consent of the landowner',
      },
    ],
    prerequisites: [
      { de: 'Es gibt einen besonderen Anlass.', en: 'There is a special occasion.' },
      { de: 'Sie sind mindestens 18 Jahre alt.', en: 'You are at least 18 years old.' },
    ],
    fees: [
      {
        description: {
          de: 'Ausnahmegenehmigung für Kleinfeuerwerk: nach Aufwand, meist 30 bis 60 EUR',
          en: 'Exemption for consumer fireworks: depending on effort, usually EUR 30 to 60',
        },
        amountCents: null,
      },
      {
        description: { de: 'Anzeige eines Großfeuerwerks', en: 'Notification of display fireworks' },
        amountCents: 4000,
      },
    ],
    processingTime: { de: 'Etwa zwei Wochen', en: 'About two weeks' },
    deadlines: {
      de: 'Antrag bzw. Anzeige mindestens zwei Wochen vor dem Abbrennen.',
      en: 'Application or notification at least two weeks before the fireworks.',
    },
    legalBasis: ['§ 23 Abs. 1–3 1. SprengV', '§ 24 1. SprengV'],
    officeId: 'ordnungsamt',
    categoryId: 'gewerbe',
    lifeSituationIds: ['heirat'],
    keywords: [
      'Feuerwerk',
      'Raketen',
      'Böller',
      'Hochzeitsfeuerwerk',
      'Pyrotechnik',
      'Ausnahmegenehmigung',
      'fireworks',
      'wedding fireworks',
      'pyrotechnics',
      'firecrackers',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
