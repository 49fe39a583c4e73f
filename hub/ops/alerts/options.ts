/**
 * The hub's alert settings, read from flags or environment variables like its other options
 * (hub/cli-options.ts). Without a webhook and without a mail recipient, alerts are off.
 */
import type { EmailOptions, WebhookOptions } from './channels.js';
import type { AlertThresholds } from './facts.js';

export interface AlertOptions {
  webhook: WebhookOptions | undefined;
  email: EmailOptions | undefined;
  /** Seconds between two evaluations. */
  intervalSeconds: number;
  /** Least seconds between two notices about one alert. */
  repeatSeconds: number;
  thresholds: AlertThresholds;
}

export const ALERT_FLAGS = {
  'alert-webhook-url': 'POP_ALERT_WEBHOOK_URL',
  'alert-webhook-secret': 'POP_ALERT_WEBHOOK_SECRET',
  'alert-smtp-url': 'POP_ALERT_SMTP_URL',
  'alert-smtp-require-tls': 'POP_ALERT_SMTP_REQUIRE_TLS',
  'alert-mail-from': 'POP_ALERT_MAIL_FROM',
  'alert-mail-to': 'POP_ALERT_MAIL_TO',
  'alert-interval': 'POP_ALERT_INTERVAL',
  'alert-repeat': 'POP_ALERT_REPEAT',
  'alert-silent-minutes': 'POP_ALERT_SILENT_MINUTES',
  'alert-quarantine-above': 'POP_ALERT_QUARANTINE_ABOVE',
  'alert-delivery-hours': 'POP_ALERT_DELIVERY_HOURS',
} as const;
export type AlertFlag = keyof typeof ALERT_FLAGS;

export const ALERT_DEFAULTS = {
  intervalSeconds: 60,
  repeatSeconds: 900,
  silentMinutes: 10,
  quarantineAbove: 0,
  deliveryHours: 24,
};

export const ALERT_USAGE = `  --alert-webhook-url <url>     POP_ALERT_WEBHOOK_URL     http(s) URL that gets alerts as signed JSON POSTs
  --alert-webhook-secret <s>    POP_ALERT_WEBHOOK_SECRET  HMAC-SHA256 key of the x-pop-signature header (16+ characters)
  --alert-smtp-url <url>        POP_ALERT_SMTP_URL        smtp://[user:pass@]host[:port] or smtps://... for alert mail
  --alert-smtp-require-tls <b>  POP_ALERT_SMTP_REQUIRE_TLS  send mail only after STARTTLS (default false)
  --alert-mail-from <address>   POP_ALERT_MAIL_FROM       sender of alert mail
  --alert-mail-to <a,b>         POP_ALERT_MAIL_TO         recipients of alert mail
  --alert-interval <s>          POP_ALERT_INTERVAL        seconds between alert checks (default ${ALERT_DEFAULTS.intervalSeconds})
  --alert-repeat <s>            POP_ALERT_REPEAT          least seconds between notices about one alert (default ${ALERT_DEFAULTS.repeatSeconds})
  --alert-silent-minutes <n>    POP_ALERT_SILENT_MINUTES  a terminal without heartbeat this long is silent (default ${ALERT_DEFAULTS.silentMinutes})
  --alert-quarantine-above <n>  POP_ALERT_QUARANTINE_ABOVE  alert when a terminal holds more in quarantine (default ${ALERT_DEFAULTS.quarantineAbove})
  --alert-delivery-hours <n>    POP_ALERT_DELIVERY_HOURS  an application not taken up, an upload not finished after this fails (default ${ALERT_DEFAULTS.deliveryHours})`;

export class AlertOptionError extends Error {}

const fail = (message: string): never => {
  throw new AlertOptionError(message);
};

