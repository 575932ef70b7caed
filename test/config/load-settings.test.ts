import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config/load-config.ts';
import { type LoadSettingsOptions, loadSettings } from '#config/load-settings.ts';
import { tempDir } from '../helpers/git-repos.ts';

function teamFile(yaml: string): string {
  const file = join(tempDir('scribe-config-'), 'team.yml');
  writeFileSync(file, yaml);
  return file;
}

function errorsOf(options: LoadSettingsOptions): string[] {
  const result = loadSettings(options);
  return result.ok ? [] : result.errors;
}

describe('loadSettings', () => {
  it('reads the defaults, the team file and the environment, secrets included', () => {
    const file = teamFile('incident:\n  channelPrefix: sev\n');

    const result = loadSettings({
      env: { SCRIBE_CONFIG: file, PORT: '8080', SLACK_BOT_TOKEN: 'xoxb-1-2-abc', DATABASE_SCHEMA: 'scribe' },
    });

    expect(result.ok && result.settings.config.incident.channelPrefix).toBe('sev');
    expect(result.ok && result.settings.config.server.port).toBe(8080);
    expect(result.ok && result.settings.config.database.schema).toBe('scribe');
    expect(result.ok && result.settings.secrets).toEqual({ slackBotToken: 'xoxb-1-2-abc' });
  });

  it('rejects a misspelt key and says which one was meant', () => {
    const file = teamFile('timline:\n  emoji: pushpin\nreminders:\n  timezone: Europe/Berlin\n');

    expect(errorsOf({ env: { SCRIBE_CONFIG: file } })).toEqual([
      'reminders.timezone: unknown setting; did you mean "timeZone"?',
      'timline: unknown setting; did you mean "timeline"?',
    ]);
  });

  it('lists the settings of a section when a key is nothing like any of them', () => {
    const file = teamFile('server:\n  colour: blue\n');

    expect(errorsOf({ env: { SCRIBE_CONFIG: file } })).toEqual([
      'server.colour: unknown setting; the settings here are port',
    ]);
  });

  it('says a secret written in a file belongs in the environment', () => {
    const file = teamFile('slack:\n  botToken: xoxb-1-2-abc\n');

    expect(errorsOf({ env: { SCRIBE_CONFIG: file } })).toEqual([
      'slack.botToken: unknown setting; secrets are read only from the environment (SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, DATABASE_URL, RCA_REPO_TOKEN, RCA_REPO_USER, RCA_REVIEW_TOKEN, ACTIONS_TRACKER_TOKEN, ACTIONS_TRACKER_USER), never from a file',
    ]);
  });

  it('checks cron expressions at load, naming the key and giving an example', () => {
    const file = teamFile('reminders:\n  schedule: every monday\n  digestSchedule: "0 9 * * 8"\n');

    expect(errorsOf({ env: { SCRIBE_CONFIG: file } })).toEqual([
      'reminders.schedule: expected a cron expression such as "0 9 * * 1-5" (09:00 on weekdays), found "every monday" (expected 5 or 6 fields but got 2)',
      'reminders.digestSchedule: expected a cron expression such as "0 9 * * 1-5" (09:00 on weekdays), found "0 9 * * 8" (8 is a invalid expression for week day)',
    ]);
  });

  it('accepts a cron expression with seconds', () => {
    const file = teamFile('reminders:\n  schedule: "*/2 * * * * *"\n');

    expect(errorsOf({ env: { SCRIBE_CONFIG: file } })).toEqual([]);
  });

  it('takes owners that are a user, a user group, a channel or an email, and nothing else', () => {
    const file = teamFile(
      'reminders:\n  owners:\n    Ana: U012ABC\n    Payments Team: S012ABC\n    Ops: C012ABC\n    SRE: sre@example.com\n    Infra: not-an-id\n',
    );

    expect(errorsOf({ env: { SCRIBE_CONFIG: file } })).toEqual([
      'reminders.owners.Infra: expected a Slack user (U…), user group (S…) or channel (C…) ID, or an email such as sre@example.com, found "not-an-id"',
    ]);
  });

  it('says what was expected and what was found, not zod text', () => {
    const file = teamFile('server:\n  port: abc\nincident:\n  channelDate: yes please\n  severities: []\n');

    const errors = errorsOf({ env: { SCRIBE_CONFIG: file } });

    expect(errors).toEqual([
      'server.port: expected a port number such as 3000, found "abc"',
      'incident.channelDate: expected true or false, found "yes please"',
      'incident.severities: expected at least one severity, such as [P1, P2, P3], found an empty list',
    ]);
    expect(errors.join('\n')).not.toMatch(/Invalid input|received/);
  });

  it('keeps the default for a key written with nothing after it', () => {
    const file = teamFile('reminders:\n  owners:\n  before:\n');

    const result = loadSettings({ env: { SCRIBE_CONFIG: file } });

    expect(result.ok && result.settings.config.reminders.before).toEqual([7, 1, 0]);
  });

  it('names SCRIBE_CONFIG when its file is missing or not YAML', () => {
    const bad = teamFile('incident:\n  channelPrefix: [unclosed\n');

    expect(errorsOf({ env: { SCRIBE_CONFIG: '/nowhere/team.yml' } })).toEqual([
      "SCRIBE_CONFIG: cannot read /nowhere/team.yml (there is no such file); point it at your team's YAML file",
    ]);
    expect(errorsOf({ env: { SCRIBE_CONFIG: bad } })).toEqual([
      expect.stringMatching(new RegExp(`^SCRIBE_CONFIG: ${bad}:\\d+:\\d+: not valid YAML \\(`)),
    ]);
  });
});

