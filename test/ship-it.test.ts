import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '#config/load-config.ts';
import { type Harness, startHarness } from './helpers/bot-harness.ts';
import { tempDir } from './helpers/git-repos.ts';
import { runScribe } from './helpers/run-scribe.ts';
import { spawnBot } from './helpers/spawn-bot.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';

describe('scribe demo', () => {
  it('plays a whole incident with no Slack and no tokens, commits the RCA and ends by itself; its logs hold no secret', async () => {
    const dir = tempDir();

    const result = await runScribe(['demo'], {
      cwd: dir,
      env: { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' },
      timeoutMs: 60_000,
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('▶ Timeline');
    expect(result.stdout).toContain('ben: Rollback done, latency back to 180ms');
    expect(result.stdout).toMatch(/RCA draft: .*data\/demo\/rca-repo\/RCAs\/\d{4}-\d{2}-\d{2}-checkout-latency\.md/);
    expect(result.stdout).toMatch(/Incident Scribe: Add RCA draft: Checkout latency/);
    expect(result.stdout).toContain('Add a latency alert on checkout (due ');
    expect(result.stdout).toContain('before-7d');
    expect(result.stdout).toMatch(/Declared #inc-\d{4}-\d{2}-\d{2}-checkout-latency\./);
    expect(result.stdout).toContain('Incident declared by @ana');
    expect(result.stdout).not.toMatch(/<[#@!][A-Z0-9^]+[|>]/);
    const rcaPath = /RCA draft: (.*\.md)/.exec(result.stdout)![1]!;
    expect(result.stdout.trimEnd().endsWith(readFileSync(rcaPath, 'utf8').trimEnd())).toBe(true);
    const logs = readFileSync(join(dir, 'data/demo/scribe.log'), 'utf8');
    expect(logs.length).toBeGreaterThan(100);
    for (const secret of ['xoxb-emulated-bot-token', 'xapp-emulated-app-token', 'emulated-signing-secret'])
      expect(logs).not.toContain(secret);
  });
});

describe('configuration', () => {
  it('lists every problem at once with its path and what was expected', () => {
    const result = loadConfig(
      { PORT: 'abc' },
      { reminders: { timeZone: 'Mars/Olympus', before: ['7d'] }, incident: { defaultSeverity: 'SEV9' } },
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^server\.port: /),
        expect.stringMatching(/^reminders\.before\[0\]: /),
        'incident.defaultSeverity: expected one of P1, P2, P3, P4, found "SEV9"',
        'reminders.timeZone: expected an IANA time zone such as Europe/Berlin, found "Mars/Olympus"',
      ]),
    );
  });

  it('layers defaults < the team file < the environment', () => {
    const file = join(tempDir(), 'team.yml');
    writeFileSync(file, 'incident:\n  channelPrefix: sev\nrca:\n  branch: trunk\n');

    const result = loadConfig({ SCRIBE_CONFIG: file, RCA_REPO: '/srv/rcas', PORT: '8080' });

    expect(
      result.ok && [
        result.config.incident.channelPrefix,
        result.config.rca.branch,
        result.config.rca.repo,
        result.config.server.port,
      ],
    ).toEqual(['sev', 'trunk', '/srv/rcas', 8080]);
  });

  it('makes scribe start exit 1 with the problems listed, no stack trace', async () => {
    const file = join(tempDir(), 'team.yml');
    writeFileSync(file, 'reminders:\n  timeZone: Nowhere/Land\n');

    const result = await runScribe(['start'], { env: { SCRIBE_CONFIG: file } });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reminders.timeZone: expected an IANA time zone');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('makes scribe start say which token is missing and point to the demo', async () => {
    const result = await runScribe(['start'], { env: { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }, cwd: tempDir() });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN is not set');
    expect(result.stderr).toContain('SLACK_APP_TOKEN is not set');
    expect(result.stderr).toContain('npx scribe demo');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('makes scribe start name a token Slack refused', async () => {
    const slack = await startSlackEmulator();
    const result = await runScribe(['start'], {
      env: { SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_APP_TOKEN: slack.appToken, SLACK_API_URL: slack.apiUrl },
      cwd: tempDir(),
    });
    await slack.stop();

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
    expect(result.stderr).not.toContain('xoxb-wrong');
  });
});

describe('running it for real', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    h = await startHarness();
    const base = `http://127.0.0.1:${h.bot.port}`;
    const general = h.people.ana.createChannel('general');
    await h.people.ana.ask('/incident', 'help', general.id);

    const health = await fetch(`${base}/healthz`);
    const ready = await fetch(`${base}/readyz`);
    const metrics = await (await fetch(`${base}/metrics`)).text();

    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { store: true, slack: true, rcaRemote: true } });
    for (const name of [
      'scribe_events_total',
      'scribe_timeline_entries_total',
      'scribe_rca_commits_total',
      'scribe_rca_pushes_pending',
      'scribe_reminders_sent_total',
      'scribe_errors_total',
      'scribe_event_ack_seconds_bucket',
    ]) {
      expect(metrics).toContain(name);
    }
    expect(metrics).toMatch(/scribe_events_total\{type="slash_command"\} 1/);
  });

  it('says it is not ready when the store is gone', async () => {
    h = await startHarness();
    // The table the readiness check reads goes away under the bot: its store no longer answers.
    await sql`alter table events rename to events_gone`.execute(h.store.db);

    const ready = await fetch(`http://127.0.0.1:${h.bot.port}/readyz`);

    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      ready: false,
      checks: { store: false },
      problems: ['store unreachable'],
    });
  });

  it('stops on SIGTERM within 10 seconds with exit code 0', async () => {
    const slack = await startSlackEmulator();
    const bot = await spawnBot({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      SCRIBE_DATA_DIR: tempDir(),
    });
    await slack.waitForConnection();
    const started = Date.now();

    const code = await new Promise<number | null>((resolve) => {
      bot.child.once('exit', (c) => resolve(c));
      bot.child.kill('SIGTERM');
    });

    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(bot.logs.join('')).toContain('Incident Scribe stopped');
    await slack.stop();
  });
});
