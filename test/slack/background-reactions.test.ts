import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { backgroundReactions } from '#adapters/slack/background-reactions.ts';

function slowChat() {
  const calls: string[] = [];
  const gates: (() => void)[] = [];
  const call = (what: string) => (channelId: string, ts: string, name: string) => {
    calls.push(`${what} start ${channelId}:${ts}:${name}`);
    return new Promise<void>((resolve, reject) =>
      gates.push(() => {
        calls.push(`${what} done ${channelId}:${ts}:${name}`);
        if (name === 'broken') reject(new Error('internal_error'));
        else resolve();
      }),
    );
  };
  return { chat: { react: call('react'), unreact: call('unreact') }, calls, release: () => gates.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the bot reactions sent in the background', () => {
  it('resolves at once, and removes a reaction only after adding it has finished', async () => {
    const { chat, calls, release } = slowChat();
    const reactions = backgroundReactions(chat, pino({ level: 'silent' }));

    await reactions.react('C1', '1.0', 'memo');
    await reactions.unreact('C1', '1.0', 'memo');
    await reactions.react('C1', '2.0', 'memo');
    await tick();
    expect(calls).toEqual(['react start C1:1.0:memo', 'react start C1:2.0:memo']);
    release();
    await tick();
    expect(calls).toEqual([
      'react start C1:1.0:memo',
      'react start C1:2.0:memo',
      'react done C1:1.0:memo',
      'unreact start C1:1.0:memo',
    ]);
  });

  it('logs a failure, and the next call on that message still goes', async () => {
    const { chat, calls, release } = slowChat();
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const reactions = backgroundReactions(chat, log);

    await reactions.react('C1', '1.0', 'broken');
    await reactions.unreact('C1', '1.0', 'broken');
    release();
    await tick();
    release();
    await tick();

    expect(calls.filter((c) => c.includes('start'))).toEqual([
      'react start C1:1.0:broken',
      'unreact start C1:1.0:broken',
    ]);
    expect(lines.map((l) => JSON.parse(l) as { msg: string; channelId: string })).toMatchObject([
      { channelId: 'C1', msg: "the bot's reaction failed" },
      { channelId: 'C1', msg: "the bot's removal of its reaction failed" },
    ]);
  });

  it('leaves out new confirmations while too many wait for Slack, never a removal', async () => {
    const { chat, calls, release } = slowChat();
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const reactions = backgroundReactions(chat, log, 2);

    await reactions.react('C1', '1.0', 'memo');
    await reactions.react('C1', '2.0', 'memo');
    await reactions.react('C1', '3.0', 'memo');
    await reactions.unreact('C1', '3.0', 'memo');
    await tick();
    expect(calls).toEqual(['react start C1:1.0:memo', 'react start C1:2.0:memo', 'unreact start C1:3.0:memo']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ pending: 2 });

    // The removal waits its turn like any call, so two must finish before a new confirmation fits.
    release();
    await tick();
    release();
    await tick();
    await reactions.react('C1', '4.0', 'memo');
    await tick();
    expect(calls.filter((c) => c.includes('start'))).toEqual([
      'react start C1:1.0:memo',
      'react start C1:2.0:memo',
      'unreact start C1:3.0:memo',
      'react start C1:4.0:memo',
    ]);
  });
});
