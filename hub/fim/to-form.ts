import {
  ATTACHMENT_CEILING,
  ATTACHMENT_DEFAULTS,
  ATTACHMENT_MEDIA_TYPES,
} from '../../protocol/attachments.js';
import {
  FormDefinition,
  isAttachmentWidget,
  type AddressUi,
  type FieldUi,
  type FormStep,
} from '../../protocol/forms.js';
import type { LocalizedText } from '../../protocol/i18n.js';
import { requiredWhen } from '../../protocol/required-when.js';
import { PatternError } from '../../protocol/pattern/safe-pattern.js';
import { isLiteralPattern, xsdToEcmaPattern } from '../../protocol/pattern/xsd.js';
import type { CodeList } from './genericode.js';
import { applyFimRule, revealChosenBranches, type RuleFields, type RuleTarget } from './rules.js';
import {
  FIM_LIMITS,
  FimError,
  type FimChild,
  type FimField,
  type FimGroup,
  type FimSchema,
} from './xdatenfelder.js';

type PropertySchema = Record<string, unknown>;

export interface FimImportOptions {
  formId: string;
  officeId: string;
  updatedAt: string;
  version?: number;
  /** Translations keyed by the German text (labels repeat across FIM schemas: "Straße", "Ort"). */
  translations?: Record<string, Partial<Record<string, string>>>;
  /** Postcodes and towns of the offices' region: address groups suggest the town from them offline. */
  places?: AddressUi['places'];
  /** Genericode code lists shipped with the export (or bundled), by canonical URI. */
  codeLists?: ReadonlyMap<string, CodeList>;
}

export interface FimImportReport {
  /** Rules by id that the terminal does not evaluate: the office checks them. */
  unevaluatedRules: { id: string; name: string }[];
  rules: number;
  rulesEvaluated: number;
  selects: number;
  selectsAsChoices: number;
  uploads: number;
  uploadsAsScans: number;
  patternsDropped: number;
  /** Optional groups (0:1), and those asked about with "applies to me / does not apply". */
  optionalGroups: number;
  optionalGroupsAsked: number;
  /** Choice groups (XDF 3 `art` X), and those shown as a choice. */
  choiceGroups: number;
  choiceGroupsAsChoices: number;
  releaseStatus: string;
}

export interface FimImportResult {
  form: FormDefinition;
  /** What the importer could not carry over one to one, for the person running the import. */
  notes: string[];
  report: FimImportReport;
}

/**
 * A biometric passport photo ("Lichtbild") is not scanned: a kiosk camera with its light cannot
 * make a photo that meets the ICAO rules for document photos, and a scan of a printed photo does
 * not either. The citizen brings one, as to the counter.
 */
const PASSPORT_PHOTO_NOTE: LocalizedText = {
  de: 'Die Kamera des Terminals kann kein biometrisches Passfoto aufnehmen. Bitte bringen Sie ein aktuelles biometrisches Passfoto zu Ihrem Termin mit oder lassen Sie es dort aufnehmen, wenn die Behörde das anbietet.',
  en: 'The terminal’s camera cannot take a biometric passport photo. Please bring a current biometric passport photo to your appointment, or have one taken at the office if it offers this.',
  tr: 'Terminalin kamerası biyometrik vesikalık fotoğraf çekemez. Lütfen randevunuza güncel bir biyometrik vesikalık fotoğraf getirin veya kurum bu hizmeti sunuyorsa fotoğrafınızı orada çektirin.',
  ar: 'لا تستطيع كاميرا الجهاز التقاط صورة بيومترية لجواز السفر. يرجى إحضار صورة بيومترية حديثة إلى موعدك، أو التقاطها في الدائرة إذا كانت توفر هذه الخدمة.',
  uk: 'Камера термінала не може зробити біометричне фото на паспорт. Будь ласка, принесіть на прийом актуальне біометричне фото або сфотографуйтеся в установі, якщо вона надає таку послугу.',
  ru: 'Камера терминала не может сделать биометрическое фото на паспорт. Пожалуйста, принесите на приём актуальное биометрическое фото или сфотографируйтесь в ведомстве, если оно предлагает такую услугу.',
};
const PASSPORT_PHOTO = /lichtbild|passbild|passfoto|biometrisch/i;
const CODE_LIST_NOTE: LocalizedText = {
  de: 'Die Auswahlliste ist am Terminal nicht verfügbar. Bitte schreiben Sie Ihre Angabe in das Feld.',
  en: 'The list of choices is not available at the terminal. Please type your answer into the field.',
  tr: 'Seçenek listesi terminalde mevcut değil. Lütfen cevabınızı alana yazın.',
  ar: 'قائمة الخيارات غير متوفرة في الجهاز. يرجى كتابة إجابتك في الحقل.',
  uk: 'Список варіантів на терміналі недоступний. Будь ласка, впишіть відповідь у поле.',
  ru: 'Список вариантов на терминале недоступен. Пожалуйста, впишите ответ в поле.',
};
const FURTHER_DETAILS: LocalizedText = { de: 'Weitere Angaben', en: 'Further details' };
const ENTRY: LocalizedText = {
  de: 'Eintrag',
  en: 'Entry',
  tr: 'Giriş',
  ar: 'إدخال',
  uk: 'Запис',
  ru: 'Запись',
};

