import { contract } from '../protocol/routes/index.js';
import type { RetentionRule } from '../protocol/retention.js';
import { CliError } from './files.js';
import type { HubApi } from './hub-api.js';
import type { Io } from './offline.js';

const routes = contract.retention;

const describeRule = (rule: Pick<RetentionRule, 'scope' | 'targetId' | 'days'>) =>
  `${rule.scope} ${rule.targetId}: ${rule.days} days after processing`;

/** Lists the rules, or sets (days) or removes (null) the rule of one office or form. */
export async function retention(
  hub: HubApi,
  target: { office?: string | undefined; form?: string | undefined },
  days: number | null | undefined,
  io: Io,
): Promise<void> {
  if (target.office && target.form) throw new CliError('retention takes --office or --form, not both.', 2);
  const scope = target.office ? 'office' : target.form ? 'form' : undefined;
  const targetId = target.office ?? target.form;
  if (days !== undefined && (!scope || !targetId))
    throw new CliError('retention needs --office <id> or --form <id> to set or remove a rule.', 2);
  const { rules } =
    scope && targetId && days !== undefined
      ? await hub.call(routes.setRule, { params: { scope, targetId }, body: { days } })
      : await hub.call(routes.rules, {});
  if (scope && targetId && days === null) io.out(`Removed the retention rule of ${scope} ${targetId}.`);
  if (rules.length === 0) io.out('No retention rules: the hub keeps every application.');
  for (const rule of rules) io.out(describeRule(rule));
}

/** The deletion log, newest first, one line per deleted application. */
export async function deletions(hub: HubApi, limit: number, io: Io): Promise<void> {
  const log = await hub.call(routes.deletions, { query: { limit } });
  if (log.deletions.length === 0) io.out('Nothing deleted yet.');
  for (const d of log.deletions) {
    io.out(
      `${d.deletedAt}  ${d.submissionId}  office ${d.officeId}  form ${d.formId} v${d.formVersion}  ` +
        `${d.attachmentCount} attachment(s)  ${d.status} since ${d.processedAt}  (${describeRule(d.rule)})`,
    );
  }
}
