import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git, humanClone, remoteCommits, remoteFile } from '../helpers/git-repos.ts';

/** Issue 11 §1: with `rca.strategy: branch`, every redraft is one more commit on the review branch. */
describe('branch mode, through the bot', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  const draftMessages = (channelId: string) =>
    h.slack.workspace.channels.get(channelId)!.messages.filter((m) => m.text.startsWith('📝 RCA draft'));

  async function askForRca(channelId: string) {
    const before = draftMessages(channelId).length;
    await h.people.ana.ask('/incident', 'rca', channelId);
    return eventually(() => {
      const posted = draftMessages(channelId);
      expect(posted.length).toBe(before + 1);
      return posted[posted.length - 1]!.text;
    }, 30_000);
  }

  it('keeps the human edit on the branch across two redrafts, with four commits and nothing pending', async () => {
    const bare = bareRemote();
    h = await startHarness({ rcaRepo: bare, config: { rca: { strategy: 'branch' } } });
    const incident = await declareFromNewChannel(h, 'declare sev2 Payments timeouts');
    const channel = incident.channelId!;
    await h.people.ana.ask('/incident', 'resolve Rolled back the pool size', channel);
    const path = await rcaPathOf(h, incident.id);
    const branch = `rca/${path.split('/').pop()!.replace(/\.md$/, '')}`;
    await eventually(() => expect(remoteFile(bare, path, branch)).toContain('Payments timeouts'), 30_000);
    const human = humanClone(bare, branch);
    const edited = readFileSync(join(human, path), 'utf8').replace(
      /## Root Cause\n\n[^\n]*\n/,
      '## Root Cause\n\nA human wrote this on the branch.\n',
    );
    writeFileSync(join(human, path), edited);
    git(human, 'commit', '-qam', 'Human edit');
    git(human, 'push', '-q', 'origin', branch);
    await h.people.ana.ask('/incident', 'note Pool size was 5 since the migration', channel);

    const first = await askForRca(channel);
    const second = await askForRca(channel);

    const file = remoteFile(bare, path, branch)!;
    expect(file).toContain('A human wrote this on the branch.');
    expect(file).toContain('Pool size was 5 since the migration');
    expect(remoteCommits(bare, branch)).toEqual([
      expect.stringMatching(/^Update RCA draft: Payments timeouts/),
      'Human edit',
      expect.stringMatching(/^Add RCA draft: Payments timeouts/),
      'seed',
    ]);
    expect(remoteFile(bare, path)).toBeNull();
    expect([first, second].every((t) => t.startsWith('📝 RCA draft committed:'))).toBe(true);
    expect(second).not.toMatch(/could not be reached|committed locally/);
    expect(await h.metrics()).toMatch(/^scribe_rca_pushes_pending 0$/m);
    expect(git(h.rcaClone, 'rev-parse', branch).trim()).toBe(git(bare, 'rev-parse', branch).trim());
  });
});
