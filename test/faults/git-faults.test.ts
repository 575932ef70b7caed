import { renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile, remoteLog } from '../helpers/git-repos.ts';

async function declareAndResolve(h: Harness, title: string, channelName: string) {
  const general = h.people.ana.createChannel(channelName);
  await h.people.ana.slash('/incident', `declare sev2 ${title}`, general.id);
  const incident = await eventually(async () => {
    const found = (await h.bot.store.listIncidents({})).find((i) => i.title === title && i.summaryTs);
    expect(found).toBeTruthy();
    return found!;
  });
  h.people.ben.join(incident.channelId!);
  const ts = await h.people.ben.post(incident.channelId!, `Root cause of ${title}`);
  await h.people.ana.react(incident.channelId!, ts, 'pushpin');
  await h.people.ana.ask('/incident', 'resolve Rolled back', incident.channelId!);
  return incident;
}

describe('git under faults', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.stop();
  });

  it('delivers the RCA once the remote is back, from the scheduled retry, after an incident run entirely offline', async () => {
    const bare = bareRemote();
    const h = await startHarness({ rcaRepo: bare, env: { RCA_PUSH_RETRY_MS: '1000' } });
    harnesses.push(h);
    renameSync(bare, `${bare}.offline`);

    const incident = await declareAndResolve(h, 'Offline incident', 'general');
    const path = await eventually(async () => {
      const i = await h.bot.store.getIncident(incident.id);
      expect(i?.rcaPath).toBeTruthy();
      return i!.rcaPath!;
    }, 15_000);
    await eventually(() => {
      const texts = h.slack.workspace.channels.get(incident.channelId!)!.messages.map((m) => m.text);
      expect(texts.some((t) => t.includes('committed locally'))).toBe(true);
    }, 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    renameSync(`${bare}.offline`, bare);

    await eventually(() => expect(remoteFile(bare, path)).toContain('Offline incident'), 15_000);
    expect(remoteLog(bare)[0]).toMatch(/^Add RCA draft: Offline incident/);
  });

  it('lands both RCAs when two replicas push at the same moment', async () => {
    const bare = bareRemote();
    const [one, two] = await Promise.all([startHarness({ rcaRepo: bare }), startHarness({ rcaRepo: bare })]);
    harnesses.push(one, two);

    const [first, second] = await Promise.all([
      declareAndResolve(one, 'Replica one', 'general-one'),
      declareAndResolve(two, 'Replica two', 'general-two'),
    ]);

    await eventually(() => {
      const log = remoteLog(bare);
      expect(log.filter((m) => m.startsWith('Add RCA draft'))).toHaveLength(2);
    }, 20_000);
    const paths = await Promise.all([one.bot.store.getIncident(first.id), two.bot.store.getIncident(second.id)]);
    expect(remoteFile(bare, paths[0]!.rcaPath!)).toContain('Replica one');
    expect(remoteFile(bare, paths[1]!.rcaPath!)).toContain('Replica two');
  });
});
