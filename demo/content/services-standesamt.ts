import { SEEDED_AT, type SeedService } from './ids.js';

/** Civil status (Personenstand): births, marriages, deaths and certificates. */
export const standesamtServices: SeedService[] = [
  {
    id: 'geburt-beurkunden',
    leikaKey: '99027001013000',
    name: { de: 'Geburt anzeigen und beurkunden', en: 'Register a birth' },
    shortText: {
      de: 'Jede Geburt muss innerhalb einer Woche beim Standesamt des Geburtsortes angezeigt werden. Danach erhalten Sie die Geburtsurkunde.',
      en: 'Every birth must be reported within one week to the registry office where the child was born. You then receive the birth certificate.',
    },
    longText: {
      de: 'Kommt ein Kind im Krankenhaus oder Geburtshaus zur Welt, meldet die Einrichtung die Geburt dem Standesamt; Sie reichen nur noch die nötigen Unterlagen ein. Bei einer Hausgeburt in Lindenau zeigen die Eltern oder die Hebamme die Geburt selbst bei uns an. Das Standesamt trägt das Kind in das Geburtenregister ein und stellt die Geburtsurkunde aus. Zusammen mit der Urkunde erhalten Sie kostenlose Bescheinigungen für Elterngeld, Kindergeld und Mutterschaftsgeld. Wenn die Eltern nicht miteinander verheiratet sind, kann die Vaterschaft schon vor der Geburt beim Standesamt oder Jugendamt anerkannt werden – das beschleunigt die Beurkundung.',
      en: 'If a child is born in a hospital or birth centre, the facility reports the birth to the registry office; you only hand in the required documents. For a home birth in Lindenau, the parents or the midwife report the birth to us themselves. The registry office enters the child in the birth register and issues the birth certificate. Together with the certificate you receive free certificates for parental allowance, child benefit and maternity pay. If the parents are not married to each other, paternity can be acknowledged at the registry office or youth welfare office even before the birth – this speeds up registration.',
    },
    requiredDocuments: [
      { de: 'Ausweise beider Eltern', en: 'IDs of both parents' },
      {
        de: 'Verheiratete Eltern: Eheurkunde oder beglaubigter Ausdruck aus dem Eheregister',
        en: 'Married parents: marriage certificate or certified extract from the marriage register',
      },
      {
        de: 'Nicht verheiratete Eltern: Geburtsurkunden beider Eltern, ggf. Vaterschaftsanerkennung und Sorgeerklärung',
        en: 'Unmarried parents: birth certificates of both parents, if applicable acknowledgement of paternity and joint custody declaration',
      },
      {
        de: 'Bei Hausgeburt: Bescheinigung der Hebamme oder Ärztin bzw. des Arztes',
        en: 'For a home birth: confirmation from the midwife or doctor',
      },
    ],
    prerequisites: [{ de: 'Das Kind wurde in Lindenau geboren.', en: 'The child was born in Lindenau.' }],
    fees: [
      { description: { de: 'Beurkundung der Geburt', en: 'Registration of the birth' }, amountCents: 0 },
      {
        description: {
          de: 'Bescheinigungen für Elterngeld, Kindergeld und Mutterschaftsgeld',
          en: 'Certificates for parental allowance, child benefit and maternity pay',
        },
        amountCents: 0,
      },
      { description: { de: 'Jede Geburtsurkunde', en: 'Each birth certificate' }, amountCents: 1200 },
    ],
    processingTime: {
      de: 'Wenige Tage, sobald alle Unterlagen vorliegen',
      en: 'A few days once all documents are complete',
    },
    deadlines: {
      de: 'Die Geburt muss innerhalb einer Woche angezeigt werden (§ 18 PStG).',
      en: 'The birth must be reported within one week (section 18 PStG).',
    },
    legalBasis: ['§§ 18–21 PStG', '§ 1617 BGB'],
    officeId: 'standesamt',
    categoryId: 'familie',
    lifeSituationIds: ['geburt'],
    keywords: [
      'Geburt',
      'Geburtsurkunde',
      'Baby',
      'Neugeborenes',
      'Hausgeburt',
      'Vaterschaft',
      'Namensgebung',
      'birth',
      'birth certificate',
      'newborn',
      'register baby',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'eheschliessung-anmelden',
    leikaKey: '99027005001000',
    name: { de: 'Eheschließung anmelden', en: 'Give notice of marriage' },
    shortText: {
      de: 'Bevor Sie heiraten, melden Sie die Eheschließung beim Standesamt an. Danach haben Sie sechs Monate Zeit für die Trauung.',
      en: 'Before you marry, give notice at the registry office. After that you have six months to hold the wedding.',
    },
    longText: {
      de: 'Die Anmeldung der Eheschließung ist beim Standesamt möglich, in dessen Bezirk eine oder einer von Ihnen wohnt; die Trauung selbst kann danach bei jedem Standesamt in Deutschland stattfinden. Kommen Sie möglichst zu zweit; ist das nicht möglich, bringt eine Person die schriftliche Beitrittserklärung der anderen mit. Das Standesamt prüft, ob Sie heiraten dürfen, und bespricht mit Ihnen den Namen, den Sie nach der Ehe führen möchten. Sind Sie beide deutsche Staatsangehörige und ledig, genügen meist wenige Unterlagen; bei früheren Ehen oder ausländischer Staatsangehörigkeit braucht es mehr – fragen Sie uns am besten vorher im Videogespräch. Den Trautermin im Trauzimmer des Lindenauer Rathauses oder in der Alten Schule können Sie bis zu sechs Monate im Voraus reservieren.',
      en: 'You can give notice of marriage at the registry office where one of you lives; the wedding itself can then take place at any registry office in Germany. Please come together if you can; if not, one of you brings the other’s written declaration of consent. The registry office checks that you are free to marry and discusses the surname you want to use after the wedding. If you are both German citizens and single, only a few documents are usually needed; previous marriages or foreign citizenship require more – it is best to ask us beforehand in a video call. You can reserve a wedding date in the wedding room of the Lindenau town hall or in the Old School up to six months in advance.',
    },
    requiredDocuments: [
      { de: 'Gültige Personalausweise oder Reisepässe', en: 'Valid ID cards or passports' },
      {
        de: 'Beglaubigte Ausdrucke aus dem Geburtenregister, nicht älter als sechs Monate (vom Standesamt des Geburtsortes)',
        en: 'Certified extracts from the birth register, not older than six months (from the registry office of your place of birth)',
      },
      {
        de: 'Bei früheren Ehen: Eheurkunde mit Vermerk über die Auflösung, z. B. rechtskräftiges Scheidungsurteil oder Sterbeurkunde',
        en: 'If previously married: marriage certificate showing how it ended, e.g. final divorce decree or death certificate',
      },
      {
        de: 'Bei ausländischer Staatsangehörigkeit: zusätzliche Urkunden nach Absprache, ggf. mit Übersetzung',
        en: 'With foreign citizenship: additional documents as agreed, translated if necessary',
      },
    ],
    prerequisites: [
      { de: 'Beide Partner sind volljährig.', en: 'Both partners are of full age (18).' },
      {
        de: 'Keiner der Partner ist bereits verheiratet oder in einer eingetragenen Lebenspartnerschaft.',
        en: 'Neither partner is already married or in a registered partnership.',
      },
    ],
    fees: [
      { description: { de: 'Anmeldung der Eheschließung', en: 'Notice of marriage' }, amountCents: 5000 },
      {
        description: {
          de: 'Zuschlag, wenn ausländisches Recht zu prüfen ist (nach Aufwand)',
          en: 'Surcharge if foreign law has to be checked (depending on effort)',
        },
        amountCents: null,
      },
      {
        description: { de: 'Trauung am Samstag (Zuschlag)', en: 'Wedding on a Saturday (surcharge)' },
        amountCents: 7500,
      },
      { description: { de: 'Jede Eheurkunde', en: 'Each marriage certificate' }, amountCents: 1200 },
    ],
    processingTime: {
      de: 'Die Anmeldung dauert etwa eine Stunde; bei ausländischem Recht kann die Prüfung mehrere Wochen dauern.',
      en: 'Giving notice takes about one hour; if foreign law applies, the review can take several weeks.',
    },
    deadlines: {
      de: 'Die Trauung muss innerhalb von sechs Monaten nach der Anmeldung stattfinden, sonst ist eine neue Anmeldung nötig.',
      en: 'The wedding must take place within six months of giving notice, otherwise you must give notice again.',
    },
    legalBasis: ['§§ 11–16 PStG', '§ 1303 BGB', '§§ 1310–1312 BGB', '§ 1355 BGB'],
    officeId: 'standesamt',
    categoryId: 'familie',
    lifeSituationIds: ['heirat'],
    keywords: [
      'Heiraten',
      'Hochzeit',
      'Trauung',
      'Standesamtliche Trauung',
      'Ehe',
      'Ehename',
      'Trautermin',
      'marriage',
      'wedding',
      'get married',
      'civil wedding',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'sterbefall-beurkunden',
    leikaKey: '99027011013000',
    name: { de: 'Sterbefall anzeigen und beurkunden', en: 'Register a death' },
    shortText: {
      de: 'Ein Todesfall muss spätestens am dritten Werktag danach beim Standesamt des Sterbeortes angezeigt werden.',
      en: 'A death must be reported to the registry office of the place of death by the third working day afterwards.',
    },
    longText: {
      de: 'Meist übernimmt das Bestattungsunternehmen die Anzeige beim Standesamt für die Angehörigen; Sie können sie aber auch selbst erledigen. Ist jemand im Krankenhaus oder Pflegeheim gestorben, zeigt die Einrichtung den Tod an. Das Standesamt trägt den Sterbefall in das Sterberegister ein und stellt Sterbeurkunden aus, die Sie für Rente, Versicherungen, Banken und das Nachlassgericht brauchen. Für die Rentenversicherung und die Krankenkasse erhalten Sie die Urkunden gebührenfrei. Erst nach der Beurkundung kann die Bestattung stattfinden; unser Standesamt bemüht sich deshalb um eine Erledigung am selben Tag.',
      en: 'Usually the funeral home reports the death to the registry office on behalf of the family, but you can also do it yourself. If someone died in a hospital or care home, the facility reports the death. The registry office enters the death in the register of deaths and issues death certificates, which you need for pensions, insurers, banks and the probate court. Certificates for the pension insurance and health insurance are free. The funeral can only take place after registration, so our registry office aims to complete it the same day.',
    },
    requiredDocuments: [
      {
        de: 'Todesbescheinigung (Leichenschauschein) der Ärztin oder des Arztes',
        en: 'Medical death certificate from the doctor',
      },
      {
        de: 'Personalausweis oder Reisepass der verstorbenen Person',
        en: 'ID card or passport of the deceased',
      },
      {
        de: 'Geburtsurkunde; bei Verheirateten die Eheurkunde, bei Geschiedenen zusätzlich das Scheidungsurteil',
        en: 'Birth certificate; if married the marriage certificate, if divorced also the divorce decree',
      },
      { de: 'Ausweis der anzeigenden Person', en: 'ID of the person reporting the death' },
    ],
    prerequisites: [{ de: 'Der Tod ist in Lindenau eingetreten.', en: 'The death occurred in Lindenau.' }],
    fees: [
      { description: { de: 'Beurkundung des Sterbefalls', en: 'Registration of the death' }, amountCents: 0 },
      { description: { de: 'Jede Sterbeurkunde', en: 'Each death certificate' }, amountCents: 1200 },
      {
        description: {
          de: 'Sterbeurkunden für Renten- und Krankenversicherung',
          en: 'Death certificates for pension and health insurance',
        },
        amountCents: 0,
      },
    ],
    processingTime: {
      de: 'In der Regel am selben oder nächsten Werktag',
      en: 'Usually the same or the next working day',
    },
    deadlines: {
      de: 'Spätestens am dritten auf den Tod folgenden Werktag (§ 28 PStG).',
      en: 'By the third working day after the death at the latest (section 28 PStG).',
    },
    legalBasis: ['§§ 28–30 PStG', 'Sächsisches Bestattungsgesetz (SächsBestG)'],
    officeId: 'standesamt',
    categoryId: 'familie',
    lifeSituationIds: ['todesfall'],
    keywords: [
      'Todesfall',
      'Sterbefall',
      'Sterbeurkunde',
      'gestorben',
      'Tod',
      'Bestattung',
      'Beerdigung',
      'death',
      'death certificate',
      'funeral',
      'bereavement',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'personenstandsurkunde',
    leikaKey: '99027002012000',
    name: {
      de: 'Geburts-, Ehe- oder Sterbeurkunde anfordern',
      en: 'Order a birth, marriage or death certificate',
    },
    shortText: {
      de: 'Urkunden erhalten Sie beim Standesamt, bei dem die Geburt, Ehe oder der Tod beurkundet wurde.',
      en: 'Certificates are issued by the registry office where the birth, marriage or death was registered.',
    },
    longText: {
      de: 'Das Standesamt Lindenau stellt Urkunden über alle Geburten, Eheschließungen und Sterbefälle aus, die hier beurkundet wurden. Urkunden erhalten die Personen, die im Eintrag stehen, ihre Ehegatten, Eltern, Kinder und Enkel; Geschwister und andere Personen brauchen ein berechtigtes Interesse, zum Beispiel als Erben. Neben der normalen Urkunde gibt es beglaubigte Registerausdrucke und mehrsprachige internationale Urkunden für Behörden im Ausland. Über das Terminal können Sie die Urkunde bestellen; wir schicken sie Ihnen mit Rechnung per Post oder legen sie zur Abholung bereit. Für Ahnenforschung gelten längere Fristen: Einträge älter als 110 Jahre (Geburten), 80 Jahre (Ehen) oder 30 Jahre (Sterbefälle) liegen im Archiv.',
      en: 'The Lindenau registry office issues certificates for all births, marriages and deaths registered here. Certificates are available to the persons named in the entry, their spouses, parents, children and grandchildren; siblings and others need a legitimate interest, for example as heirs. Besides the standard certificate there are certified register extracts and multilingual international certificates for authorities abroad. You can order a certificate at the terminal; we send it by post with an invoice or keep it ready for collection. Family history research follows other rules: entries older than 110 years (births), 80 years (marriages) or 30 years (deaths) are kept in the archive.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Bei Anforderung für andere: Nachweis der Verwandtschaft oder des berechtigten Interesses',
        en: 'When ordering for someone else: proof of kinship or of a legitimate interest',
      },
    ],
    prerequisites: [
      {
        de: 'Die Geburt, Eheschließung oder der Sterbefall wurde beim Standesamt Lindenau beurkundet.',
        en: 'The birth, marriage or death was registered at the Lindenau registry office.',
      },
    ],
    fees: [
      { description: { de: 'Erste Urkunde', en: 'First certificate' }, amountCents: 1200 },
      {
        description: {
          de: 'Jede weitere Urkunde im selben Auftrag',
          en: 'Each additional certificate in the same order',
        },
        amountCents: 600,
      },
    ],
    processingTime: {
      de: 'Sofort bei persönlicher Vorsprache; per Post zwei bis fünf Werktage',
      en: 'Immediately in person; by post two to five working days',
    },
    legalBasis: ['§ 55 PStG', '§ 62 PStG', '§ 5 PStG'],
    officeId: 'standesamt',
    categoryId: 'familie',
    lifeSituationIds: ['geburt', 'heirat', 'todesfall'],
    keywords: [
      'Urkunde',
      'Geburtsurkunde',
      'Heiratsurkunde',
      'Eheurkunde',
      'Sterbeurkunde',
      'Registerauszug',
      'internationale Urkunde',
      'certificate',
      'birth certificate',
      'marriage certificate',
      'death certificate',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