/**
 * Turns a FIM Stammdatenschema into the terminal's form format. Top-level groups become steps
 * (runs of top-level fields become a step "Weitere Angaben"); nested groups become sections
 * (object answers); anything that may occur more than once becomes a repeatable (array answers).
 * Each field keeps label, help, type, cardinality and constraints; a code list that is not in the
 * file becomes free text with a note. A file upload becomes a document scan (inside groups and
 * repeatables too), required when FIM's cardinality says so; a biometric photo a note to bring one.
 */
export function fimToForm(fim: FimSchema, options: FimImportOptions): FimImportResult {
  const notes: string[] = [];
  const tr = (german: string): LocalizedText => ({ ...options.translations?.[german], de: german });
  const topNames = new Names();
  const root: Container['schema'] = { properties: {}, required: [] };
  const rootUi: Container['ui'] = { fields: {} };
  const required = root.required;
  const steps: FormStep[] = [];
  const stepIds = new Names();

  const report: FimImportReport = {
    unevaluatedRules: [],
    rules: fim.rules.length,
    rulesEvaluated: 0,
    selects: 0,
    selectsAsChoices: 0,
    uploads: 0,
    uploadsAsScans: 0,
    patternsDropped: 0,
    optionalGroups: 0,
    optionalGroupsAsked: 0,
    choiceGroups: 0,
    choiceGroupsAsChoices: 0,
    releaseStatus: fim.releaseStatus,
  };
  const conditions: Record<string, unknown>[] = [];
  const context: Context = {
    tr,
    notes,
    places: options.places,
    fields: new Map(),
    codeLists: options.codeLists ?? new Map(),
    report,
    conditions,
    optionalGroups: [],
  };
  if (fim.releaseStatus) notes.push(`release status: ${releaseStatusText(fim.version, fim.releaseStatus)}`);
  const place = (item: FimChild, names: Names, into: StepBuilder, within = '') => {
    const name = names.take(item.element.label || item.element.name || item.element.id);
    const converted = convertChild(item, context, `${within}${item.element.id}`, name);
    rootUi.fields[name] = converted.ui;
    if (converted.schema) {
      root.properties[name] = converted.schema;
      if (converted.required) required.push(name);
    }
    if (converted.target) converted.target.parent = { required, name };
    into.fields.push(name);
    noteOptionalGroup(item, converted, context, { schema: root, ui: rootUi, names, order: into.fields });
  };

  let loose: StepBuilder | null = null;
  for (const item of fim.children) {
    const { element, cardinality } = item;
    if (element.kind === 'group' && cardinality.min === 1 && cardinality.max === 1) {
      loose = null;
      const step: StepBuilder = { id: stepIds.takeSlug(element.label), title: tr(element.label), fields: [] };
      for (const inner of element.children) place(inner, topNames, step, `${element.id}/`);
      if (step.fields.length > 0) steps.push(step);
    } else if (element.kind === 'group') {
      loose = null;
      const step: StepBuilder = { id: stepIds.takeSlug(element.label), title: tr(element.label), fields: [] };
      place(item, topNames, step);
      steps.push(step);
    } else {
      if (!loose) {
        const title = { ...FURTHER_DETAILS, ...tr(FURTHER_DETAILS.de) };
        loose = { id: stepIds.takeSlug(FURTHER_DETAILS.de), title, fields: [] };
        steps.push(loose);
      }
      place(item, topNames, loose);
    }
  }
  const unevaluated: string[] = [];
  for (const rule of fim.rules) {
    const condition = applyFimRule(rule.definition, context.fields, conditions);
    if (condition) {
      report.rulesEvaluated++;
      notes.push(`rule ${rule.id} "${rule.name}" evaluated: ${condition}`);
    } else {
      unevaluated.push(rule.name);
      report.unevaluatedRules.push({ id: rule.id, name: rule.name });
      notes.push(
        `rule ${rule.id} "${rule.name}" is not evaluated on the terminal: its fields are shown, and optional`,
      );
    }
  }
  for (const branch of revealChosenBranches(conditions)) notes.push(`branch: ${branch}`);
  askWhetherGroupsApply(context);
  if (unevaluated.length > 0 && steps[0]) {
    // The citizen is told, and the clerk checks those conditions.
    const name = topNames.take('Hinweis zu Bedingungen');
    rootUi.fields[name] = { label: RULES_NOTE_TITLE, help: RULES_NOTE, widget: 'note' };
    steps[0].fields.unshift(name);
  }

  limitRequiredScans(rootUi.fields, notes);
  const split = splitLongSteps(steps, rootUi.fields, stepIds);
  if (split.length > steps.length) {
    notes.push(`${split.length - steps.length} long steps split: at most ${STEP_FIELDS} fields a step`);
  }
  steps.splice(0, steps.length, ...split);

  if (steps.length > FIM_LIMITS.fields / 10) {
    throw new FimError(`${steps.length} steps: more than a form can show (${FIM_LIMITS.fields / 10})`);
  }
  const parsed = FormDefinition.safeParse({
    id: options.formId,
    version: options.version ?? 1,
    title: tr(fim.label),
    description: {
      de: [
        fim.description,
        fim.legalBasis && `Rechtsgrundlage: ${fim.legalBasis}`,
        `FIM ${fim.id} ${fim.schemaVersion}`,
      ]
        .filter(Boolean)
        .join(' · '),
    },
    officeId: options.officeId,
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: root.properties,
      required,
      additionalProperties: false,
      ...(conditions.length > 0 ? { allOf: conditions } : {}),
    },
    ui: { steps, fields: rootUi.fields },
    ...(fim.id && fim.schemaVersion
      ? { fimSchema: { id: fim.id.slice(0, 40), version: fim.schemaVersion.slice(0, 20) } }
      : {}),
    updatedAt: options.updatedAt,
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FimError(`the form does not pass the form check: ${first?.message ?? 'invalid'}`);
  }
  return { form: parsed.data, notes, report };
}