describe('environment variables', () => {
  it('go through the same schema as the YAML, each problem naming the variable', () => {
    expect(
      errorsOf({
        env: { PORT: 'abc', RCA_PUSH_RETRY_MS: '1', DATABASE_SCHEMA: 'Bad', LOG_LEVEL: 'loud', SLACK_MODE: 'ws' },
      }),
    ).toEqual([
      'slack.mode: expected socket or http, found "ws" (set by SLACK_MODE)',
      'server.port: expected a port number such as 3000, found "abc" (set by PORT)',
      'database.schema: expected a lowercase SQL identifier such as scribe, or nothing, found "Bad" (set by DATABASE_SCHEMA)',
      'rca.pushRetryMs: expected milliseconds, at least 1000, such as 60000, found 1 (set by RCA_PUSH_RETRY_MS)',
      'logLevel: expected debug, info, warn or error, found "loud" (set by LOG_LEVEL)',
    ]);
  });

  it('take an empty value as unset', () => {
    const result = loadSettings({ env: { RCA_PUSH_RETRY_MS: '', PORT: '', SLACK_BOT_TOKEN: '' } });

    expect(result.ok && result.settings.config.rca.pushRetryMs).toBe(60_000);
    expect(result.ok && result.settings.config.server.port).toBe(3000);
    expect(result.ok && result.settings.secrets.slackBotToken).toBeUndefined();
  });
});

