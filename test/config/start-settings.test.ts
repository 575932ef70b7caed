import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { tempDir } from '../helpers/git-repos.ts';
import { runScribe } from '../helpers/run-scribe.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';

const STACK_LINE = /\n\s+at /;

describe('scribe start with bad settings', () => {
  it('lists every problem of the file and the environment at once, secrets included, and exits 1', async () => {
    const dir = tempDir('scribe-start-');
    const file = join(dir, 'team.yml');
    writeFileSync(
      file,
      'timline:\n  emoji: pushpin\nreminders:\n  timezone: UTC\n  schedule: every monday\n  owners:\n    SRE: not-an-id\n',
    );

    const result = await runScribe(['start'], {
      cwd: dir,
      env: {
        SCRIBE_CONFIG: file,
        PORT: 'abc',
        RCA_PUSH_RETRY_MS: '1',
        DATABASE_SCHEMA: 'Bad',
        SLACK_BOT_TOKEN: 'xoxb-',
        SLACK_APP_TOKEN: '',
      },
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the settings have 9 problem(s)');
    for (const problem of [
      'server.port: expected a port number such as 3000, found "abc" (set by PORT)',
      'database.schema: expected a lowercase SQL identifier such as scribe, or nothing, found "Bad" (set by DATABASE_SCHEMA)',
      'rca.pushRetryMs: expected milliseconds, at least 1000, such as 60000, found 1 (set by RCA_PUSH_RETRY_MS)',
      'reminders.schedule: expected a cron expression such as "0 9 * * 1-5"',
      'reminders.owners.SRE: expected a Slack user (U…), user group (S…) or channel (C…) ID, or an email',
      'reminders.timezone: unknown setting; did you mean "timeZone"?',
      'timline: unknown setting; did you mean "timeline"?',
      'SLACK_BOT_TOKEN: "xoxb-" is a placeholder from .env.example; replace it with the Bot User OAuth Token',
      'SLACK_APP_TOKEN is not set',
    ])
      expect(result.stderr).toContain(problem);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  it('names the placeholders of a .env copied from .env.example and says where to get the real tokens', async () => {
    const dir = tempDir('scribe-start-');
    copyFileSync(join(PROJECT_ROOT, '.env.example'), join(dir, '.env'));

    const result = await runScribe(['start'], { cwd: dir });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `SLACK_BOT_TOKEN: "xoxb-" is a placeholder from .env.example; replace it with the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page`,
    );
    expect(result.stderr).toContain(
      `SLACK_APP_TOKEN: "xapp-" is a placeholder from .env.example; replace it with an App-Level Token (xapp-…)`,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('says in one line that the database in DATABASE_URL cannot be reached, without its password', async () => {
    const slack = await startSlackEmulator();
    const result = await runScribe(['start'], {
      cwd: tempDir('scribe-start-'),
      env: {
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_APP_TOKEN: slack.appToken,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        DATABASE_URL: 'postgres://scribe:hunter2@127.0.0.1:1/scribe',
      },
    });
    await slack.stop();

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Could not use the PostgreSQL database in DATABASE_URL \(127\.0\.0\.1:1\): connect ECONNREFUSED 127\.0\.0\.1:1\. Check .* unset DATABASE_URL to use the SQLite file/,
    );
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