const RELEASE_STATUS: Record<string, string> = {
  '1': 'in Planung (draft)',
  '2': 'in Bearbeitung (draft)',
  '3': 'Entwurf (draft)',
  '4': 'methodisch freigegeben',
  '5': 'fachlich freigegeben (silber)',
  '6': 'fachlich freigegeben (gold)',
  '7': 'inaktiv',
  '8': 'vorgesehen zum Löschen',
};

function releaseStatusText(version: FimSchema['version'], code: string): string {
  return version === '3.0' ? `${code} ${RELEASE_STATUS[code] ?? 'unknown'}` : code;
}

interface StepBuilder {
  id: string;
  title: LocalizedText;
  fields: string[];
}

interface Converted {
  schema: PropertySchema | null;
  ui: FieldUi;
  required: boolean;
  /** What rules may name this element by (outside repeatables). */
  target?: RuleTarget | undefined;
}

interface Context {
  tr: (german: string) => LocalizedText;
  notes: string[];
  places: AddressUi['places'];
  /** FIM id -> where the field or group sits in the answers, its UI and schema (outside repeatables). */
  fields: RuleFields;
  codeLists: ReadonlyMap<string, CodeList>;
  report: FimImportReport;
  /** The schema's `allOf`: the rules' conditions, and those of choice and optional groups. */
  conditions: Record<string, unknown>[];
  /** Optional groups outside repeatables, to be asked about once the rules are read. */
  optionalGroups: OptionalGroup[];
}

/** Where a field sits: its parent's schema and UI, in display order. */
interface Container {
  /** The parent's schema: `properties` is replaced when a field is put in between. */
  schema: { properties: Record<string, PropertySchema>; required: string[] };
  /** The parent's UI: `fields` is replaced the same way. */
  ui: { fields: Record<string, FieldUi> };
  names: Names;
  /** The step's field order, for a field placed in a step. */
  order?: string[];
}

interface OptionalGroup {
  target: RuleTarget;
  name: string;
  container: Container;
  label: LocalizedText;
  help: LocalizedText | undefined;
}

function convertChild(
  { element, cardinality }: FimChild,
  context: Context,
  path: string,
  answerPath: string | null,
): Converted {
  const register = (ui: FieldUi, schema: PropertySchema | null, isRepeatable: boolean) => {
    if (answerPath === null) return undefined;
    const target: RuleTarget = {
      path: answerPath,
      ui,
      schema,
      boolean: schema?.['type'] === 'boolean',
      required: cardinality.min >= 1,
      repeatable: isRepeatable,
      fimPath: path,
    };
    const known = context.fields.get(element.id);
    if (known) known.push(target);
    else context.fields.set(element.id, [target]);
    return target;
  };
  if (element.kind === 'field' && element.dataType === 'file') {
    const file = convertFile(element, cardinality, context);
    return file.ui.widget === 'scan' ? { ...file, target: register(file.ui, null, false) } : file;
  }
  const repeatable = cardinality.max === null || cardinality.max > 1;
  const inside = repeatable ? null : answerPath;
  const single =
    element.kind === 'group' ? convertGroup(element, context, path, inside) : convertField(element, context);
  if (!single.schema) return { ...single, required: false };
  if (!repeatable) {
    const target = register(single.ui, single.schema, false);
    return { ...single, required: cardinality.min >= 1, target };
  }
  let max = cardinality.max ?? 20;
  if (max > FIM_LIMITS.multiplicity) {
    context.notes.push(`${path}: at most ${FIM_LIMITS.multiplicity} entries instead of ${max}`);
    max = FIM_LIMITS.multiplicity;
  }
  const schema: PropertySchema = { type: 'array', items: single.schema, maxItems: max };
  if (cardinality.min > 0) schema['minItems'] = cardinality.min;
  const ui: FieldUi = {
    label: single.ui.label,
    help: single.ui.help,
    widget: 'repeat',
    item: { ...single.ui, help: undefined },
  };
  const target = register(ui, schema, true);
  return { schema, required: cardinality.min >= 1, ui, target };
}

