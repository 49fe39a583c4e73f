import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { z } from 'zod';
import { mergeLayers, type MergeResult, type NamedLayer } from './merge.js';
import { Id } from '../../protocol/id.js';
import { SafeText, SettingsLayer, TerminalSettings } from '../terminal-settings.js';

/**
 * The file a provider edits: its defaults and the layers below them. Every terminal's settings
 * are defaults -> its municipality -> its site -> the terminal itself.
 */
export const FleetFile = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1, 'must be 1'),
    provider: z.strictObject({ id: Id, name: SafeText(200) }),
    defaults: SettingsLayer,
    municipalities: z.record(Id, z.strictObject({ name: SafeText(200), settings: SettingsLayer.optional() })),
    sites: z.record(
      Id,
      z.strictObject({ name: SafeText(200), municipality: Id, settings: SettingsLayer.optional() }),
    ),
    terminals: z.record(
      Id,
      z.strictObject({ site: Id, name: SafeText(200).optional(), settings: SettingsLayer.optional() }),
    ),
  })
  .superRefine((file, ctx) => {
    for (const [siteId, site] of Object.entries(file.sites))
      if (!(site.municipality in file.municipalities))
        ctx.addIssue({
          code: 'custom',
          path: ['sites', siteId, 'municipality'],
          message: `names the municipality "${site.municipality}", which the file does not define`,
        });
    for (const [terminalId, terminal] of Object.entries(file.terminals))
      if (!(terminal.site in file.sites))
        ctx.addIssue({
          code: 'custom',
          path: ['terminals', terminalId, 'site'],
          message: `names the site "${terminal.site}", which the file does not define`,
        });
  });
export type FleetFile = z.infer<typeof FleetFile>;

export interface Problem {
  /** Dotted path inside the file, e.g. sites.dorfladen.settings.idleTimeoutSeconds. */
  path: string;
  /** A plain sentence. */
  message: string;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): Problem[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(file)';
    return { path, message: sentence(issue) };
  });
}

function sentence(issue: z.core.$ZodIssue): string {
  let text = issue.message;
  if (issue.code === 'unrecognized_keys')
    text = `has unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  else if (issue.code === 'invalid_type' && /received undefined/.test(text))
    text = `is missing (expected ${issue.expected})`;
  text = text.replace(/^Invalid input: /, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

export interface TerminalPlacement {
  terminalId: string;
  siteId: string;
  municipalityId: string;
}

export type MergedTerminal = TerminalPlacement & MergeResult & { settings: TerminalSettings };

/** The layers of one terminal, in merge order. */
export function layersFor(
  file: FleetFile,
  terminalId: string,
): { placement: TerminalPlacement; layers: NamedLayer[] } {
  const terminal = file.terminals[terminalId];
  if (!terminal) throw new Error(`The fleet file has no terminal "${terminalId}".`);
  const site = file.sites[terminal.site];
  if (!site) throw new Error(`Terminal "${terminalId}" names the unknown site "${terminal.site}".`);
  const municipality = file.municipalities[site.municipality];
  if (!municipality)
    throw new Error(`Site "${terminal.site}" names the unknown municipality "${site.municipality}".`);
  return {
    placement: { terminalId, siteId: terminal.site, municipalityId: site.municipality },
    layers: [
      { name: 'defaults', values: file.defaults },
      { name: `municipality:${site.municipality}`, values: municipality.settings ?? {} },
      { name: `site:${terminal.site}`, values: site.settings ?? {} },
      { name: `terminal:${terminalId}`, values: terminal.settings ?? {} },
    ],
  };
}

/** Checks a fleet file as a whole and every terminal's merged result. */
export function validateFleetFile(
  input: unknown,
): { ok: true; file: FleetFile; terminals: MergedTerminal[] } | { ok: false; problems: Problem[] } {
  const parsed = FleetFile.safeParse(input);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
  const file = parsed.data;
  const problems: Problem[] = [];
  const terminals: MergedTerminal[] = [];
  for (const terminalId of Object.keys(file.terminals)) {
    const { placement, layers } = layersFor(file, terminalId);
    const result = mergeLayers(layers);
    const settings = TerminalSettings.safeParse(result.merged);
    if (settings.success) terminals.push({ ...placement, ...result, settings: settings.data });
    else problems.push(...describeIssues(settings.error.issues, `terminals.${terminalId} (merged)`));
  }
  if (Object.keys(file.terminals).length === 0)
    problems.push({ path: 'terminals', message: 'Names no terminal: there is nothing to configure.' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file, terminals };
}

/**
 * What is valid but worth a second look before signing: a terminal whose attachments.maxCount is
 * below the default does not start forms that require more photos and scans than it allows (it
 * points the citizen to the office or a video call instead). The kiosk decides per form; the
 * provider, who does not see the forms, is told here.
 */
export function fleetWarnings(terminals: readonly MergedTerminal[]): Problem[] {
  const warnings: Problem[] = [];
  for (const terminal of terminals) {
    const maxCount = terminal.settings.attachments?.maxCount;
    if (maxCount === undefined || maxCount >= ATTACHMENT_DEFAULTS.maxCount) continue;
    warnings.push({
      path: `terminals.${terminal.terminalId} (merged).attachments.maxCount`,
      message: `Is ${maxCount}, below the default ${ATTACHMENT_DEFAULTS.maxCount}: forms that require more photos and scans are not started on this terminal; citizens are sent to the office or a video call.`,
    });
  }
  return warnings;
}
