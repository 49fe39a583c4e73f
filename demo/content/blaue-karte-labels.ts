/**
 * English and Arabic labels of the Blaue Karte form's fields, keyed by the German FIM label, so an
 * applicant who reads only English or Arabic can fill it. FIM's longer help texts stay German
 * (the kiosk says so); Turkish, Ukrainian and Russian labels are still to be translated.
 */
const LABELS: Record<string, [en: string, ar: string]> = {
  Titel: ['Title (e.g. Dr.)', 'اللقب العلمي (مثل د.)'],
  Familienname: ['Family name', 'اسم العائلة'],
  Geburtsname: ['Name at birth', 'اسم العائلة عند الولادة'],
  Vorname: ['Given name(s)', 'الاسم الأول'],
  Geschlecht: ['Sex', 'الجنس'],
  Geburtsort: ['Place of birth', 'مكان الولادة'],
  Staatsangehörigkeit: ['Nationality', 'الجنسية'],
  Größe: ['Height (cm)', 'الطول (سم)'],
  Augenfarbe: ['Eye colour', 'لون العينين'],
  Lichtbild: ['Biometric passport photo', 'صورة شخصية بيومترية'],
  'Nachweis Ausweispapier': ['Proof: passport or ID document', 'إثبات: جواز السفر أو وثيقة الهوية'],
  'Anschrift in Deutschland': ['Address in Germany', 'العنوان في ألمانيا'],
  Straßenanschrift: ['Street address', 'عنوان الشارع'],
  Straßenangaben: ['Street', 'بيانات الشارع'],
  Straße: ['Street name', 'اسم الشارع'],
  Hausnummer: ['House number', 'رقم المنزل'],
  Hausnummerzusatz: ['House number suffix', 'إضافة لرقم المنزل'],
  Ort: ['Town', 'المدينة'],
  Postleitzahl: ['Postal code', 'الرمز البريدي'],
  Adresszusatz: ['Address addition (c/o, floor)', 'إضافة للعنوان (لدى، الطابق)'],
  'Anschrift Postfach': ['PO box address', 'عنوان صندوق البريد'],
  Postfach: ['PO box', 'صندوق البريد'],
  'Nachweis Mietvertrag': ['Proof: tenancy agreement', 'إثبات: عقد الإيجار'],
  'Nachweis Meldebescheinigung': ['Proof: certificate of registration', 'إثبات: شهادة تسجيل السكن'],
  'Erteilende Behörde': ['Issuing authority', 'الجهة المُصدِرة'],
  'Einreise in das Bundesgebiet am': ['Date of entry into Germany', 'تاريخ الدخول إلى ألمانيا'],
  Gültigkeitsdauer: ['Valid until', 'صالح حتى'],
  Ausstellungsdatum: ['Date of issue', 'تاريخ الإصدار'],
  'Nachweis Visum / Aufenthaltstitel': ['Visa or residence permit number', 'رقم التأشيرة أو تصريح الإقامة'],
  'Klasse/Fachrichtung': ['Subject of study', 'التخصص الدراسي'],
  'Höchster qualifizierter Abschluss': ['Highest degree', 'أعلى شهادة'],
  'Angaben zur Ausbildungsstätte': ['University', 'الجامعة'],
  'Ausbildungsstätte Name': ['Name of the university', 'اسم الجامعة'],
  'Anschrift Inland oder Ausland': ['Address in Germany or abroad', 'العنوان داخل ألمانيا أو خارجها'],
  Auslandsanschrift: ['Address abroad', 'العنوان في الخارج'],
  Staat: ['Country', 'الدولة'],
  'Ausländische Anschrift': ['Foreign address', 'العنوان الأجنبي'],
  ZeileAnschrift: ['Address line', 'سطر العنوان'],
  'Nachweis Hochschulqualifikation': ['Proof: university degree', 'إثبات: الشهادة الجامعية'],
  'Berufliche Tätigkeit': ['Job', 'المهنة'],
  'Datum des Arbeitsvertrags': ['Date of the employment contract', 'تاريخ عقد العمل'],
  'Laufzeit des Arbeits- bzw. Angestelltenverhältnisses': ['Employment ends on', 'تاريخ انتهاء العمل'],
  'Jahresbruttobetrag der Einnahmen': ['Gross annual salary (euros)', 'الراتب السنوي الإجمالي (يورو)'],
  'Angaben zum Arbeitgeber': ['Employer', 'صاحب العمل'],
  Name: ['Name', 'الاسم'],
  Anschrift: ['Address', 'العنوان'],
  'Ort Inland': ['Town in Germany', 'المدينة في ألمانيا'],
  Ortsteil: ['District', 'الحي'],
  Kontaktmöglichkeiten: ['Contact details', 'بيانات الاتصال'],
  'Kommunikation (Juristische Person)': ['Contact', 'وسيلة اتصال'],
  Kommunikationskanal: ['Channel (phone, e-mail …)', 'القناة (هاتف، بريد إلكتروني …)'],
  Kommunikationskennung: ['Number or address', 'الرقم أو العنوان'],
  Kommunikationszusatz: ['Note', 'ملاحظة'],
  'Nachweis Arbeitsvertrag/Arbeitsplatzangebot': [
    'Proof: employment contract or job offer',
    'إثبات: عقد العمل أو عرض العمل',
  ],
  'Nachweis Berufsausübungserlaubnis': ['Proof: licence to practise', 'إثبات: ترخيص مزاولة المهنة'],
  'Besteht Krankenversicherungsschutz für die Bundesrepublik Deutschland?': [
    'Do you have health insurance that covers Germany?',
    'هل لديك تأمين صحي يغطي ألمانيا؟',
  ],
  Krankenversicherungsträger: ['Health insurer', 'شركة التأمين الصحي'],
  Nachweis: ['Proof', 'إثبات'],
  'Besitzen Sie einen Aufenthaltstitel auf Basis von völkerrechtlichen oder dringenden humanitären Gründen oder eine vergleichbare Rechtsstellung in der europäischen Union oder haben Sie einen solchen beantragt?':
    [
      'Do you hold, or have you applied for, a residence permit on grounds of international law or urgent humanitarian reasons, or a comparable status in the EU?',
      'هل لديك أو طلبت تصريح إقامة لأسباب تتعلق بالقانون الدولي أو لأسباب إنسانية عاجلة، أو وضعًا قانونيًا مماثلًا في الاتحاد الأوروبي؟',
    ],
  'Haben Sie in einem EU-Mitgliedsstaat einen Antrag auf Anerkennnung als international Schutzsuchender gestellt oder vorübergehenden Schutz beantragt?':
    [
      'Have you applied for international protection or temporary protection in an EU member state?',
      'هل قدمت في دولة عضو في الاتحاد الأوروبي طلب حماية دولية أو حماية مؤقتة؟',
    ],
  'In welchem Staat?': ['In which country?', 'في أي دولة؟'],
  'Wurde über diesen Antrag abschließend entschieden?': [
    'Has a final decision been made on this application?',
    'هل صدر قرار نهائي بشأن هذا الطلب؟',
  ],
  'Wurde dem Antrag zugestimmt?': ['Was the application granted?', 'هل تمت الموافقة على الطلب؟'],
  'Haben Sie einen Antrag auf Feststellung der Voraussetzungen zum Verbot einer Abschiebung gestellt?': [
    'Have you applied for a ruling that you may not be deported?',
    'هل قدمت طلبًا لإثبات شروط حظر ترحيلك؟',
  ],
  'Sind Sie in Deutschland oder einem Mitgliedsstaat der EU als Saisonarbeitnehmer zugelassen?': [
    'Are you admitted as a seasonal worker in Germany or another EU member state?',
    'هل أنت مسجل كعامل موسمي في ألمانيا أو في دولة عضو في الاتحاد الأوروبي؟',
  ],
  'Sind Sie vorbestraft?': ['Do you have a criminal record?', 'هل لديك سوابق جنائية؟'],
  'Bezeichnung des Gerichts': ['Court', 'اسم المحكمة'],
  Aktenzeichen: ['Case number', 'رقم القضية'],
  Tatbestand: ['Offence', 'المخالفة'],
  Strafmaß: ['Sentence', 'العقوبة'],
  Datum: ['Date', 'التاريخ'],
  'Wo wurde die Strafe begangen (Inland/Ausland)?': [
    'Where was the offence committed (Germany/abroad)?',
    'أين ارتُكبت المخالفة (داخل ألمانيا/خارجها)؟',
  ],
  'Gibt es laufende Ermittlungsverfahren?': [
    'Are there any ongoing investigations against you?',
    'هل توجد تحقيقات جارية ضدك؟',
  ],
  'Art der laufenden Ermittlungsverfahren': ['Kind of investigation', 'نوع التحقيق'],
  'Durchführende Behörde': ['Investigating authority', 'الجهة التي تجري التحقيق'],
  'Haben Sie einer Vereinigung angehört oder gehörten Sie einer Vereinigung an, die Terrorismus unterstützt?':
    [
      'Are or were you a member of an organisation that supports terrorism?',
      'هل أنت أو كنت عضوًا في جماعة تدعم الإرهاب؟',
    ],
  'Gehörten Sie in der Vergangenheit oder heute zu den Leitern eines Vereins, der unanfechtbar verboten wurde, weil seine Zwecke oder seine Tätigkeit den Strafgesetzen zuwiderlaufen oder er sich gegen die verfassungsmäßige Ordnung oder den Gedanken der Völkerverständigung richtet?':
    [
      'Are or were you a leader of an association that has been finally banned because it breaks criminal law or acts against the constitutional order or international understanding?',
      'هل أنت أو كنت من قادة جمعية حُظرت نهائيًا لأنها تخالف القانون الجنائي أو تعمل ضد النظام الدستوري أو التفاهم بين الشعوب؟',
    ],
  'Haben Sie sich sich zur Verfolgung politischer oder religiöser Ziele an Gewalttätigkeiten beteiligt oder öffentlich zur Gewaltanwendung aufrufen oder mit Gewaltanwendung gedroht?':
    [
      'Have you taken part in violence, publicly called for violence or threatened violence for political or religious aims?',
      'هل شاركت في أعمال عنف أو دعوت علنًا إلى العنف أو هددت به لتحقيق أهداف سياسية أو دينية؟',
    ],
  'Haben Sie einen Antrag auf Feststellung der Voraussetzungen zur Duldung gestellt oder sind Sie im Besitz einer Duldung?':
    [
      'Have you applied for a tolerated stay (Duldung), or do you hold one?',
      'هل قدمت طلبًا للحصول على إقامة تسامح (Duldung) أو هل تحملها؟',
    ],
  'Sind Sie ein entsandter Arbeitnehmer?': ['Are you a posted worker?', 'هل أنت عامل منتدب من شركة أجنبية؟'],
  'Genießen Sie ein dem Unionsbürger gleichwertiges Recht auf freien Personenverkehr analog den EU-Bürgern?':
    [
      'Do you have a right to free movement equal to that of EU citizens?',
      'هل تتمتع بحق حرية التنقل مثل مواطني الاتحاد الأوروبي؟',
    ],
  'Wollen Sie als Leiharbeitnehmer tätig werden?': [
    'Do you want to work as a temporary agency worker?',
    'هل تريد العمل كعامل مؤقت عبر وكالة توظيف؟',
  ],
  'Sind Sie schon einmal aus dem Bundesgebiet ausgewiesen, zurückgeschoben oder abgeschoben worden?': [
    'Have you ever been expelled, turned back or deported from Germany?',
    'هل سبق أن طُردت أو أُعدت أو رُحّلت من ألمانيا؟',
  ],
};

export const blaueKarteLabels: Record<string, Partial<Record<string, string>>> = Object.fromEntries(
  Object.entries(LABELS).map(([de, [en, ar]]) => [de, { en, ar }]),
);
