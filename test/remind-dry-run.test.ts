import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bareRemote, tempDir } from './helpers/git-repos.ts';
import { runScribe } from './helpers/run-scribe.ts';
import { CORPUS, VAULT_RCAS } from './helpers/template.ts';

/** The oracle: the vault's rows read straight from the files, and the default stages by date arithmetic. */
function expectedFor(today: string) {
  const offsets: [number, string][] = [
    [-7, 'before-7d'],
    [-1, 'before-1d'],
    [0, 'due'],
    [1, 'overdue-1'],
    [8, 'overdue-2'],
    [15, 'overdue-3'],
    [22, 'overdue-4'],
  ];
  const day = (d: string, n: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const out: { owner: string; file: string; line: number; action: string; due: string; stage: string }[] = [];
  for (const name of readdirSync(VAULT_RCAS).sort()) {
    const lines = readFileSync(join(VAULT_RCAS, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = /^\| (P\d) \| (.+?) \| (.+?) \| (\d{4}-\d{2}-\d{2}) \|$/.exec(line);
      if (!m) return;
      const stage = offsets.find(([n]) => day(m[4]!, n) === today)?.[1];
      if (stage) out.push({ owner: m[3]!, file: `RCAs/${name}`, line: i + 1, action: m[2]!, due: m[4]!, stage });
    });
  }
  return out;
}

describe('scribe remind --dry-run over a copy of the vault', () => {
  const copy = tempDir('scribe-vault-');
  cpSync(join(CORPUS, 'obsidian-vault'), copy, { recursive: true });

  it.each(['2025-04-07', '2025-04-14', '2025-05-01', '2025-06-20', '2026-01-01'])(
    'lists exactly the items with a stage on %s, grouped by owner',
    async (today) => {
      const expected = expectedFor(today);

      const result = await runScribe(['remind', '--dry-run', '--repo', copy, '--today', today, '--json']);

      const json = JSON.parse(result.stdout) as {
        reminders: {
          owner: string;
          items: { file: string; line: number; action: string; due: string; stage: string }[];
        }[];
        needsAttention: unknown[];
      };
      const flat = json.reminders.flatMap((r) => r.items.map((i) => ({ owner: r.owner, ...i })));
      expect(expected.length).toBeGreaterThan(0);
      expect(flat.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)).toEqual(expected);
      expect(new Set(json.reminders.map((r) => r.owner)).size).toBe(json.reminders.length);
      expect(json.needsAttention).toEqual([]);
    },
  );

  it('prints a readable plan without --json, and refuses a bad --today', async () => {
    const text = await runScribe(['remind', '--dry-run', '--repo', copy, '--today', '2025-04-07']);
    const bad = await runScribe(['remind', '--dry-run', '--repo', copy, '--today', '2025-02-30']);

    expect(text.stdout).toContain('Platform Engineering');
    expect(text.stdout).toContain(
      'RCAs/2025-04-07-cache-invalidation-bug.md:93  Implement monitoring for cache invalidation bug  (due 2025-04-14, before-7d)',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today must be a date');
  });
});

describe('scribe remind --dry-run: which repository it reads', () => {
  const rca = [
    '---',
    'title: Cache invalidation bug',
    'date: 2025-04-07',
    '---',
    '# Cache invalidation bug',
    '',
    '## Action Items',
    '',
    '| Priority | Action | Owner | Due Date |',
    '|---|---|---|---|',
    '| P1 | Implement monitoring for cache invalidation bug | Platform Engineering | 2025-04-14 |',
    '',
  ].join('\n');

  it('clones a git URL into a temporary folder, reads it and says which repository and how many files', async () => {
    const bare = bareRemote({ 'README.md': '# Postmortems\n', 'RCAs/2025-04-07-cache.md': rca });
    const url = pathToFileURL(bare).href;
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('scribe-remind-')).length;

    const result = await runScribe(['remind', '--dry-run', '--repo', url, '--today', '2025-04-07', '--json'], {
      cwd: tempDir(),
    });

    const json = JSON.parse(result.stdout) as { repository: string; files: number; reminders: { owner: string }[] };
    expect(result.code).toBe(0);
    expect([json.repository, json.files]).toEqual([url, 1]);
    expect(json.reminders.map((r) => r.owner)).toContain('Platform Engineering');
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('scribe-remind-')).length).toBe(before);
  });

  it('reads only rca.dirs, as the bot does, and warns when none of them is in the repository', async () => {
    const cwd = tempDir();
    const repo = join(cwd, 'postmortems');
    mkdirSync(join(repo, 'postmortems'), { recursive: true });
    mkdirSync(join(repo, 'templates'), { recursive: true });
    writeFileSync(join(repo, 'postmortems/2025-04-07-cache.md'), rca);
    writeFileSync(join(repo, 'templates/rca.md'), rca);
    writeFileSync(join(repo, 'README.md'), rca);
    const configured = join(cwd, 'scribe.yml');
    writeFileSync(configured, 'rca:\n  dirs: [postmortems]\n');
    const args = ['remind', '--dry-run', '--repo', repo, '--today', '2025-04-07'];

    const json = await runScribe([...args, '--json'], { cwd });
    const text = await runScribe(args, { cwd });
    const set = await runScribe([...args, '--json'], { cwd, env: { SCRIBE_CONFIG: configured } });

    const warning = `scribe remind: warning: none of rca.dirs (RCAs) is in ${repo}: the bot would read no RCA there`;
    const parsed = JSON.parse(json.stdout) as { files: number; warnings: string[]; reminders: unknown[] };
    expect([json.code, parsed.files, parsed.reminders]).toEqual([0, 0, []]);
    expect(parsed.warnings).toEqual([expect.stringContaining('set rca.dirs in the configuration')]);
    expect(json.stderr).toContain(warning);
    expect(text.stderr).toContain(warning);
    expect(text.stdout).toContain(`from 0 RCA files in ${repo}:`);
    const fixed = JSON.parse(set.stdout) as {
      files: number;
      warnings: string[];
      reminders: { items: { file: string }[] }[];
    };
    expect([set.stderr, fixed.files, fixed.warnings]).toEqual(['', 1, []]);
    expect(fixed.reminders.flatMap((r) => r.items.map((i) => i.file))).toEqual(['postmortems/2025-04-07-cache.md']);
  });

  it('reads RCA_REPO from .env in the working directory, as scribe start does', async () => {
    const cwd = tempDir();
    const repo = join(cwd, 'postmortems');
    mkdirSync(join(repo, 'RCAs'), { recursive: true });
    writeFileSync(join(repo, 'RCAs/2025-04-07-cache.md'), rca);
    writeFileSync(join(cwd, '.env'), `RCA_REPO=${repo}\n`);

    const result = await runScribe(['remind', '--dry-run', '--today', '2025-04-07'], { cwd });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`from 1 RCA files in ${repo}:`);
  });

  it("reads the private incidents' own repository too, as the reminder run does, its files named under /private-repo/", async () => {
    const cwd = tempDir();
    const main = join(cwd, 'postmortems');
    const secret = join(cwd, 'private-postmortems');
    mkdirSync(join(main, 'RCAs'), { recursive: true });
    mkdirSync(join(secret, 'RCAs/private'), { recursive: true });
    writeFileSync(join(main, 'RCAs/2025-04-07-cache.md'), rca);
    writeFileSync(
      join(secret, 'RCAs/private/2025-04-07-leaked-key.md'),
      rca
        .replace('Cache invalidation bug', 'Leaked deploy key')
        .replace(
          'Implement monitoring for cache invalidation bug | Platform Engineering',
          'Rotate every deploy key | Security Team',
        ),
    );
    const plan = async (args: string[], env: Record<string, string> = {}) => {
      const result = await runScribe(['remind', '--dry-run', ...args, '--today', '2025-04-07', '--json'], { cwd, env });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as {
        repository: string;
        privateRepository?: string;
        files: number;
        reminders: { owner: string; items: { file: string; action: string }[] }[];
      };
    };

    const both = await plan(['--repo', main, '--private-repo', secret]);
    const fromEnv = await plan([], { RCA_REPO: main, RCA_PRIVATE_REPO: secret });
    const mainOnly = await plan(['--repo', main], { RCA_PRIVATE_REPO: secret });

    for (const json of [both, fromEnv]) {
      expect([json.repository, json.privateRepository, json.files]).toEqual([main, secret, 2]);
      expect(json.reminders.map((r) => [r.owner, r.items.map((i) => i.file)])).toEqual([
        ['Platform Engineering', ['RCAs/2025-04-07-cache.md']],
        ['Security Team', ['/private-repo/RCAs/private/2025-04-07-leaked-key.md']],
      ]);
    }
    expect([mainOnly.privateRepository, mainOnly.files, mainOnly.reminders.map((r) => r.owner)]).toEqual([
      undefined,
      1,
      ['Platform Engineering'],
    ]);
  });
});