function integer(
  name: AlertFlag,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    fail(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

/** Loose on purpose: a local part, an @ and a domain with a dot or a bracketed address. */
const MAIL_ADDRESS = /^[^\s@<>(),;:"]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|\[[0-9a-fA-F.:]+\]|localhost)$/;

function mailAddress(name: AlertFlag, text: string): string {
  if (!MAIL_ADDRESS.test(text))
    fail(`${name}: ${JSON.stringify(text)} is not a mail address like alerts@example.org`);
  return text;
}

function parseUrl(name: AlertFlag, text: string, protocols: readonly string[], example: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !protocols.includes(url.protocol) || url.hostname === '')
    return fail(`${name} must be a URL like ${example}, got ${JSON.stringify(text)}`);
  return url;
}

function parseWebhook(value: (name: AlertFlag) => string | undefined): WebhookOptions | undefined {
  const url = value('alert-webhook-url');
  const secret = value('alert-webhook-secret');
  if (url === undefined) {
    if (secret !== undefined) fail('alert-webhook-secret is set but alert-webhook-url is not');
    return undefined;
  }
  parseUrl('alert-webhook-url', url, ['http:', 'https:'], 'https://alerts.example.org/hooks/pop');
  if (secret === undefined)
    return fail('alert-webhook-url needs alert-webhook-secret (the key the receiver checks signatures with)');
  if (secret.length < 16) fail('alert-webhook-secret must have at least 16 characters');
  return { url, secret };
}

function parseEmail(value: (name: AlertFlag) => string | undefined): EmailOptions | undefined {
  const smtpUrl = value('alert-smtp-url');
  const from = value('alert-mail-from');
  const toText = value('alert-mail-to');
  const requireTlsText = value('alert-smtp-require-tls') ?? 'false';
  if (requireTlsText !== 'true' && requireTlsText !== 'false')
    fail('alert-smtp-require-tls must be true or false');
  if (smtpUrl === undefined && from === undefined && toText === undefined) return undefined;
  if (smtpUrl === undefined)
    return fail('alert-mail-to and alert-mail-from need alert-smtp-url (smtp://host:587)');
  const url = parseUrl(
    'alert-smtp-url',
    smtpUrl,
    ['smtp:', 'smtps:'],
    'smtp://user:password@mail.example.org:587',
  );
  if (url.pathname !== '' && url.pathname !== '/') fail('alert-smtp-url must not have a path');
  if (from === undefined) return fail('alert-smtp-url needs alert-mail-from (the sender address)');
  const to = (toText ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (to.length === 0)
    return fail('alert-smtp-url needs alert-mail-to (one or more recipients, comma-separated)');
  return {
    smtpUrl,
    from: mailAddress('alert-mail-from', from),
    to: to.map((address) => mailAddress('alert-mail-to', address)),
    requireTls: requireTlsText === 'true',
  };
}

/** Throws AlertOptionError with one sentence naming the option. */
export function parseAlertOptions(value: (name: AlertFlag) => string | undefined): AlertOptions {
  const d = ALERT_DEFAULTS;
  const silentMinutes = integer(
    'alert-silent-minutes',
    value('alert-silent-minutes'),
    d.silentMinutes,
    1,
    10_080,
  );
  const deliveryHours = integer(
    'alert-delivery-hours',
    value('alert-delivery-hours'),
    d.deliveryHours,
    1,
    720,
  );
  return {
    webhook: parseWebhook(value),
    email: parseEmail(value),
    intervalSeconds: integer('alert-interval', value('alert-interval'), d.intervalSeconds, 5, 86_400),
    repeatSeconds: integer('alert-repeat', value('alert-repeat'), d.repeatSeconds, 0, 604_800),
    thresholds: {
      silentAfterMs: silentMinutes * 60_000,
      quarantineAbove: integer(
        'alert-quarantine-above',
        value('alert-quarantine-above'),
        d.quarantineAbove,
        0,
        1_000_000,
      ),
      deliveryAfterMs: deliveryHours * 3_600_000,
    },
  };
}