function convertGroup(group: FimGroup, context: Context, path: string, answerPath: string | null): Converted {
  const { tr, notes } = context;
  const names = new Names();
  const label = group.label || group.name;
  const required: string[] = [];
  const schema: Container['schema'] & PropertySchema = {
    type: 'object',
    properties: {},
    required,
    additionalProperties: false,
  };
  const ui: FieldUi & Container['ui'] = {
    label: label ? tr(label) : ENTRY,
    ...(group.help ? { help: tr(group.help) } : {}),
    widget: 'group',
    fields: {},
  };
  const container: Container = { schema, ui, names };
  const options: ChoiceChild[] = [];
  for (const item of group.children) {
    const name = names.take(item.element.label || item.element.name || item.element.id);
    const converted = convertChild(
      item,
      context,
      `${path}/${item.element.id}`,
      answerPath === null ? null : `${answerPath}/${name}`,
    );
    ui.fields[name] = converted.ui;
    if (converted.schema) {
      schema.properties[name] = converted.schema;
      if (converted.required) required.push(name);
    }
    if (converted.target) converted.target.parent = { required, name };
    noteOptionalGroup(item, converted, context, container);
    if (converted.schema || converted.ui.widget === 'scan') {
      options.push({
        name,
        label: converted.ui.label,
        target: converted.target,
        required: converted.required,
      });
    }
  }
  if (group.choice) chooseOne(group, answerPath, options, container, context);
  const parts = addressParts(ui, schema);
  if (parts) {
    notes.push(`${path} "${label}": address entry (street, house number, postcode, town)`);
    germanPostalCode(schema, parts.postalCode);
    ui.widget = 'address';
    ui.address = { parts, ...(context.places ? { places: context.places } : {}) };
    // The address entry lays out its own parts: no question inside it.
    context.optionalGroups = context.optionalGroups.filter(
      ({ target }) => answerPath === null || !target.path.startsWith(`${answerPath}/`),
    );
  }
  return { schema, ui, required: false };
}

interface ChoiceChild {
  name: string;
  label: LocalizedText;
  target: RuleTarget | undefined;
  required: boolean;
}

const CHOICE_LABEL: LocalizedText = {
  de: 'Was möchten Sie angeben?',
  en: 'What would you like to give?',
  tr: 'Hangisini belirtmek istiyorsunuz?',
  ar: 'ماذا تريد أن تذكر؟',
  uk: 'Що ви хочете вказати?',
  ru: 'Что вы хотите указать?',
};

/**
 * A choice group (XDF 3 `art` X) asks first which of its children the citizen gives: a required
 * choice of their labels, and each child shown (and required, where FIM requires it) only for its
 * answer. Inside a repeatable (no path from the form's root) it stays a plain group, with a note.
 */
function chooseOne(
  group: FimGroup,
  answerPath: string | null,
  options: ChoiceChild[],
  container: Container,
  context: Context,
): void {
  context.report.choiceGroups++;
  if (answerPath === null || options.length < 2) {
    context.notes.push(
      `${group.id} "${group.label}": choice group shown as a plain group (${answerPath === null ? 'inside a repeatable' : 'fewer than two children'})`,
    );
    return;
  }
  const name = container.names.take('Auswahl');
  const field = `${answerPath}/${name}`;
  for (const option of options) {
    const ui = container.ui.fields[option.name];
    if (!ui) continue;
    ui.visibleWhen = { field, equals: option.name };
    if (option.required) {
      container.schema.required.splice(container.schema.required.indexOf(option.name), 1);
      if (option.target) option.target.required = false;
      if (ui.widget !== 'scan')
        context.conditions.push({
          ...requiredWhen({ field, equals: option.name }, [`${answerPath}/${option.name}`]),
        });
    }
  }
  container.ui.fields = withFieldBefore(container.ui.fields, Object.keys(container.ui.fields)[0], name, {
    label: CHOICE_LABEL,
    ...(group.help ? { help: context.tr(group.help) } : {}),
    widget: 'choice',
    options: options.map((o) => ({ value: o.name, label: o.label })),
  });
  container.schema.properties = withFieldBefore(
    container.schema.properties,
    Object.keys(container.schema.properties)[0],
    name,
    { type: 'string', enum: options.map((o) => o.name) },
  );
  container.schema.required.unshift(name);
  context.report.choiceGroupsAsChoices++;
  context.notes.push(
    `${group.id} "${group.label}": choice group, one of ${options.map((o) => o.name).join(', ')}`,
  );
}

