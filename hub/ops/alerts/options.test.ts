import { describe, expect, it } from 'vitest';
import { parseCli } from '../../cli-options.js';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCli(argv, env, '/work', '/repo');

function alerts(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const parsed = parse(argv, env);
  if (!parsed.ok || parsed.help) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options.alerts;
}

function problem(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  const parsed = parse(argv, env);
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.message;
}

const SECRET = 'a-webhook-secret-0123456789';

describe('alert options', () => {
  it('are off without a channel', () => {
    expect(alerts([])).toMatchObject({ webhook: undefined, email: undefined });
  });

  it('take a webhook and mail from the environment, flags winning', () => {
    const options = alerts(['--alert-repeat', '60'], {
      POP_ALERT_WEBHOOK_URL: 'https://alerts.example.org/hook',
      POP_ALERT_WEBHOOK_SECRET: SECRET,
      POP_ALERT_SMTP_URL: 'smtp://pop:secret@mail.example.org:587',
      POP_ALERT_MAIL_FROM: 'hub@example.org',
      POP_ALERT_MAIL_TO: 'ops@example.org, oncall@example.org',
      POP_ALERT_REPEAT: '3600',
      POP_ALERT_SILENT_MINUTES: '5',
      POP_ALERT_QUARANTINE_ABOVE: '2',
      POP_ALERT_DELIVERY_HOURS: '4',
      POP_ALERT_INTERVAL: '30',
    });
    expect(options).toEqual({
      webhook: { url: 'https://alerts.example.org/hook', secret: SECRET },
      email: {
        smtpUrl: 'smtp://pop:secret@mail.example.org:587',
        from: 'hub@example.org',
        to: ['ops@example.org', 'oncall@example.org'],
        requireTls: false,
      },
      intervalSeconds: 30,
      repeatSeconds: 60,
      thresholds: { silentAfterMs: 300_000, quarantineAbove: 2, deliveryAfterMs: 14_400_000 },
    });
  });

  it.each([
    [
      ['--alert-webhook-url', 'not a url', '--alert-webhook-secret', SECRET],
      /alert-webhook-url must be a URL/,
    ],
    [
      ['--alert-webhook-url', 'ftp://x.example/h', '--alert-webhook-secret', SECRET],
      /alert-webhook-url must be a URL/,
    ],
    [['--alert-webhook-url', 'https://x.example/h'], /alert-webhook-url needs alert-webhook-secret/],
    [
      ['--alert-webhook-url', 'https://x.example/h', '--alert-webhook-secret', 'short'],
      /at least 16 characters/,
    ],
    [['--alert-webhook-secret', SECRET], /alert-webhook-url is not/],
    [['--alert-mail-to', 'ops@example.org'], /need alert-smtp-url/],
    [['--alert-smtp-url', 'http://mail.example.org'], /alert-smtp-url must be a URL like smtp:/],
    [
      ['--alert-smtp-url', 'smtp://mail.example.org', '--alert-mail-to', 'ops@example.org'],
      /needs alert-mail-from/,
    ],
    [
      ['--alert-smtp-url', 'smtp://mail.example.org', '--alert-mail-from', 'hub@example.org'],
      /needs alert-mail-to/,
    ],
    [
      [
        '--alert-smtp-url',
        'smtp://m.example.org',
        '--alert-mail-from',
        'hub',
        '--alert-mail-to',
        'ops@example.org',
      ],
      /alert-mail-from: "hub" is not a mail address/,
    ],
    [
      [
        '--alert-smtp-url',
        'smtp://m.example.org',
        '--alert-mail-from',
        'h@example.org',
        '--alert-mail-to',
        'a@b',
      ],
      /alert-mail-to: "a@b" is not a mail address/,
    ],
    [['--alert-smtp-require-tls', 'yes'], /alert-smtp-require-tls must be true or false/],
    [['--alert-interval', '1'], /alert-interval must be a whole number from 5/],
    [['--alert-silent-minutes', 'ten'], /alert-silent-minutes must be a whole number/],
  ])('refuse %j in one line', (argv, message) => {
    const text = problem(argv);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });
});
