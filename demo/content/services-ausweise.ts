import { SEEDED_AT, type SeedService } from './ids.js';

/** Identity documents and the certificate of good conduct, handled by the Bürgerbüro. */
export const ausweisServices: SeedService[] = [
  {
    id: 'personalausweis',
    leikaKey: '99008001012000',
    name: { de: 'Personalausweis beantragen', en: 'Apply for an ID card' },
    shortText: {
      de: 'Ab 16 Jahren brauchen Sie einen gültigen Personalausweis oder Reisepass. Beantragen Sie ihn persönlich im Bürgerbüro.',
      en: 'From the age of 16 you need a valid ID card or passport. Apply in person at the Citizens’ Office.',
    },
    longText: {
      de: 'Der Personalausweis wird bei der Bundesdruckerei hergestellt; deshalb müssen Sie zur Antragstellung persönlich ins Bürgerbüro kommen. Dort werden Ihre Fingerabdrücke erfasst und Ihr Lichtbild übernommen – seit Mai 2025 nur noch digital, entweder von einem Fotostudio mit Übermittlung an uns oder direkt bei uns am Fotogerät. Personen ab 24 Jahren erhalten einen Ausweis, der zehn Jahre gültig ist; unter 24 Jahren gilt er sechs Jahre. Nach etwa drei bis vier Wochen bekommen Sie einen Brief mit Ihrer PIN; danach können Sie den Ausweis im Bürgerbüro abholen oder ihn sich gegen Gebühr direkt nach Hause schicken lassen. Bringen Sie zur Abholung den alten Ausweis mit, er wird entwertet.',
      en: 'ID cards are produced by the Federal Printing Office, so you have to come to the Citizens’ Office in person to apply. Your fingerprints are taken there and your photo is added – since May 2025 only digitally, either sent to us by a photo studio or taken here at our photo station. People aged 24 or over receive a card valid for ten years; under 24 it is valid for six years. After about three to four weeks you receive a letter with your PIN; then you can collect the card at the Citizens’ Office or have it sent to your home for a fee. Please bring your old card when you collect the new one; it will be cancelled.',
    },
    requiredDocuments: [
      { de: 'Bisheriger Personalausweis oder Reisepass', en: 'Your current ID card or passport' },
      {
        de: 'Digitales biometrisches Lichtbild (Fotostudio mit Übermittlungscode oder Aufnahme im Bürgerbüro)',
        en: 'Digital biometric photo (photo studio with transfer code or taken at the Citizens’ Office)',
      },
      {
        de: 'Geburts- oder Eheurkunde, wenn Sie noch nie einen deutschen Ausweis hatten oder Ihr Name sich geändert hat',
        en: 'Birth or marriage certificate if you never had a German ID or your name has changed',
      },
    ],
    prerequisites: [
      {
        de: 'Sie sind deutsche Staatsangehörige oder deutscher Staatsangehöriger.',
        en: 'You are a German citizen.',
      },
      { de: 'Sie haben Ihren Hauptwohnsitz in Lindenau.', en: 'Your main residence is in Lindenau.' },
    ],
    fees: [
      {
        description: { de: 'Personalausweis ab 24 Jahren', en: 'ID card, age 24 and over' },
        amountCents: 3700,
      },
      { description: { de: 'Personalausweis unter 24 Jahren', en: 'ID card, under 24' }, amountCents: 2280 },
      {
        description: {
          de: 'Lichtbild am Fotogerät im Bürgerbüro',
          en: 'Photo taken at the Citizens’ Office',
        },
        amountCents: 600,
      },
      {
        description: {
          de: 'Zusendung des Ausweises nach Hause (optional)',
          en: 'Delivery of the card to your home (optional)',
        },
        amountCents: 1500,
      },
    ],
    processingTime: {
      de: 'Etwa drei bis vier Wochen',
      en: 'About three to four weeks',
    },
    deadlines: {
      de: 'Beantragen Sie den neuen Ausweis etwa sechs Wochen, bevor der alte abläuft. Ohne gültigen Ausweis oder Pass droht ein Bußgeld.',
      en: 'Apply about six weeks before your old card expires. Not having a valid ID card or passport can lead to a fine.',
    },
    legalBasis: ['§ 1 PAuswG', '§ 5 PAuswG', '§ 9 PAuswG', '§ 1 PAuswGebV'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['ausweis-verloren', 'heirat'],
    keywords: [
      'Perso',
      'Personalausweis',
      'Ausweis',
      'Ausweis verlängern',
      'neuer Ausweis',
      'eID',
      'Online-Ausweis',
      'Passbild',
      'ID card',
      'identity card',
      'renew ID',
      'national ID',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'reisepass',
    leikaKey: '99058001012000',
    name: { de: 'Reisepass beantragen', en: 'Apply for a passport' },
    shortText: {
      de: 'Für Reisen außerhalb der EU brauchen Sie meist einen Reisepass. Sie beantragen ihn persönlich im Bürgerbüro.',
      en: 'For travel outside the EU you usually need a passport. Apply in person at the Citizens’ Office.',
    },
    longText: {
      de: 'Der Reisepass wird wie der Personalausweis bei der Bundesdruckerei hergestellt. Sie beantragen ihn persönlich; dabei werden zwei Fingerabdrücke und ein digitales Lichtbild gespeichert. Ab 24 Jahren ist der Pass zehn Jahre gültig, darunter sechs Jahre. Vielreisende können einen Pass mit 48 statt 32 Seiten wählen. Wenn es eilig ist, gibt es gegen Aufpreis einen Expresspass, der meist nach drei bis vier Werktagen da ist; für ganz kurzfristige Reisen stellen wir einen vorläufigen Reisepass aus. Prüfen Sie vor der Reise, wie lange Ihr Pass im Zielland noch gültig sein muss.',
      en: 'Like the ID card, the passport is produced by the Federal Printing Office. You apply in person; two fingerprints and a digital photo are stored. From the age of 24 the passport is valid for ten years, under 24 for six years. Frequent travellers can choose 48 instead of 32 pages. If you are in a hurry, an express passport is available for a surcharge and usually arrives within three to four working days; for very short-notice trips we issue a temporary passport. Before travelling, check how long your passport must still be valid in the destination country.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder bisheriger Reisepass', en: 'ID card or your previous passport' },
      {
        de: 'Digitales biometrisches Lichtbild (Fotostudio oder Fotogerät im Bürgerbüro)',
        en: 'Digital biometric photo (photo studio or photo station at the Citizens’ Office)',
      },
      {
        de: 'Geburts- oder Eheurkunde bei erstmaliger Beantragung oder Namensänderung',
        en: 'Birth or marriage certificate for a first application or after a change of name',
      },
    ],
    prerequisites: [
      {
        de: 'Sie sind deutsche Staatsangehörige oder deutscher Staatsangehöriger.',
        en: 'You are a German citizen.',
      },
      { de: 'Sie haben Ihren Hauptwohnsitz in Lindenau.', en: 'Your main residence is in Lindenau.' },
    ],
    fees: [
      {
        description: { de: 'Reisepass ab 24 Jahren (32 Seiten)', en: 'Passport, age 24 and over (32 pages)' },
        amountCents: 7000,
      },
      {
        description: { de: 'Reisepass unter 24 Jahren (32 Seiten)', en: 'Passport, under 24 (32 pages)' },
        amountCents: 3750,
      },
      { description: { de: 'Aufpreis für 48 Seiten', en: 'Surcharge for 48 pages' }, amountCents: 2200 },
      {
        description: { de: 'Aufpreis Expressverfahren', en: 'Surcharge for express service' },
        amountCents: 3200,
      },
    ],
    processingTime: {
      de: 'Etwa drei bis sechs Wochen; im Expressverfahren etwa drei bis vier Werktage.',
      en: 'About three to six weeks; express service about three to four working days.',
    },
    legalBasis: ['§ 1 PassG', '§ 6 PassG', '§ 15 PassV'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['ausweis-verloren'],
    keywords: [
      'Reisepass',
      'Pass',
      'Expresspass',
      'Urlaub',
      'Reise',
      'USA',
      'passport',
      'travel document',
      'express passport',
      'holiday',
      'travel abroad',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'ausweis-fuer-kinder',
    leikaKey: '99058003012000',
    name: { de: 'Ausweis oder Reisepass für Kinder', en: 'ID card or passport for children' },
    shortText: {
      de: 'Den Kinderreisepass gibt es seit 2024 nicht mehr. Kinder bekommen einen Personalausweis oder Reisepass zum ermäßigten Preis.',
      en: 'The children’s passport was discontinued in 2024. Children get an ID card or passport at a reduced fee.',
    },
    longText: {
      de: 'Seit dem 1. Januar 2024 stellen die Behörden keine Kinderreisepässe mehr aus; bereits ausgestellte bleiben bis zu ihrem Ablaufdatum gültig. Für Reisen innerhalb der EU genügt für Kinder ein Personalausweis, für viele andere Länder brauchen sie einen Reisepass. Beides ist für Kinder sechs Jahre gültig und kostet weniger als für Erwachsene. Das Kind muss beim Antrag dabei sein; ab sechs Jahren werden Fingerabdrücke genommen. Beide sorgeberechtigten Eltern müssen zustimmen: Entweder kommen beide mit, oder ein Elternteil bringt die schriftliche Zustimmung und eine Ausweiskopie des anderen mit.',
      en: 'Since 1 January 2024 children’s passports are no longer issued; existing ones remain valid until they expire. Within the EU an ID card is enough for children; many other countries require a passport. Both are valid for six years for children and cost less than for adults. The child must be present when you apply; fingerprints are taken from the age of six. Both parents with custody must agree: either both come along, or one parent brings the written consent and a copy of the other parent’s ID.',
    },
    requiredDocuments: [
      { de: 'Geburtsurkunde des Kindes', en: 'The child’s birth certificate' },
      {
        de: 'Ausweise der Eltern; bei Abwesenheit eines Elternteils dessen schriftliche Zustimmung und Ausweiskopie',
        en: 'Parents’ IDs; if one parent cannot come, their written consent and a copy of their ID',
      },
      {
        de: 'Bei alleinigem Sorgerecht: Nachweis, z. B. Negativbescheinigung des Jugendamts oder Gerichtsbeschluss',
        en: 'With sole custody: proof, e.g. a certificate from the youth welfare office or a court order',
      },
      { de: 'Digitales biometrisches Lichtbild des Kindes', en: 'Digital biometric photo of the child' },
    ],
    prerequisites: [
      {
        de: 'Das Kind ist deutscher Staatsangehöriger und in Lindenau gemeldet.',
        en: 'The child is a German citizen registered in Lindenau.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Personalausweis für Kinder unter 24 Jahren',
          en: 'ID card for a child (under 24)',
        },
        amountCents: 2280,
      },
      {
        description: { de: 'Reisepass für Kinder unter 24 Jahren', en: 'Passport for a child (under 24)' },
        amountCents: 3750,
      },
    ],
    processingTime: { de: 'Etwa drei bis sechs Wochen', en: 'About three to six weeks' },
    deadlines: {
      de: 'Planen Sie vor Urlaubsreisen mindestens sechs Wochen ein.',
      en: 'Allow at least six weeks before a holiday.',
    },
    legalBasis: ['§ 1 PAuswG', '§ 9 PAuswG', '§ 1 PassG', '§ 6 PassG'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['geburt'],
    keywords: [
      'Kinderreisepass',
      'Kinderausweis',
      'Kind Ausweis',
      'Kinderpass',
      'Urlaub mit Kind',
      'child passport',
      'child ID',
      'kids passport',
      'travelling with children',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'vorlaeufiger-personalausweis',
    leikaKey: '99008002012000',
    name: { de: 'Vorläufigen Personalausweis beantragen', en: 'Apply for a temporary ID card' },
    shortText: {
      de: 'Wenn Sie sofort einen Ausweis brauchen, erhalten Sie im Bürgerbüro einen vorläufigen Personalausweis aus Papier.',
      en: 'If you need an ID right away, the Citizens’ Office issues a temporary paper ID card.',
    },
    longText: {
      de: 'Der vorläufige Personalausweis wird sofort im Bürgerbüro ausgedruckt und ist höchstens drei Monate gültig. Er hilft, wenn Ihr Ausweis verloren oder abgelaufen ist und Sie kurzfristig einen Nachweis brauchen, etwa für eine Reise in ein Nachbarland. Er hat keine Online-Ausweisfunktion und wird nicht in allen Ländern anerkannt – erkundigen Sie sich vor einer Reise. Sie erhalten ihn nur zusammen mit einem Antrag auf einen regulären Personalausweis oder wenn ein solcher bereits läuft.',
      en: 'The temporary ID card is printed immediately at the Citizens’ Office and is valid for at most three months. It helps if your ID was lost or has expired and you need proof of identity at short notice, for example for a trip to a neighbouring country. It has no online ID function and is not accepted in all countries – check before you travel. You only receive it together with an application for a regular ID card or while one is being processed.',
    },
    requiredDocuments: [
      { de: 'Digitales biometrisches Lichtbild', en: 'Digital biometric photo' },
      {
        de: 'Bisheriger Ausweis oder, bei Verlust, ein anderes Dokument mit Lichtbild',
        en: 'Your previous ID or, if lost, another document with a photo',
      },
    ],
    prerequisites: [
      {
        de: 'Sie beantragen gleichzeitig einen regulären Personalausweis oder haben ihn bereits beantragt.',
        en: 'You are applying for a regular ID card at the same time or have already done so.',
      },
    ],
    fees: [
      { description: { de: 'Vorläufiger Personalausweis', en: 'Temporary ID card' }, amountCents: 1000 },
    ],
    processingTime: { de: 'Sofort', en: 'Immediately' },
    legalBasis: ['§ 3 PAuswG', '§ 1 PAuswGebV'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['ausweis-verloren'],
    keywords: [
      'vorläufiger Ausweis',
      'Ersatzausweis',
      'Notausweis',
      'Papierausweis',
      'sofort Ausweis',
      'temporary ID',
      'emergency ID',
      'urgent ID',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'ausweis-verlust',
    leikaKey: '99008005062000',
    name: {
      de: 'Verlust oder Diebstahl eines Ausweises melden',
      en: 'Report a lost or stolen ID or passport',
    },
    shortText: {
      de: 'Melden Sie einen verlorenen oder gestohlenen Personalausweis oder Reisepass sofort, damit niemand ihn missbrauchen kann.',
      en: 'Report a lost or stolen ID card or passport immediately so that nobody can misuse it.',
    },
    longText: {
      de: 'Ist Ihr Personalausweis oder Reisepass weg, müssen Sie das unverzüglich der Ausweisbehörde melden; bei Diebstahl erstatten Sie bitte zusätzlich Anzeige bei der Polizei. Das Bürgerbüro trägt den Ausweis in das polizeiliche Fahndungssystem ein, damit er bei Kontrollen und Grenzübertritten erkannt wird. Die Online-Ausweisfunktion sollten Sie sofort sperren lassen – rund um die Uhr über den Sperrnotruf 116 116, dafür brauchen Sie Ihr Sperrkennwort aus dem PIN-Brief. Gleich beim Termin können Sie einen neuen Ausweis und bei Bedarf einen vorläufigen Ausweis beantragen. Findet sich der alte Ausweis wieder, geben Sie ihn bitte im Bürgerbüro ab; er bleibt ungültig.',
      en: 'If your ID card or passport is gone, you must report this to the ID authority without delay; if it was stolen, please also report it to the police. The Citizens’ Office enters the document into the police search system so that it is recognised at checks and border crossings. Have the online ID function blocked at once – around the clock via the blocking hotline 116 116, using the blocking password from your PIN letter. At the same appointment you can apply for a new ID card and, if needed, a temporary one. If the old document turns up again, please hand it in at the Citizens’ Office; it remains invalid.',
    },
    requiredDocuments: [
      {
        de: 'Ein anderes Dokument mit Lichtbild, falls vorhanden (z. B. Führerschein oder Reisepass)',
        en: 'Another document with a photo if you have one (e.g. driving licence or passport)',
      },
      {
        de: 'Bei Diebstahl: Bestätigung der polizeilichen Anzeige',
        en: 'If stolen: confirmation of the police report',
      },
    ],
    prerequisites: [
      {
        de: 'Ihr Ausweis wurde von einer deutschen Behörde ausgestellt und ist verloren gegangen oder gestohlen worden.',
        en: 'Your document was issued by a German authority and has been lost or stolen.',
      },
    ],
    fees: [
      {
        description: { de: 'Die Verlustmeldung ist gebührenfrei.', en: 'Reporting the loss is free.' },
        amountCents: 0,
      },
      {
        description: {
          de: 'Für den neuen Ausweis gelten die normalen Gebühren.',
          en: 'The usual fees apply for the new document.',
        },
        amountCents: null,
      },
    ],
    processingTime: { de: 'Sofort', en: 'Immediately' },
    deadlines: {
      de: 'Unverzüglich, sobald Sie den Verlust bemerken.',
      en: 'Without delay, as soon as you notice the loss.',
    },
    legalBasis: ['§ 27 Abs. 1 Nr. 3 PAuswG', '§ 15 Nr. 3 PassG'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['ausweis-verloren'],
    keywords: [
      'Ausweis verloren',
      'Perso weg',
      'Diebstahl',
      'gestohlen',
      'Pass verloren',
      'Verlustanzeige',
      'Sperrnotruf',
      '116 116',
      'lost ID',
      'stolen passport',
      'lost passport',
      'report loss',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'fuehrungszeugnis',
    leikaKey: '99049001001000',
    name: { de: 'Führungszeugnis beantragen', en: 'Apply for a certificate of good conduct' },
    shortText: {
      de: 'Das Führungszeugnis zeigt, ob Sie Einträge im Bundeszentralregister haben. Arbeitgeber und Vereine verlangen es oft.',
      en: 'The certificate of good conduct shows whether you have entries in the Federal Central Criminal Register. Employers and clubs often ask for it.',
    },
    longText: {
      de: 'Das Führungszeugnis stellt das Bundesamt für Justiz in Bonn aus; das Bürgerbüro nimmt Ihren Antrag auf und leitet ihn elektronisch weiter. Für die Arbeit mit Kindern und Jugendlichen, etwa im Sportverein oder in der Kita, brauchen Sie ein erweitertes Führungszeugnis; dafür bringen Sie bitte die schriftliche Aufforderung der Stelle mit. Ein privates Führungszeugnis wird Ihnen nach Hause geschickt; eines zur Vorlage bei einer Behörde geht direkt an diese Behörde. Für ehrenamtliche Tätigkeiten kann die Gebühr erlassen werden, wenn die Organisation das bestätigt. Mit Online-Ausweis können Sie den Antrag auch selbst beim Bundesamt für Justiz stellen.',
      en: 'The certificate is issued by the Federal Office of Justice in Bonn; the Citizens’ Office takes your application and forwards it electronically. For work with children and young people, for example in a sports club or nursery, you need an extended certificate; please bring the written request from that organisation. A private certificate is sent to your home; one for an authority goes directly to that authority. For volunteer work the fee can be waived if the organisation confirms it. With the online ID function you can also apply yourself at the Federal Office of Justice.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Für das erweiterte Führungszeugnis: schriftliche Aufforderung des Arbeitgebers oder Vereins',
        en: 'For the extended certificate: written request from the employer or club',
      },
      {
        de: 'Für die Gebührenbefreiung: Bestätigung der ehrenamtlichen Tätigkeit',
        en: 'For a fee waiver: confirmation of your volunteer work',
      },
    ],
    prerequisites: [
      {
        de: 'Sie sind mindestens 14 Jahre alt und in Lindenau gemeldet.',
        en: 'You are at least 14 and registered in Lindenau.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Führungszeugnis (auch erweitert)',
          en: 'Certificate of good conduct (also extended)',
        },
        amountCents: 1300,
      },
      {
        description: {
          de: 'Gebührenfrei bei ehrenamtlicher Tätigkeit (auf Antrag)',
          en: 'Free for volunteer work (on request)',
        },
        amountCents: 0,
      },
    ],
    processingTime: {
      de: 'Meist ein bis zwei Wochen nach Antragstellung',
      en: 'Usually one to two weeks after applying',
    },
    legalBasis: ['§ 30 BZRG', '§ 30a BZRG', 'Nr. 1130 KV JVKostG'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['gewerbe-gruenden'],
    keywords: [
      'Führungszeugnis',
      'polizeiliches Führungszeugnis',
      'erweitertes Führungszeugnis',
      'Vorstrafen',
      'Bewerbung',
      'Ehrenamt',
      'certificate of good conduct',
      'criminal record certificate',
      'police certificate',
      'background check',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