/** Remembers a group the citizen may leave out (0:1, outside repeatables) for askWhetherGroupsApply. */
function noteOptionalGroup(
  item: FimChild,
  converted: Converted,
  context: Context,
  container: Container,
): void {
  const { element, cardinality } = item;
  if (element.kind !== 'group' || cardinality.min !== 0 || cardinality.max !== 1) return;
  const target = converted.target;
  if (!target || target.repeatable || !converted.schema) return;
  context.report.optionalGroups++;
  const name = target.parent?.name ?? target.path.split('/').pop() ?? '';
  context.optionalGroups.push({
    target,
    name,
    container,
    label: converted.ui.label,
    help: converted.ui.help,
  });
}

/**
 * An optional group looks like any other: its required fields would read as required of everyone.
 * So the citizen is asked first whether it applies ("Trifft auf mich zu" / "Trifft nicht zu", a
 * required yes/no beside the group); the group shows, and is required, only after "applies". A
 * group a rule already shows, hides or requires keeps the rule's condition instead.
 */
function askWhetherGroupsApply(context: Context): void {
  const ruled = conditionallyRequired(context.conditions);
  for (const { target, name, container, label, help } of context.optionalGroups) {
    const { ui, schema } = target;
    if (ui.visibleWhen || ui.visibleIf || ruled.has(target.path) || !schema) continue;
    if (fieldWeight(ui) === 0) continue; // nothing to ask: notes only
    const question = container.names.derive(name, 'TrifftZu');
    const within = target.path.split('/').slice(0, -1).join('/');
    const field = within ? `${within}/${question}` : question;
    const ask: FieldUi = { label, ...(help ? { help } : {}), widget: 'yesno', wording: 'applies' };
    container.ui.fields = withFieldBefore(container.ui.fields, name, question, ask);
    container.schema.properties = withFieldBefore(container.schema.properties, name, question, {
      type: 'boolean',
    });
    container.schema.required.push(question);
    if (container.order) container.order.splice(container.order.indexOf(name), 0, question);
    ui.visibleWhen = { field, equals: true };
    const groupRequired = schema['required'];
    if (Array.isArray(groupRequired) && groupRequired.length > 0) {
      context.conditions.push({ ...requiredWhen({ field, equals: true }, [target.path]) });
    }
    context.report.optionalGroupsAsked++;
    context.notes.push(`${target.fimPath}: optional group, asked whether it applies (${field})`);
  }
}

/** Every path some condition can require (the `then` and `anyOf` branches of the schema's `allOf`). */
function conditionallyRequired(conditions: Record<string, unknown>[]): Set<string> {
  const paths = new Set<string>();
  const visit = (node: unknown, prefix: string) => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record['required'])) {
      for (const name of record['required']) paths.add(`${prefix}${String(name)}`);
    }
    const properties = record['properties'];
    if (typeof properties === 'object' && properties !== null) {
      for (const [name, inner] of Object.entries(properties)) visit(inner, `${prefix}${name}/`);
    }
    for (const key of ['then', 'else', 'anyOf', 'allOf', 'oneOf']) {
      const inner = record[key];
      if (Array.isArray(inner)) for (const item of inner) visit(item, prefix);
      else visit(inner, prefix);
    }
  };
  for (const condition of conditions) visit(condition, '');
  return paths;
}

/** The record with `key` added right before `before` (at the end when `before` is missing). */
function withFieldBefore<T>(
  record: Record<string, T>,
  before: string | undefined,
  key: string,
  value: T,
): Record<string, T> {
  const entries = Object.entries(record);
  const at = entries.findIndex(([name]) => name === before);
  entries.splice(at < 0 ? entries.length : at, 0, [key, value]);
  return Object.fromEntries(entries);
}

const RULES_NOTE_TITLE: LocalizedText = {
  de: 'Hinweis',
  en: 'Note',
  tr: 'Not',
  ar: 'ملاحظة',
  uk: 'Примітка',
  ru: 'Примечание',
};
const RULES_NOTE: LocalizedText = {
  de: 'Einige Bedingungen dieses Formulars prüft das Terminal nicht. Füllen Sie aus, was auf Sie zutrifft; die Verwaltung prüft den Rest.',
  en: 'The terminal does not check some conditions of this form. Fill in what applies to you; the office checks the rest.',
  tr: 'Terminal bu formun bazı koşullarını kontrol etmez. Size uyanları doldurun; gerisini idare kontrol eder.',
  ar: 'لا يتحقق الجهاز من بعض شروط هذا النموذج. املأ ما ينطبق عليك؛ وتتحقق الإدارة من الباقي.',
  uk: 'Термінал не перевіряє деякі умови цієї форми. Заповніть те, що стосується вас; решту перевірить установа.',
  ru: 'Терминал не проверяет некоторые условия этой формы. Заполните то, что относится к вам; остальное проверит ведомство.',
};

