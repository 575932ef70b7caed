import { afterAll, describe, expect, it } from 'vitest';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { tempDir } from '../helpers/git-repos.ts';
import { spawnBot } from '../helpers/spawn-bot.ts';

/**
 * A module loaded before the bot that rejects a promise nobody awaits when the process gets SIGUSR2,
 * as a library's reconnect or a fire-and-forget call can: the bot must log it and keep running.
 */
const REJECT_ON_SIGNAL =
  "data:text/javascript,process.on('SIGUSR2',()=>{Promise.reject(new%20Error('nobody%20awaited%20this'))})";

describe('a promise rejection nobody handled', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('is logged by `scribe start`, which keeps running', async () => {
    const slack = await startSlackEmulator();
    cleanup.push(() => slack.stop());
    const bot = await spawnBot({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      SCRIBE_DATA_DIR: tempDir(),
      NODE_OPTIONS: `--import=${REJECT_ON_SIGNAL}`,
    });
    cleanup.push(() => bot.stop());

    bot.child.kill('SIGUSR2');
    await new Promise((r) => setTimeout(r, 3_000));

    expect(bot.child.exitCode).toBeNull();
    expect(bot.logs.join('')).toContain('nobody awaited this');
  });
});
