import { renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SetupError } from '#src/main.ts';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile, remoteLog } from '../helpers/git-repos.ts';

async function declareAndResolve(h: Harness, title: string, channelName: string) {
  const general = h.people.ana.createChannel(channelName);
  await h.people.ana.slash('/incident', `declare sev2 ${title}`, general.id);
  const incident = await eventually(async () => {
    const found = (await h.store.listIncidents({})).find((i) => i.title === title && i.summaryTs);
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
      const i = await h.store.getIncident(incident.id);
      expect(i?.rcaPath).toBeTruthy();
      return i!.rcaPath!;
    }, 30_000);
    await eventually(() => {
      const texts = h.slack.workspace.channels.get(incident.channelId!)!.messages.map((m) => m.text);
      expect(texts.some((t) => t.includes('committed locally'))).toBe(true);
    }, 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    renameSync(`${bare}.offline`, bare);

    await eventually(() => expect(remoteFile(bare, path)).toContain('Offline incident'), 30_000);
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
    const paths = await Promise.all([one.store.getIncident(first.id), two.store.getIncident(second.id)]);
    expect(remoteFile(bare, paths[0]!.rcaPath!)).toContain('Replica one');
    expect(remoteFile(bare, paths[1]!.rcaPath!)).toContain('Replica two');
  });

  it('starts with an RCA remote it cannot reach, says so on /readyz and in the log, and delivers the draft later', async () => {
    const bare = bareRemote();
    renameSync(bare, `${bare}.offline`);
    const h = await startHarness({ rcaRepo: `file://${bare}`, env: { RCA_PUSH_RETRY_MS: '1000' } });
    harnesses.push(h);
    const ready = (await (await fetch(`http://127.0.0.1:${h.bot.port}/readyz`)).json()) as {
      checks: Record<string, boolean>;
    };

    const incident = await declareAndResolve(h, 'Offline from the start', 'general-offline');
    const path = await eventually(async () => {
      const i = await h.store.getIncident(incident.id);
      expect(i?.rcaPath).toBeTruthy();
      return i!.rcaPath!;
    }, 30_000);
    renameSync(`${bare}.offline`, bare);

    expect(ready.checks['rcaRemote']).toBe(false);
    expect(h.logs.some((l) => l.includes('RCA_REPO cannot be reached'))).toBe(true);
    await eventually(() => expect(remoteFile(bare, path)).toContain('Offline from the start'), 30_000);
    expect(remoteLog(bare)).toContain('seed');
  });

  it('refuses to start on an RCA_REPO path that does not exist, with a message and no stack', async () => {
    const error = await startHarness({ rcaRepo: '/nowhere/postmortems.git' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(
      /^RCA_REPO is \/nowhere\/postmortems\.git, and there is no such directory/,
    );
    expect((error as Error).message).not.toMatch(/\n\s+at /);
  });
});