/** German labels of FIM's address fields (the Baukasten's "Straße", "Postleitzahl", ...). */
const ADDRESS_LABELS: Record<keyof AddressUi['parts'], string[]> = {
  street: ['Straße'],
  houseNumber: ['Hausnummer'],
  postalCode: ['Postleitzahl', 'PLZ'],
  city: ['Ort', 'Wohnort'],
};

/**
 * Where a group holds street, postcode and town as text fields (directly or in single nested
 * groups, as FIM's "Straßenanschrift" does), which field is which; otherwise undefined. Groups
 * already recognised as addresses are not looked into, so the innermost group gets the widget.
 */
function addressParts(ui: FieldUi, schema: PropertySchema): AddressUi['parts'] | undefined {
  const found: Partial<Record<keyof AddressUi['parts'], string>> = {};
  const visit = (fields: Record<string, FieldUi>, prefix: string, depth: number) => {
    for (const [name, child] of Object.entries(fields)) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.widget === 'group' && depth < 3) visit(child.fields ?? {}, path, depth + 1);
      if (child.widget !== 'text') continue;
      for (const [part, labels] of Object.entries(ADDRESS_LABELS) as [keyof AddressUi['parts'], string[]][]) {
        if (found[part] === undefined && labels.includes(child.label.de)) found[part] = path;
      }
    }
  };
  visit(ui.fields ?? {}, '', 0);
  const { street, houseNumber, postalCode, city } = found;
  if (street === undefined || postalCode === undefined || city === undefined) return undefined;
  if (!stringAt(schema, street) || !stringAt(schema, postalCode) || !stringAt(schema, city)) return undefined;
  return { street, ...(houseNumber !== undefined ? { houseNumber } : {}), postalCode, city };
}

function stringAt(schema: PropertySchema, path: string): PropertySchema | undefined {
  let current: PropertySchema | undefined = schema;
  for (const name of path.split('/')) {
    current = (current?.['properties'] as Record<string, PropertySchema> | undefined)?.[name];
  }
  return current?.['type'] === 'string' ? current : undefined;
}

/** A postcode in Germany has five digits; FIM often says only "at most 5 characters". */
function germanPostalCode(schema: PropertySchema, path: string): void {
  const property = stringAt(schema, path);
  if (property && property['pattern'] === undefined) property['pattern'] = '^[0-9]{5}$';
}

/**
 * A FIM file upload: a document scan (the terminal camera at its highest resolution) with FIM's
 * label and help, required with FIM's minimum count, in a step or inside groups and repeatables
 * (its files are named by the field's path). FIM's media types (XDF 3 `mediaType`) narrow what
 * the terminal takes for it, its `maxSize` the file size. A biometric photo becomes a note to
 * bring one.
 */
function convertFile(
  field: FimField,
  cardinality: FimChild['cardinality'],
  { tr, notes, report }: Context,
): Converted {
  report.uploads++;
  const label = field.label ? tr(field.label) : ENTRY;
  const help = field.help ? tr(field.help) : undefined;
  if (PASSPORT_PHOTO.test(`${field.label} ${field.name}`)) {
    notes.push(
      `${field.id} "${field.label}": biometric photo shown as a note to bring one (no kiosk camera makes it)`,
    );
    const text = PASSPORT_PHOTO_NOTE;
    return {
      schema: null,
      ui: { label, help: help ? joinTexts(help, text) : text, widget: 'note' },
      required: false,
    };
  }
  report.uploadsAsScans++;
  const minCount = Math.min(cardinality.min, ATTACHMENT_CEILING.maxCount);
  const known = new Set<string>(ATTACHMENT_MEDIA_TYPES);
  const mediaTypes = field.mediaTypes.map((t) => t.toLowerCase()).filter((t) => known.has(t));
  const limits: string[] = [];
  if (field.mediaTypes.length > 0 && mediaTypes.length === 0) {
    notes.push(
      `${field.id} "${field.label}": FIM allows only ${field.mediaTypes.join(', ')}, which the terminal does not make: it takes its own types`,
    );
  } else if (mediaTypes.length > 0) limits.push(mediaTypes.join('/'));
  if (field.maxSize !== null && field.maxSize > 0) limits.push(`at most ${field.maxSize} bytes`);
  notes.push(
    `${field.id} "${field.label}": file upload as a document scan, ${minCount > 0 ? `required (${minCount})` : 'optional'}${limits.length ? `, ${limits.join(', ')}` : ''}`,
  );
  const ui: FieldUi = {
    label,
    widget: 'scan',
    ...(help ? { help } : {}),
    ...(minCount > 0 ? { minCount } : {}),
    ...(mediaTypes.length > 0 ? { mediaTypes } : {}),
    ...(field.maxSize !== null && field.maxSize > 0 ? { maxBytes: field.maxSize } : {}),
  };
  return { schema: null, ui, required: false };
}