describe('secrets', () => {
  it('are required for the bot, with where to get each one', () => {
    expect(errorsOf({ env: {}, forBot: true })).toEqual([
      `SLACK_BOT_TOKEN is not set: the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page, after installing it from manifest.yml.`,
      `SLACK_APP_TOKEN is not set: an App-Level Token (xapp-…) with the connections:write scope, from your app's "Basic Information" page.`,
    ]);
    expect(errorsOf({ env: { SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1' }, forBot: true })).toEqual([
      `SLACK_SIGNING_SECRET is not set: the Signing Secret from your app's "Basic Information" page (HTTP mode).`,
    ]);
  });

  it("recognise .env.example's placeholders and say to replace them", () => {
    const errors = errorsOf({
      env: { SLACK_BOT_TOKEN: 'xoxb-', SLACK_APP_TOKEN: 'xapp-your-token-here', SLACK_SIGNING_SECRET: '…' },
    });

    expect(errors).toEqual([
      `SLACK_BOT_TOKEN: "xoxb-" is a placeholder from .env.example; replace it with the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page, after installing it from manifest.yml`,
      `SLACK_APP_TOKEN: "xapp-your-token-here" is a placeholder from .env.example; replace it with an App-Level Token (xapp-…) with the connections:write scope, from your app's "Basic Information" page`,
      `SLACK_SIGNING_SECRET: "…" is a placeholder from .env.example; replace it with the Signing Secret from your app's "Basic Information" page (HTTP mode)`,
    ]);
  });

  it('say a token is of the wrong kind without showing it', () => {
    const errors = errorsOf({
      env: { SLACK_BOT_TOKEN: 'xoxp-1234-secretpart', DATABASE_URL: 'mysql://scribe:hunter2@db/scribe' },
    });

    expect(errors).toEqual([
      `SLACK_BOT_TOKEN: expected a token starting with xoxb-, found one starting with xoxp-: use the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page, after installing it from manifest.yml`,
      'DATABASE_URL: expected a PostgreSQL URL such as postgres://scribe:secret@db:5432/scribe (unset it for the SQLite file); found a value that is not a postgres:// URL',
    ]);
    expect(errors.join('\n')).not.toMatch(/secretpart|hunter2/);
  });

  it('refuse a value pasted with spaces around it', () => {
    expect(errorsOf({ env: { SLACK_BOT_TOKEN: 'xoxb-1-2-abc ' } })).toEqual([
      'SLACK_BOT_TOKEN: expected the value alone, found spaces or line breaks in it; copy it again',
    ]);
  });

  it('are listed with every other problem in one run', () => {
    const file = teamFile('timline: {}\n');

    const errors = errorsOf({ env: { SCRIBE_CONFIG: file, PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-' }, forBot: true });

    expect(errors.map((e) => e.split(/:| is /)[0])).toEqual([
      'server.port',
      'timline',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
    ]);
  });

  it('come with a check that the RCA template exists, for the bot', () => {
    const tokens = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };

    expect(errorsOf({ env: tokens, overrides: { rca: { template: 'nope/rca.md' } }, forBot: true })).toEqual([
      'rca.template: cannot find "nope/rca.md" in the working directory or the bundled templates; give the path of your RCA template, or leave it at templates/rca.md',
    ]);
    expect(errorsOf({ env: tokens, forBot: true })).toEqual([]);
  });

  it('are not read by commands that need none', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-', DATABASE_URL: 'nonsense' }).ok).toBe(true);
  });
});

describe('warnings', () => {
  it("name a misspelt variable and the one meant, and leave other programs' variables alone", () => {
    const result = loadSettings({
      env: { SCRIBE_DATADIR: '/srv/scribe', SLACK_BOT_TOKN: 'xoxb-1', SLACK_CLIENT_ID: '123' },
    });

    expect(result.warnings).toEqual([
      'SCRIBE_DATADIR is not a setting and is ignored; did you mean SCRIBE_DATA_DIR?',
      'SLACK_BOT_TOKN is not a setting and is ignored; did you mean SLACK_BOT_TOKEN?',
    ]);
  });

  it('name a variable that the chosen settings do not use', () => {
    const result = loadSettings({
      env: { SLACK_SIGNING_SECRET: 'abc123', DATABASE_SCHEMA: 'scribe', RCA_REPO_TOKEN: 't0k3n' },
    });

    expect(result.warnings).toEqual([
      'SLACK_SIGNING_SECRET is set but only HTTP mode uses it (SLACK_MODE=http).',
      'DATABASE_SCHEMA is set but only PostgreSQL uses it: set DATABASE_URL too, or unset it.',
      'RCA_REPO_TOKEN is set but only an https:// RCA_REPO uses it.',
    ]);
  });
});
