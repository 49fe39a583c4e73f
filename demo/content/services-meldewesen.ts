import { SEEDED_AT, type SeedService } from './ids.js';

/** Residents' registration (Meldewesen) at the Bürgerbüro. */
export const meldewesenServices: SeedService[] = [
  {
    id: 'wohnsitz-anmelden',
    leikaKey: '99115005104000',
    name: { de: 'Wohnsitz anmelden', en: 'Register your residence' },
    shortText: {
      de: 'Wenn Sie in Lindenau eine Wohnung beziehen, melden Sie sich innerhalb von zwei Wochen im Bürgerbüro an.',
      en: 'When you move into a home in Lindenau, register with the Citizens’ Office within two weeks.',
    },
    longText: {
      de: 'Jede Person, die in eine Wohnung einzieht, muss sich bei der Meldebehörde der neuen Gemeinde anmelden – auch bei einem Umzug innerhalb von Lindenau. Am Terminal können Sie den Meldeschein schon vorab ausfüllen; das Bürgerbüro prüft Ihre Angaben und trägt Sie dann in das Melderegister ein. Dafür brauchen wir Ihren Ausweis und die Wohnungsgeberbestätigung, die Ihnen Ihr Vermieter oder Ihre Vermieterin ausstellen muss. Eine Familie kann gemeinsam angemeldet werden, und Sie können auch eine andere Person mit einer schriftlichen Vollmacht schicken. Nach der Anmeldung erhalten Sie eine Meldebestätigung, und die neue Adresse wird auf Ihrem Personalausweis vermerkt. Ihre bisherige Gemeinde erfährt automatisch von der Anmeldung; eine eigene Abmeldung ist bei einem Umzug innerhalb Deutschlands nicht nötig.',
      en: 'Everyone who moves into a home must register with the registration office of the new municipality – this also applies to moves within Lindenau. At the terminal you can fill in the registration form in advance; the Citizens’ Office checks your details and then enters you in the population register. We need your ID document and the landlord’s confirmation (Wohnungsgeberbestätigung), which your landlord is obliged to give you. A family can be registered together, and you may send another person with a written power of attorney. After registering you receive a confirmation, and the new address is printed on your ID card. Your previous municipality is informed automatically, so you do not need to deregister there when you move within Germany.',
    },
    requiredDocuments: [
      {
        de: 'Personalausweis, Reisepass oder anderes anerkanntes Ausweisdokument jeder anzumeldenden Person',
        en: 'ID card, passport or other recognised identity document of every person being registered',
      },
      {
        de: 'Wohnungsgeberbestätigung des Vermieters oder der Vermieterin (bei Wohneigentum: selbst ausgefüllt)',
        en: 'Landlord’s confirmation of moving in (if you own the home: filled in by yourself)',
      },
      {
        de: 'Bei Vertretung: schriftliche Vollmacht und Ausweis der bevollmächtigten Person',
        en: 'If someone acts for you: a written power of attorney and that person’s ID',
      },
      {
        de: 'Für Kinder: Geburtsurkunde, falls die Kinder noch nicht in Deutschland gemeldet waren',
        en: 'For children: birth certificate if they were not registered in Germany before',
      },
    ],
    prerequisites: [
      {
        de: 'Sie sind in eine Wohnung in Lindenau eingezogen oder innerhalb von Lindenau umgezogen.',
        en: 'You have moved into a home in Lindenau or moved within Lindenau.',
      },
    ],
    fees: [
      {
        description: { de: 'Die Anmeldung ist gebührenfrei.', en: 'Registration is free of charge.' },
        amountCents: 0,
      },
    ],
    processingTime: {
      de: 'Sofort beim Termin; nach einer Vorab-Anmeldung am Terminal meist innerhalb von zwei Arbeitstagen.',
      en: 'Immediately at the appointment; after filling in the form at the terminal usually within two working days.',
    },
    deadlines: {
      de: 'Innerhalb von zwei Wochen nach dem Einzug (§ 17 Abs. 1 BMG). Wer sich zu spät anmeldet, riskiert ein Bußgeld.',
      en: 'Within two weeks of moving in (section 17 (1) BMG). Registering late can lead to a fine.',
    },
    legalBasis: ['§ 17 Abs. 1 BMG', '§ 19 BMG', '§§ 21, 22 BMG', '§ 23 BMG'],
    officeId: 'buergerbuero',
    categoryId: 'wohnen',
    lifeSituationIds: ['umzug'],
    keywords: [
      'Anmeldung',
      'ummelden',
      'Ummeldung',
      'Umzug',
      'umziehen',
      'Wohnung',
      'Meldeschein',
      'Wohnungsgeberbestätigung',
      'Zuzug',
      'neue Adresse',
      'Hauptwohnsitz',
      'Nebenwohnsitz',
      'register address',
      'registration',
      'moving',
      'move in',
      'new address',
      'Anmeldung residence',
    ],
    formId: 'wohnsitz-anmeldung',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'wohnsitz-abmelden',
    leikaKey: '99115006104000',
    name: { de: 'Wohnsitz abmelden', en: 'Deregister your residence' },
    shortText: {
      de: 'Abmelden müssen Sie sich nur, wenn Sie ins Ausland ziehen oder eine Nebenwohnung aufgeben.',
      en: 'You only need to deregister if you move abroad or give up a secondary residence.',
    },
    longText: {
      de: 'Ziehen Sie innerhalb Deutschlands um, genügt die Anmeldung am neuen Wohnort – die Abmeldung in Lindenau geschieht dann automatisch. Eine eigene Abmeldung ist nur nötig, wenn Sie ganz ins Ausland ziehen oder eine Nebenwohnung aufgeben, ohne in Deutschland eine neue Wohnung zu beziehen. Sie können sich frühestens eine Woche vor dem Auszug abmelden, persönlich, schriftlich oder über das Terminal mit einem Videogespräch. Geben Sie dabei Ihre künftige Anschrift an, damit Behörden und Rentenversicherung Sie weiter erreichen. Sie erhalten eine Abmeldebestätigung, die Sie oft im Ausland oder für die Kündigung von Verträgen brauchen.',
      en: 'If you move within Germany, registering at your new home is enough – you are then removed from the Lindenau register automatically. You only have to deregister yourself if you move abroad or give up a secondary residence without moving into a new home in Germany. You can deregister at the earliest one week before moving out, in person, in writing or at the terminal with a video call. Please give your future address so that authorities and your pension fund can still reach you. You receive a deregistration certificate, which you often need abroad or to cancel contracts.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Neue Anschrift im Ausland (falls bekannt)',
        en: 'Your new address abroad (if known)',
      },
    ],
    prerequisites: [
      {
        de: 'Sie ziehen ins Ausland oder geben eine Nebenwohnung auf und beziehen keine neue Wohnung in Deutschland.',
        en: 'You are moving abroad or giving up a secondary residence and not moving into a new home in Germany.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Abmeldung und Abmeldebestätigung sind gebührenfrei.',
          en: 'Deregistration and its certificate are free.',
        },
        amountCents: 0,
      },
    ],
    processingTime: { de: 'Sofort', en: 'Immediately' },
    deadlines: {
      de: 'Innerhalb von zwei Wochen nach dem Auszug, frühestens eine Woche vorher (§ 17 Abs. 2 BMG).',
      en: 'Within two weeks after moving out, at the earliest one week before (section 17 (2) BMG).',
    },
    legalBasis: ['§ 17 Abs. 2 BMG', '§ 24 BMG'],
    officeId: 'buergerbuero',
    categoryId: 'wohnen',
    lifeSituationIds: ['umzug'],
    keywords: [
      'Abmeldung',
      'abmelden',
      'Wegzug',
      'Auswandern',
      'Ausland',
      'Nebenwohnung aufgeben',
      'Abmeldebestätigung',
      'deregistration',
      'deregister',
      'moving abroad',
      'emigrate',
      'leaving Germany',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'meldebescheinigung',
    leikaKey: '99115003012000',
    name: { de: 'Meldebescheinigung beantragen', en: 'Get a certificate of residence' },
    shortText: {
      de: 'Die Meldebescheinigung bestätigt, wo Sie gemeldet sind – etwa für Arbeitgeber, Banken oder Behörden.',
      en: 'A certificate of residence confirms where you are registered – for employers, banks or authorities.',
    },
    longText: {
      de: 'Eine einfache Meldebescheinigung enthält Ihren Namen, einen Doktorgrad und Ihre Anschrift. Eine erweiterte Meldebescheinigung nennt zusätzlich zum Beispiel Geburtsdatum, Geburtsort, Staatsangehörigkeit und frühere Anschriften; sie wird oft für Visa, Einbürgerung oder Behörden im Ausland verlangt. Sie erhalten die Bescheinigung nur über sich selbst oder, mit Vollmacht, für eine andere Person. Im Bürgerbüro wird sie sofort ausgedruckt; beantragen Sie sie über das Terminal, schicken wir sie Ihnen per Post. Für manche Zwecke, etwa für die Rente oder das Kindergeld, ist sie gebührenfrei – sagen Sie uns bitte, wofür Sie sie brauchen.',
      en: 'A simple certificate of residence shows your name, any doctoral degree and your address. An extended certificate also shows, for example, date and place of birth, nationality and previous addresses; it is often required for visas, naturalisation or authorities abroad. You can only get a certificate about yourself or, with a power of attorney, for another person. At the Citizens’ Office it is printed right away; if you apply at the terminal we send it by post. For some purposes, such as pension or child benefit, it is free – please tell us what you need it for.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Bei Beantragung für eine andere Person: Vollmacht und deren Ausweis (Kopie genügt)',
        en: 'When applying for someone else: power of attorney and a copy of their ID',
      },
    ],
    prerequisites: [{ de: 'Sie sind in Lindenau gemeldet.', en: 'You are registered in Lindenau.' }],
    fees: [
      {
        description: { de: 'Einfache Meldebescheinigung', en: 'Simple certificate of residence' },
        amountCents: 500,
      },
      {
        description: { de: 'Erweiterte Meldebescheinigung', en: 'Extended certificate of residence' },
        amountCents: 1000,
      },
      {
        description: {
          de: 'Gebührenfrei für bestimmte Zwecke, z. B. Rente, Kindergeld, Elterngeld oder Wohngeld',
          en: 'Free for certain purposes, e.g. pension, child benefit, parental allowance or housing benefit',
        },
        amountCents: 0,
      },
    ],
    processingTime: {
      de: 'Sofort im Bürgerbüro; per Post zwei bis drei Werktage.',
      en: 'Immediately at the Citizens’ Office; by post two to three working days.',
    },
    legalBasis: ['§ 18 BMG', 'Sächsisches Verwaltungskostengesetz (SächsVwKG)'],
    officeId: 'buergerbuero',
    categoryId: 'wohnen',
    lifeSituationIds: ['umzug', 'ruhestand'],
    keywords: [
      'Meldebescheinigung',
      'Meldebestätigung',
      'Aufenthaltsbescheinigung',
      'Wohnsitzbescheinigung',
      'Nachweis Wohnsitz',
      'certificate of residence',
      'proof of address',
      'registration certificate',
      'Meldezettel',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'auskunftssperre',
    leikaKey: '99115004078000',
    name: { de: 'Auskunftssperre beantragen', en: 'Block information about your address' },
    shortText: {
      de: 'Wenn Ihnen durch die Herausgabe Ihrer Adresse Gefahr droht, sperrt das Bürgerbüro die Auskunft aus dem Melderegister.',
      en: 'If disclosing your address would put you in danger, the Citizens’ Office blocks information from the register.',
    },
    longText: {
      de: 'Normalerweise darf die Meldebehörde Privatpersonen und Firmen auf Anfrage Ihren Namen und Ihre Anschrift mitteilen (einfache Melderegisterauskunft). Haben Sie Grund zu der Annahme, dass Ihnen oder einer anderen Person dadurch eine Gefahr für Leben, Gesundheit oder Freiheit droht – zum Beispiel bei Stalking oder häuslicher Gewalt –, können Sie eine Auskunftssperre beantragen. Schildern Sie bitte kurz, warum Sie gefährdet sind, und legen Sie vorhandene Nachweise bei, etwa eine Anzeige oder einen gerichtlichen Beschluss. Die Sperre gilt zwei Jahre und kann verlängert werden. Während der Sperre erhält niemand ohne Ihre Anhörung Auskunft über Sie; Behörden können weiterhin anfragen.',
      en: 'Normally the registration office may give your name and address to private persons and companies on request (simple register information). If you have reason to believe that this would endanger your or another person’s life, health or freedom – for example stalking or domestic violence – you can apply for an information block. Please briefly explain why you are at risk and add any evidence you have, such as a police report or a court order. The block lasts two years and can be extended. While it is in force nobody receives information about you without hearing you first; authorities can still make enquiries.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Nachweise über die Gefährdung, soweit vorhanden (z. B. Strafanzeige, Gerichtsbeschluss, Bescheinigung einer Beratungsstelle)',
        en: 'Evidence of the threat if available (e.g. police report, court order, letter from a counselling service)',
      },
    ],
    prerequisites: [
      {
        de: 'Es gibt Tatsachen, die eine Gefahr für Leben, Gesundheit, persönliche Freiheit oder ähnlich wichtige Belange befürchten lassen.',
        en: 'There are facts suggesting a danger to life, health, personal freedom or similarly important interests.',
      },
    ],
    fees: [{ description: { de: 'Gebührenfrei', en: 'Free of charge' }, amountCents: 0 }],
    processingTime: {
      de: 'In der Regel sofort; in schwierigen Fällen wenige Tage.',
      en: 'Usually immediately; in difficult cases a few days.',
    },
    legalBasis: ['§ 51 BMG', '§ 52 BMG'],
    officeId: 'buergerbuero',
    categoryId: 'wohnen',
    lifeSituationIds: ['umzug'],
    keywords: [
      'Auskunftssperre',
      'Adresse sperren',
      'Melderegistersperre',
      'Stalking',
      'Schutz',
      'häusliche Gewalt',
      'address block',
      'hide address',
      'stalking',
      'protection',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'widerspruch-datenuebermittlung',
    leikaKey: '99115010062000',
    name: {
      de: 'Weitergabe Ihrer Meldedaten widersprechen',
      en: 'Object to passing on your registration data',
    },
    shortText: {
      de: 'Sie können verhindern, dass Ihre Daten für Wahlwerbung, Jubiläen, Adressbücher oder Bundeswehr-Werbung weitergegeben werden.',
      en: 'You can stop your data being passed on for election mail, anniversaries, address books or army recruitment mail.',
    },
    longText: {
      de: 'Das Melderecht erlaubt in einigen Fällen, Ihre Daten ohne Ihre Zustimmung weiterzugeben: an Parteien vor Wahlen, an Presse und Mandatsträger bei Alters- und Ehejubiläen, an Adressbuchverlage, an die Bundeswehr für Informationsmaterial und an öffentlich-rechtliche Religionsgesellschaften für Familienangehörige ihrer Mitglieder. Jeder dieser Weitergaben können Sie einzeln und ohne Begründung widersprechen. Der Widerspruch gilt, bis Sie ihn zurücknehmen, und wird bei einem Umzug innerhalb Deutschlands nicht automatisch übernommen – melden Sie ihn am neuen Wohnort bitte erneut. Sie erhalten eine schriftliche Bestätigung.',
      en: 'Registration law allows your data to be passed on without your consent in some cases: to political parties before elections, to the press and elected officials for birthdays and wedding anniversaries, to address book publishers, to the armed forces for information material and to religious communities for family members of their members. You can object to each of these separately and without giving a reason. The objection applies until you withdraw it and is not carried over automatically when you move within Germany – please file it again at your new home. You receive a written confirmation.',
    },
    requiredDocuments: [{ de: 'Personalausweis oder Reisepass', en: 'ID card or passport' }],
    prerequisites: [{ de: 'Sie sind in Lindenau gemeldet.', en: 'You are registered in Lindenau.' }],
    fees: [{ description: { de: 'Gebührenfrei', en: 'Free of charge' }, amountCents: 0 }],
    processingTime: { de: 'Sofort', en: 'Immediately' },
    legalBasis: ['§ 36 Abs. 2 BMG', '§ 42 Abs. 3 BMG', '§ 50 Abs. 5 BMG', '§ 58c Abs. 1 SG'],
    officeId: 'buergerbuero',
    categoryId: 'wohnen',
    lifeSituationIds: ['umzug'],
    keywords: [
      'Widerspruch',
      'Datenschutz',
      'Übermittlungssperre',
      'Wahlwerbung',
      'Werbung Bundeswehr',
      'Jubiläum Zeitung',
      'Adressbuch',
      'data protection',
      'object',
      'opt out',
      'election mail',
      'privacy',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