/**
 * An application carries at most ATTACHMENT_CEILING.maxCount files: scans required beyond that
 * become optional (the clerk asks for the rest). Above the terminals' default maxCount the form
 * is offered for the office or a video call on terminals left at the default: said in the notes.
 */
function limitRequiredScans(fields: Record<string, FieldUi>, notes: string[]): void {
  let total = 0;
  const visit = (name: string, ui: FieldUi) => {
    for (const [child, inner] of Object.entries(ui.fields ?? {})) visit(`${name}/${child}`, inner);
    if (ui.item) visit(`${name}/*`, ui.item);
    if (!isAttachmentWidget(ui.widget) || ui.minCount === undefined) return;
    const allowed = Math.min(ui.minCount, ATTACHMENT_CEILING.maxCount - total);
    if (allowed < ui.minCount) {
      const now = allowed > 0 ? `requires ${allowed} instead of ${ui.minCount}` : 'optional';
      notes.push(`${name}: ${now}, an application carries at most ${ATTACHMENT_CEILING.maxCount} files`);
      if (allowed > 0) ui.minCount = allowed;
      else delete ui.minCount;
    }
    total += allowed;
  };
  for (const [name, ui] of Object.entries(fields)) visit(name, ui);
  if (total > ATTACHMENT_DEFAULTS.maxCount) {
    notes.push(
      `the form requires ${total} scans: terminals need attachments.maxCount >= ${total} (default ${ATTACHMENT_DEFAULTS.maxCount}); others offer it for the office or a video call`,
    );
  } else if (total > 0) {
    notes.push(
      `the form requires ${total} scans (terminals take up to attachments.maxCount, default ${ATTACHMENT_DEFAULTS.maxCount})`,
    );
  }
}

/** A step asks for at most this many answers (fields inside its groups counted), where it can be split. */
export const STEP_FIELDS = 25;

/** How many answers a field asks for: its fields when it is a group, one entry of a repeatable. */
function fieldWeight(ui: FieldUi): number {
  if (ui.fields) return Object.values(ui.fields).reduce((sum, child) => sum + fieldWeight(child), 0);
  if (ui.item) return fieldWeight(ui.item);
  return ui.widget === 'note' ? 0 : 1;
}

/**
 * Splits a step of more than STEP_FIELDS answers between its top-level fields ("Titel (2/3)"); a
 * group is never cut. Each part keeps a field that is always shown, so no part can be empty.
 */
function splitLongSteps(steps: StepBuilder[], fields: Record<string, FieldUi>, ids: Names): StepBuilder[] {
  const result: StepBuilder[] = [];
  /** Asks for an answer whatever the citizen said before. */
  const asks = (name: string) => {
    const ui = fields[name];
    return ui !== undefined && !ui.visibleWhen && !ui.visibleIf && fieldWeight(ui) > 0;
  };
  for (const step of steps) {
    const parts: string[][] = [];
    let current: string[] = [];
    let weight = 0;
    for (const name of step.fields) {
      const ui = fields[name];
      const own = ui ? fieldWeight(ui) : 0;
      if (weight > 0 && weight + own > STEP_FIELDS && current.some(asks)) {
        parts.push(current);
        current = [];
        weight = 0;
      }
      current.push(name);
      weight += own;
    }
    if (current.length > 0) {
      const last = parts[parts.length - 1];
      if (!current.some(asks) && last) last.push(...current);
      else parts.push(current);
    }
    if (parts.length <= 1) {
      result.push(step);
      continue;
    }
    parts.forEach((part, index) => {
      const suffix = ` (${index + 1}/${parts.length})`;
      const title = Object.fromEntries(
        Object.entries(step.title).map(([lang, text]) => [lang, `${text}${suffix}`]),
      ) as LocalizedText;
      const id = index === 0 ? step.id : ids.takeSlug(`${step.id} ${index + 1}`);
      result.push({ id, title, fields: part });
    });
  }
  return result;
}

function joinTexts(first: LocalizedText, second: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(second).map(([lang, text]) => [lang, `${first[lang] ?? first.de} ${text}`]),
  ) as LocalizedText;
}

