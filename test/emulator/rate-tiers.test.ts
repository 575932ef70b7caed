import { afterEach, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { RateTiers } from '#emulator/rate-tiers.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { callApi } from './web-api-call.ts';

describe("Slack's rate tiers", () => {
  let slack: SlackEmulator;
  afterEach(() => slack?.stop());

  it('are on by default: the 21st Tier 2 call in a minute answers 429 with Retry-After', async () => {
    slack = await startSlackEmulator();

    const answers = [];
    for (let i = 0; i < 21; i += 1) answers.push(await callApi(slack, 'users.list'));

    expect(answers.slice(0, 20).every((a) => a.status === 200)).toBe(true);
    expect(answers[20]).toMatchObject({ status: 429, body: { ok: false, error: 'ratelimited' } });
    expect(Number(answers[20]!.retryAfter)).toBeGreaterThanOrEqual(59);
  });

  it('hold chat.postMessage to about one a second per channel, after a short burst', async () => {
    slack = await startSlackEmulator();
    const ana = addPerson(slack, 'ana');
    const [one, two] = [ana.createChannel('one'), ana.createChannel('two')];
    for (const c of [one, two]) c.members.add(slack.workspace.botUserId);

    const burst = await Promise.all(
      Array.from({ length: 6 }, (_, i) => callApi(slack, 'chat.postMessage', { channel: one.id, text: `${i}` })),
    );
    const elsewhere = await callApi(slack, 'chat.postMessage', { channel: two.id, text: 'other channel' });

    const refused = burst.filter((a) => a.status === 429);
    expect(burst.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.map((a) => a.retryAfter)).toEqual(refused.map(() => '1'));
    expect(one.messages.length).toBe(6 - refused.length);
    expect(elsewhere.status).toBe(200);
  });

  it('refill a channel at one message a second', () => {
    const tiers = new RateTiers();
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i += 1) tiers.take('chat.postMessage', 't5', 'C1', t0);

    expect(tiers.take('chat.postMessage', 't5', 'C1', t0 + 500)).toBe(1);
    expect(tiers.take('chat.postMessage', 't5', 'C1', t0 + 1000)).toBeNull();
    expect(tiers.take('chat.postMessage', 't5', 'C1', t0 + 1100)).toBe(1);
  });

  it("take each method's tier from Slack's list, and the api-ref's where the list has none", () => {
    const tiers = new RateTiers();

    expect(tiers.tierOf('users.lookupByEmail', 't3')).toBe('Tier3');
    expect(tiers.tierOf('usergroups.users.list', 't4')).toBe('Tier2');
    expect(tiers.tierOf('not.listed', 't4')).toBe('Tier4');
  });

  it('can be turned off for a test that says why', async () => {
    slack = await startSlackEmulator({ enforceTiers: false });

    const answers = [];
    for (let i = 0; i < 25; i += 1) answers.push(await callApi(slack, 'users.list'));

    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
