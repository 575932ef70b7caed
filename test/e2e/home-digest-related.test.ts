import { afterEach, describe, expect, it } from 'vitest';
import { lintFiles, noteName } from '#rca/lint-files.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { declareFromNewChannel, eventually, FakeClock, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile } from '../helpers/git-repos.ts';
import { seedRemote } from '../helpers/seed-remote.ts';

const rcaFile = (date: string, title: string, services: string[], rows = '') =>
  `---\ntitle: "${date} - ${title}"\ndate: ${date}\nseverity: P2\nservices: [${services.join(', ')}]\ntags: [rca]\nstatus: resolved\nauthor: SRE\n---\n\n# ${title}\n\n## Action Items\n\n| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n${rows}`;

describe('App Home, the weekly digest and related incidents', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('shows a person their own open action items and the open incidents on the App Home tab', async () => {
    const bare = bareRemote();
    // The RCAs are in the repository before the bot starts (they name people, who exist by then).
    h = await startHarness({
      rcaRepo: bare,
      configFor: (_slack, { ana, ben }) => {
        seedRemote(bare, {
          'RCAs/2030-01-01-a.md': rcaFile(
            '2030-01-01',
            'A',
            ['api'],
            `| P1 | Ana's by mention | <@${ana.id}> | 2030-02-01 |\n| P2 | Ana's by email | ana@example.com | 2030-02-02 |\n| P2 | Ben's | <@${ben.id}> | 2030-02-03 |\n| P3 | ~~Ana's done~~ | <@${ana.id}> | 2030-02-04 |\n`,
          ),
        });
        return {};
      },
    });
    const { ana } = h.people;
    const incident = await declareFromNewChannel(h, 'declare sev1 Home test');

    await ana.openHome();

    const home = await eventually(() => {
      const view = h.slack.workspace.views.get(`home-${ana.id}`);
      expect(view).toBeTruthy();
      return JSON.stringify(view!.view);
    });
    expect(home).toContain("Ana's by mention");
    expect(home).toContain("Ana's by email");
    expect(home).not.toContain("Ben's");
    expect(home).not.toContain("Ana's done");
    expect(home).toContain(`<#${incident.channelId}>`);
  });

  it("posts each team's weekly digest: overdue, due soon, open", async () => {
    const bare = bareRemote();
    seedRemote(bare, {
      'RCAs/2030-01-01-a.md': rcaFile(
        '2030-01-01',
        'A',
        ['api'],
        '| P1 | Late one | Platform Team | 2030-02-01 |\n| P2 | Soon one | Platform Team | 2030-02-08 |\n| P3 | Later one | Platform Team | 2030-03-30 |\n| P3 | Other team | SRE | 2030-02-05 |\n',
      ),
    });
    let channel = '';
    h = await startHarness({
      rcaRepo: bare,
      clock: new FakeClock(new Date('2030-02-04T08:00:00Z')),
      configFor: (slack, people) => {
        const c = people.cho.createChannel('platform');
        c.members.add(slack.workspace.botUserId);
        channel = c.id;
        return { reminders: { digestChannels: { 'Platform Team': c.id } } };
      },
    });

    await h.bot.runDigest();
    await h.bot.runDigest();

    const posts = h.slack.workspace.channels.get(channel)!.messages;
    expect(posts).toHaveLength(1);
    const text = JSON.stringify(posts[0]!.blocks);
    expect(text).toMatch(/Overdue\* \(1\).*Late one/);
    expect(text).toMatch(/Due within a week\* \(1\).*Soon one/);
    expect(text).toMatch(/Open\* \(1\).*Later one/);
    expect(text).not.toContain('Other team');
  });

  it('links the five newest RCAs that share a service, as wiki links to files that exist', async () => {
    const bare = bareRemote();
    const seeded: Record<string, string> = {};
    for (let day = 1; day <= 7; day += 1) {
      const date = `2030-01-0${day}`;
      seeded[`RCAs/${date}-checkout-${day}.md`] = rcaFile(date, `Checkout ${day}`, ['checkout']);
    }
    seeded['RCAs/2030-01-09-search.md'] = rcaFile('2030-01-09', 'Search', ['search']);
    seedRemote(bare, seeded);
    h = await startHarness({ rcaRepo: bare });
    const incident = await declareFromNewChannel(h, 'declare sev2 Checkout again');
    await h.people.ana.ask('/incident', 'services checkout', incident.channelId!);

    await h.people.ana.ask('/incident', 'resolve Fixed', incident.channelId!);

    const path = await eventually(async () => {
      const i = await h.store.getIncident(incident.id);
      expect(i?.rcaPath).toBeTruthy();
      return i!.rcaPath!;
    }, 30_000);
    const file = remoteFile(bare, path)!;
    const wiki = parseRca(file).links.filter((l) => l.kind === 'wiki');
    expect(wiki.map((l) => l.target)).toEqual([
      '2030-01-07-checkout-7',
      '2030-01-06-checkout-6',
      '2030-01-05-checkout-5',
      '2030-01-04-checkout-4',
      '2030-01-03-checkout-3',
    ]);
    expect(wiki[0]!.label).toBe('2030-01-07 - Checkout 7');
    const notes = new Set([...Object.keys(seeded), path].map(noteName));
    const report = lintFiles(
      [{ path, source: file }],
      { severities: ['P1', 'P2', 'P3', 'P4'], statuses: ['resolved'] },
      notes,
    );
    expect(report[0]!.problems.filter((p) => p.rule === 'dangling-link')).toEqual([]);
  });
});