function convertField(field: FimField, context: Context): Converted {
  const { tr, notes, report } = context;
  const label = field.label ? tr(field.label) : ENTRY;
  const help = field.help ? tr(field.help) : undefined;
  const c = field.constraints;
  const note = (text: LocalizedText): Converted => ({
    schema: null,
    ui: { label, help: text, widget: 'note' },
    required: false,
  });
  if (field.fieldType === 'label' || field.fieldType === 'locked') {
    return note(field.content ? tr(field.content) : (help ?? label));
  }
  if (field.dataType === 'bool') {
    return { schema: { type: 'boolean' }, ui: { label, help, widget: 'yesno' }, required: false };
  }
  if (field.dataType === 'date') {
    return {
      schema: { type: 'string', format: 'date' },
      ui: { label, help, widget: 'date' },
      required: false,
    };
  }
  if (field.dataType === 'num' || field.dataType === 'num_int' || field.dataType === 'num_currency') {
    const schema: PropertySchema = { type: field.dataType === 'num_int' ? 'integer' : 'number' };
    if (c.minValue !== undefined) schema['minimum'] = c.minValue;
    else if (field.dataType === 'num_currency') schema['minimum'] = 0;
    if (c.maxValue !== undefined) schema['maximum'] = c.maxValue;
    return { schema, ui: { label, help, widget: 'number' }, required: false };
  }
  const schema: PropertySchema = { type: 'string' };
  if (c.minLength !== undefined) schema['minLength'] = c.minLength;
  if (c.maxLength !== undefined) schema['maxLength'] = c.maxLength;
  if (c.pattern !== undefined) {
    const pattern = safePattern(field, c.pattern, notes);
    if (pattern) schema['pattern'] = pattern;
    else report.patternsDropped++;
  }
  if (field.fieldType === 'select') report.selects++;
  const listed = field.codeList ? context.codeLists.get(field.codeList) : undefined;
  const values = field.values.length > 0 ? field.values : (listed?.values ?? []);
  if (field.fieldType === 'select' && values.length > 0) {
    report.selectsAsChoices++;
    delete schema['pattern'];
    delete schema['minLength'];
    delete schema['maxLength'];
    const unique = values.filter((v, i) => values.findIndex((w) => w.code === v.code) === i);
    schema['enum'] = unique.map((v) => v.code);
    const options = unique.map((v) => ({ value: v.code, label: tr(v.name) }));
    if (listed && field.values.length === 0) {
      notes.push(
        `${field.id} "${field.label}": code list ${field.codeList} as a choice of ${options.length}`,
      );
    }
    return { schema, ui: { label, help, widget: 'choice', options }, required: false };
  }
  if (field.fieldType === 'select') {
    notes.push(
      `${field.id} "${field.label}": code list ${field.codeList ?? '?'} not available offline, free text`,
    );
    const combined: LocalizedText = help
      ? (Object.fromEntries(
          Object.entries(CODE_LIST_NOTE).map(([lang, text]) => [lang, `${help[lang] ?? help.de} ${text}`]),
        ) as LocalizedText)
      : CODE_LIST_NOTE;
    return { schema, ui: { label, help: combined, widget: 'text' }, required: false };
  }
  const long = (c.maxLength ?? 0) > 200;
  return { schema, ui: { label, help, widget: long ? 'textarea' : 'text' }, required: false };
}

/**
 * FIM's XSD pattern as a safe, anchored ECMAScript pattern; undefined (with a note) when it is
 * not a pattern at all (a literal word such as "Mehrfachauswahl" on a required field would make
 * the form unsubmittable) or cannot be carried over.
 */
function safePattern(field: FimField, xsd: string, notes: string[]): string | undefined {
  if (isLiteralPattern(xsd) && !/^\d+$/.test(xsd)) {
    notes.push(
      `${field.id} "${field.label}": pattern ${JSON.stringify(xsd)} is a plain word, not a pattern: dropped`,
    );
    return undefined;
  }
  const converted = xsdToEcmaPattern(xsd);
  if (converted instanceof PatternError) {
    notes.push(
      `${field.id} "${field.label}": pattern ${JSON.stringify(xsd.slice(0, 80))} dropped: ${converted.message}`,
    );
    return undefined;
  }
  return converted.pattern;
}

/** Field names and step ids that read like their German label and never collide. */
class Names {
  private readonly used = new Set<string>();

  take(label: string): string {
    const words = fold(label).split(' ').filter(Boolean).slice(0, 5);
    let base = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('') || 'feld';
    if (!/^[a-z]/.test(base)) base = `f${base}`;
    return this.unique(base.slice(0, 40), (n) => `${base.slice(0, 40)}${n}`);
  }

  /** A name made of another field's name and a word ("anschrift" + "trifftZu"). */
  derive(name: string, suffix: string): string {
    const base = `${name.slice(0, 64 - suffix.length - 2)}${suffix}`;
    return this.unique(base, (n) => `${base}${n}`);
  }

  takeSlug(label: string): string {
    const base = fold(label).split(' ').filter(Boolean).slice(0, 6).join('-').slice(0, 50) || 'schritt';
    return this.unique(base, (n) => `${base}-${n}`);
  }

  private unique(base: string, numbered: (n: number) => string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = numbered(n);
    this.used.add(name);
    return name;
  }
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
