import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentCommand } from '#adapters/slack/listeners/incident-command.ts';
import { createSqliteStore } from '#adapters/store/create-store.ts';
import { lintOptionsFrom, loadConfig, PROJECT_ROOT } from '#config/load-config.ts';
import { buildRcaDraft } from '#domain/build-rca-draft.ts';
import { isValidChannelName } from '#domain/channel-name.ts';
import { lintRca } from '#rca/lint-rca.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { renderRca } from '#rca/render-rca.ts';
import { personText } from '../helpers/arbitraries.ts';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { FakeChat } from '../helpers/fake-chat.ts';
import { testDeps } from '../helpers/test-deps.ts';

const template = readFileSync(join(PROJECT_ROOT, 'templates/rca.md'), 'utf8');
const loaded = loadConfig({});
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const config = loaded.config;
const dateText = fc.oneof(
  fc.constantFrom(
    'tomorrow',
    'in 2 weeks',
    'next friday',
    '2030-05-01',
    '04/05/2030',
    'TBD',
    'May 2, 2030',
    '2030-02-30',
    '',
  ),
  personText,
);

describe('fuzzed input through the /incident handler', () => {
  it('never crashes, never makes an invalid channel name, and the RCA lints clean and round-trips', async () => {
    const store = createSqliteStore(':memory:');
    await store.migrate();
    const chat = new FakeChat();
    let n = 0;
    const next = () => {
      n += 1;
      return n;
    };
    const deps = testDeps({
      store,
      chat,
      clock: { now: () => new Date('2030-04-07T10:00:00Z') },
      ids: { next: (p) => `${p}-${next()}` },
      config,
    });
    const handler = incidentCommand({
      deps,
      updates: {
        publish: async () => [],
        nudge: async () => undefined,
        outbox: { add: async () => undefined, sent: async () => undefined, claimStale: async () => [] },
      },
    });
    const run = async (text: string, channel: string, user = 'UANA') => {
      const answers: string[] = [];
      const args = {
        command: { text, channel_id: channel, user_id: user, trigger_id: `t${next()}` },
        ack: async (r?: { text?: string }) => {
          if (r?.text) answers.push(r.text);
        },
        respond: async (r: { text?: string }) => {
          if (r.text) answers.push(r.text);
        },
      };
      await handler(args as never);
      return answers;
    };

    await fc.assert(
      fc.asyncProperty(personText, personText, personText, dateText, async (title, message, note, due) => {
        const declared = await run(`declare sev2 ${title}`, 'CGENERAL');
        if (title.trim() === '') {
          // No title: the declare form opens instead, and nothing is answered in the channel.
          expect(declared).toEqual([]);
          return;
        }
        expect(declared).toHaveLength(1);
        const channelId = /<#(C\d+)>/.exec(declared[0]!)?.[1];
        expect(channelId).toBeTruthy();
        expect(isValidChannelName(chat.channels.get(channelId!)!.name)).toBe(true);
        const incident = (await store.findIncidentByChannel(channelId!))!;
        const noteAnswer = await run(`note ${note}`, channelId!);
        const actionAnswer = await run(`action Fix ${message} due:${due}`, channelId!);
        const resolved = await run(`resolve ${message}`, channelId!);
        for (const answer of [...noteAnswer, ...actionAnswer, ...resolved])
          expect(answer).not.toMatch(/at .*\.ts:\d+|Error:/);

        const draft = buildRcaDraft({
          incident: (await store.getIncident(incident.id))!,
          entries: await store.listTimeline(incident.id),
          actionItems: await store.listActionItems(incident.id),
          related: [],
          statuses: config.incident.statuses,
          extraTags: [],
          author: 'ana',
          preparedOn: '2030-04-07',
          diagram: true,
          names: {},
        });
        const parsed = parseRca(renderRca(draft, template));
        expect(lintRca(parsed, lintOptionsFrom(config)).filter((p) => p.severity === 'error')).toEqual([]);
        expect(parsed.timeline.map((r) => r.event)).toEqual(draft.timeline.map((r) => r.event));
        expect(parsed.actionItems.map(({ line: _l, ...i }) => i)).toEqual(draft.actionItems);
      }),
      { numRuns: 1500 },
    );
    await store.close();
  });
});

describe('fuzzed input through the real Bolt app and the emulator', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.stop();
  });

  it('keeps going on odd titles, messages and notes, and writes RCAs that lint clean', async () => {
    h = await startHarness();
    const general = h.people.ana.createChannel('general');
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(
        personText.filter((t) => t.trim() !== ''),
        personText,
        personText,
        async (title, message, note) => {
          runs += 1;
          // A declare may wait for the Tier 2 budget of conversations.create (20 a minute).
          const answer = await h.people.ana.ask('/incident', `declare sev3 ${title}`, general.id, 70_000);
          const channelId = /<#(C\d+)>/.exec(answer)?.[1];
          expect(channelId, answer).toBeTruthy();
          expect(isValidChannelName(h.slack.workspace.channels.get(channelId!)!.name)).toBe(true);
          const ts = await h.people.ana.post(channelId!, message || '.');
          await h.people.ana.react(channelId!, ts, 'pushpin');
          await h.people.ana.ask('/incident', `note ${note || '.'}`, channelId!);
          await h.people.ana.ask('/incident', 'resolve Fixed', channelId!);
          const incident = await eventually(async () => {
            const found = await h.store.findIncidentByChannel(channelId!);
            expect(found?.rcaPath).toBeTruthy();
            return found!;
          }, 30_000);
          const file = h.rcaFile(incident.rcaPath!);
          const parsed = parseRca(file!);
          expect(lintRca(parsed, lintOptionsFrom(config)).filter((p) => p.severity === 'error')).toEqual([]);
          expect(parsed.frontMatter['title']).toBe(`${incident.declaredAt.slice(0, 10)} - ${incident.title}`);
        },
      ),
      // Each declare takes conversations.create, setTopic, setPurpose and pins.add, all Tier 2 (20 a minute),
      // which the bot paces as Slack limits them (a title whose name is taken takes more creates): 12 runs.
      { numRuns: 12 },
    );

    expect(runs).toBe(12);
  });
});
