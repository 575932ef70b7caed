import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git, remoteFile, remoteLog, tempDir } from '../helpers/git-repos.ts';
import { runScribe } from '../helpers/run-scribe.ts';

describe('the RCA draft, committed through git', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  async function declare(title: string) {
    const general = h.people.ana.createChannel(`general-${Math.random().toString(36).slice(2, 7)}`);
    await h.people.ana.slash('/incident', `declare ${title}`, general.id);
    return eventually(async () => {
      const incidents = await h.store.listIncidents({});
      const incident = incidents.find((i) => i.summaryTs !== null && !i.rcaPath);
      expect(incident).toBeTruthy();
      return incident!;
    });
  }

  async function play(incidentChannel: string) {
    const { ana, ben } = h.people;
    ben.join(incidentChannel);
    const first = await ben.post(incidentChannel, 'Checkout errors at 40% | since deploy `v42`');
    const second = await ana.post(incidentChannel, 'Rolling back\nto v41', first);
    await ana.react(incidentChannel, first, 'pushpin');
    await ana.react(incidentChannel, second, 'pushpin');
    await ana.ask('/incident', 'status identified', incidentChannel);
    await ana.ask('/incident', 'note Paged payments', incidentChannel);
    await ana.ask('/incident', 'services checkout, payments', incidentChannel);
    const action = await ana.slash(
      '/incident',
      `action Add an alert on checkout errors owner:${ben.mention} due:2030-05-01 P1`,
      incidentChannel,
    );
    await ana.slash(
      '/incident',
      'action Write the rollback runbook owner:"Platform Team" due:2030-05-08',
      incidentChannel,
    );
    await ana.ask('/incident', 'status mitigated', incidentChannel);
    return action;
  }

  it('commits exactly one file on resolve that parses back to what was stored and lints clean', async () => {
    const bare = bareRemote();
    h = await startHarness({
      rcaRepo: bare,
      config: { rca: { webUrl: 'https://git.example.com/acme/postmortems/blob/{branch}/{path}' } },
    });
    const incident = await declare('sev2 Checkout | errors 🔥');
    await play(incident.channelId!);

    await h.people.ana.slash('/incident', 'resolve', incident.channelId!);
    await h.people.ana.submitView({
      rootCause: { rootCause: { value: 'A bad config in v42' } },
      resolution: { resolution: { value: 'Rolled back' } },
    });

    const resolved = await eventually(async () => {
      const i = await h.store.getIncident(incident.id);
      expect(i?.rcaPath).toBeTruthy();
      return i!;
    }, 30_000);
    const path = resolved.rcaPath!;
    expect(path).toMatch(/^RCAs\/\d{4}-\d{2}-\d{2}-checkout-errors\.md$/);
    expect(remoteLog(bare)).toEqual([`Add RCA draft: Checkout | errors 🔥 (P2, ${incident.id})`, 'seed']);
    const file = remoteFile(bare, path)!;
    const parsed = parseRca(file);
    const stored = await h.store.listTimeline(incident.id);
    expect(parsed.timeline.map((row) => row.link ?? null)).toEqual(stored.map((e) => e.permalink));
    expect(parsed.timeline.map((row) => row.event)).toEqual(
      stored.map((e) => e.text.replace(/<@(U\w+)>/g, (_m, id) => `@${h.slack.workspace.users.get(id)!.name}`)),
    );
    expect(parsed.timeline.find((r) => r.event.startsWith('Rolling back'))).toMatchObject({
      event: 'Rolling back\nto v41',
      author: 'ana',
    });
    const items = await h.store.listActionItems(incident.id);
    expect(parsed.actionItems.map(({ line: _l, ...item }) => item)).toEqual(
      items.map((i) => ({
        priority: i.priority,
        action: i.action,
        owner: i.owner.replace(/<@(U\w+)>/, (_m, id) => `@${h.slack.workspace.users.get(id)!.name}`),
        due: i.due,
        done: false,
      })),
    );
    expect(parsed.frontMatter).toMatchObject({
      severity: 'P2',
      status: 'resolved',
      services: ['checkout', 'payments'],
      tags: ['rca', 'p2'],
      author: 'ana',
    });
    expect(parsed.frontMatter['title']).toBe(`${incident.declaredAt.slice(0, 10)} - Checkout | errors 🔥`);
    expect(file).toContain('A bad config in v42');
    expect(file).toMatch(/The incident lasted approximately \d+ minutes?\./);
    const dir = tempDir();
    writeFileSync(join(dir, 'rca.md'), file);
    const lint = await runScribe(['rca', 'lint', join(dir, 'rca.md')]);
    expect(lint.stdout).toMatch(/\(0 errors/);
    const messages = h.slack.workspace.channels.get(incident.channelId!)!.messages.map((m) => m.text);
    expect(messages.some((t) => t.includes(`https://git.example.com/acme/postmortems/blob/main/${path}`))).toBe(true);
  });

  it('keeps what people edited when the RCA is drafted again', async () => {
    const bare = bareRemote();
    h = await startHarness({ rcaRepo: bare });
    const incident = await declare('DB failover');
    await play(incident.channelId!);
    await h.people.ana.ask('/incident', 'rca', incident.channelId!);
    const path = await rcaPathOf(h, incident.id);
    const human = join(tempDir(), 'human');
    git(tempDir(), 'clone', bare, human);
    const original = readFileSync(join(human, path), 'utf8');
    const edited = original
      .replace(/## Root Cause\n\n[^\n]*\n/, '## Root Cause\n\nA human wrote this.\n')
      .replace('| P1 | Add an alert on checkout errors |', '| P1 | Add an alert on checkout 5xx errors |');
    writeFileSync(join(human, path), edited);
    git(human, 'commit', '-am', 'Human edit');
    git(human, 'push', 'origin', 'main');
    h.people.ben.join(incident.channelId!);
    const late = await h.people.ben.post(incident.channelId!, 'Late finding: cache TTL too long');
    await h.people.ben.react(incident.channelId!, late, 'pushpin');
    await eventually(async () =>
      expect((await h.store.listTimeline(incident.id)).some((e) => e.text.startsWith('Late finding'))).toBe(true),
    );

    await h.people.ana.ask('/incident', 'rca', incident.channelId!);

    const updated = await eventually(() => {
      const text = remoteFile(bare, path)!;
      expect(text).toContain('Late finding');
      return text;
    }, 30_000);
    expect(updated).toContain('A human wrote this.');
    expect(updated).toContain('Add an alert on checkout 5xx errors');
    expect(updated).not.toContain('| P1 | Add an alert on checkout errors |');
    expect(parseRca(updated).actionItems).toHaveLength(2);
    expect(remoteLog(bare)[0]).toMatch(/^Update RCA draft: DB failover/);
  });

  it('keeps the commit while the remote is unreachable and delivers it when it is back', async () => {
    const bare = bareRemote();
    h = await startHarness({ rcaRepo: bare });
    const incident = await declare('Search outage');
    renameSync(bare, `${bare}.offline`);

    await h.people.ana.ask('/incident', 'resolve Restarted the cluster', incident.channelId!);

    await eventually(() => {
      const texts = h.slack.workspace.channels.get(incident.channelId!)!.messages.map((m) => m.text);
      expect(texts.some((t) => t.includes('committed locally'))).toBe(true);
    }, 30_000);
    renameSync(`${bare}.offline`, bare);
    await h.restart();
    const path = (await h.store.getIncident(incident.id))!.rcaPath!;
    expect(remoteFile(bare, path)).toContain('Search outage');
  });

  it('answers a bad due date instead of guessing', async () => {
    h = await startHarness();
    const incident = await declare('Queue backlog');

    await h.people.ana.slash('/incident', 'action Drain the queue due:04/05/2030', incident.channelId!);

    await eventually(() =>
      expect(h.slack.responses.map((r) => String(r.body['text']))).toContainEqual(
        expect.stringContaining('could not read "04/05/2030"'),
      ),
    );
    expect(await h.store.listActionItems(incident.id)).toEqual([]);
  });

  it('writes a title like ../../etc/passwd inside the RCA directory', async () => {
    h = await startHarness();
    const incident = await declare('../../etc/passwd');

    await h.people.ana.ask('/incident', 'resolve Fixed', incident.channelId!);

    const path = await rcaPathOf(h, incident.id);
    expect(path).toMatch(/^RCAs\/\d{4}-\d{2}-\d{2}-etc-passwd\.md$/);
  });
});
