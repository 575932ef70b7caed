import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { eventually } from '../helpers/bot-harness.ts';
import { bareRemote, tempDir } from '../helpers/git-repos.ts';
import { spawnBot } from '../helpers/spawn-bot.ts';

const rca = (owner: string, due: string) => `---
title: "2030-04-20 - Checkout outage"
date: 2030-04-20
severity: P2
services: [checkout]
tags: [rca]
status: resolved
author: SRE
---

# 2030-04-20 - Checkout outage

## Action Items

| Priority | Action | Owner | Due Date |
|----------|--------|-------|----------|
| P1 | Add checkout alert | <@${owner}> | ${due} |
`;

function ledger(dataDir: string): { stage: string; delivered_at: string | null }[] {
  const db = new SqliteDatabase(join(dataDir, 'scribe.sqlite'), { readonly: true });
  try {
    return db.prepare('select stage, delivered_at from reminder_ledger').all() as {
      stage: string;
      delivered_at: string | null;
    }[];
  } finally {
    db.close();
  }
}

describe('a crash between claiming a reminder and sending it', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('sends the claimed reminder on the next run, once', async () => {
    const slack = await startSlackEmulator();
    cleanup.push(() => slack.stop());
    const ana = addPerson(slack, 'ana');
    const today = new Date().toISOString().slice(0, 10);
    const repo = bareRemote({ 'RCAs/2030-04-20-checkout-outage.md': rca(ana.id, today) });
    const dataDir = tempDir();
    const configFile = join(tempDir(), 'scribe.yml');
    writeFileSync(configFile, 'reminders:\n  schedule: "*/2 * * * * *"\n  timeZone: UTC\n');
    const env = {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      SCRIBE_DATA_DIR: dataDir,
      SCRIBE_CONFIG: configFile,
      RCA_REPO: repo,
    };
    const dms = () =>
      slack.workspace.imWith(ana.id).messages.filter((m) => m.text.includes('Add checkout alert') && !m.threadTs);

    // The schedule may fire before the bot says it runs: either way the process ends at the claim.
    const code = await spawnBot({ ...env, SCRIBE_TEST_CRASH_BEFORE_SEND: '1' }).then(
      (first) =>
        new Promise<number | null>((resolve) => {
          first.child.removeAllListeners('exit');
          first.child.once('exit', (c) => resolve(c));
        }),
      (error: Error) => Number(/bot exited with (\d+)/.exec(error.message)?.[1] ?? -1),
    );
    const afterCrash = ledger(dataDir);
    const second = await spawnBot(env);
    cleanup.push(() => second.stop());

    expect(code).toBe(70);
    expect(afterCrash).toEqual([{ stage: `due@${today}`, delivered_at: null }]);
    expect(dms()).toHaveLength(0);
    await eventually(() => expect(dms()).toHaveLength(1), 30_000);
    await eventually(() => expect(ledger(dataDir)[0]?.delivered_at).not.toBeNull(), 30_000);
    await new Promise((r) => setTimeout(r, 4_500));
    expect(dms()).toHaveLength(1);
  });
});
