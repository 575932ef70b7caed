import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { tempDir } from './helpers/git-repos.ts';
import { runScribe } from './helpers/run-scribe.ts';

const dir = tempDir('scribe-cli-errors-');
const file = join(dir, 'some-file.md');
writeFileSync(file, '# Not a folder\n');
const binary = join(dir, 'logo.md');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a]));
const missing = join(dir, 'no-such-folder');
const env = { RCA_REPO: '', SCRIBE_CONFIG: '' };

/** Every command given what a person might mistype: [arguments, exit code, what the line says]. */
const CASES: [string[], 1 | 2, RegExp][] = [
  [['nope'], 2, /^scribe: unknown command 'nope'/],
  [['--bogus'], 2, /^scribe: unknown option '--bogus'/],
  [['start', 'extra'], 2, /^scribe start: too many arguments/],
  [['start', '--bogus'], 2, /^scribe start: unknown option '--bogus'/],
  [['demo', 'extra'], 2, /^scribe demo: too many arguments for 'demo'/],
  [['rca', 'nope'], 2, /^scribe rca: unknown command 'nope'/],
  [['rca', 'parse'], 2, /^scribe rca parse: missing required argument 'file'/],
  [['rca', 'parse', file, file], 2, /^scribe rca parse: too many arguments/],
  [['rca', 'parse', missing], 1, /^scribe rca parse: cannot read .*no-such-folder: no such file \(ENOENT\)$/],
  [['rca', 'parse', dir], 1, /^scribe rca parse: cannot read .*: a directory, not a file \(EISDIR\)$/],
  [['rca', 'parse', `${file}/x.md`], 1, /^scribe rca parse: cannot read .*: a path through a file.*\(ENOTDIR\)$/],
  [['rca', 'parse', binary], 1, /^scribe rca parse: cannot read .*logo\.md: not a text file/],
  [['rca', 'lint'], 2, /^scribe rca lint: missing required argument 'paths'/],
  [
    ['rca', 'lint', '--format', 'xml', dir],
    2,
    /^scribe rca lint: option '--format <format>' argument 'xml' is invalid/,
  ],
  [['rca', 'lint', missing], 1, /^scribe rca lint: cannot read .*no-such-folder: no such file \(ENOENT\)$/],
  [['rca', 'lint', `${file}/x.md`], 1, /^scribe rca lint: cannot read .*\(ENOTDIR\)$/],
  [['remind'], 2, /^scribe remind: required option '--dry-run' not specified/],
  [['remind', '--dry-run', '--repo', dir, '--today', '2025-02-30'], 2, /^scribe remind: --today must be a date/],
  [['remind', '--dry-run'], 2, /^scribe remind: which RCA repository\? Give --repo .*, or set RCA_REPO/],
  [
    ['remind', '--dry-run', '--repo', file],
    1,
    /^scribe remind: --repo .*some-file\.md is a file; give the RCA repository's folder/,
  ],
  [['remind', '--dry-run', '--repo', missing], 1, /^scribe remind: --repo .*no-such-folder: no such file \(ENOENT\)/],
  [
    ['remind', '--dry-run', '--repo', 'https://127.0.0.1:9/acme/postmortems.git'],
    1,
    /^scribe remind: cannot clone https:\/\/127\.0\.0\.1:9\/acme\/postmortems\.git \(--repo\): .*RCA_REPO_TOKEN/,
  ],
];

describe('scribe used wrongly', () => {
  it.each(CASES)('scribe %j exits %i with one line saying what is wrong', async (args, code, line) => {
    const result = await runScribe(args, { cwd: dir, env });

    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
  });

  it('prints the help of a command that needs a subcommand, and exits 2', async () => {
    const result = await runScribe(['rca'], { cwd: dir, env });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rca parse [options] <file>');
    expect(result.stderr).toContain('rca lint [options] <paths...>');
  });

  it('exits 1 with one line, not a stack trace, when the reader of its output goes away (| head -3)', () => {
    const big = join(dir, 'big.md');
    const rows = Array.from({ length: 1500 }, (_, i) => `| P2 | Action number ${i} | SRE | 2025-05-01 |`);
    writeFileSync(
      big,
      `# Big\n\n## Action Items\n\n| Priority | Action | Owner | Due |\n|---|---|---|---|\n${rows.join('\n')}\n`,
    );
    const command = `node --conditions=development bin/scribe.js rca parse ${big} --json | head -3 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;

    const runs = [1, 2, 3].map(() => spawnSync('bash', ['-c', command], { cwd: PROJECT_ROOT, encoding: 'utf8' }));

    for (const run of runs) {
      expect(run.stdout.trim()).toBe('exit=1');
      expect(run.stderr.trimEnd().split('\n')).toEqual(['scribe: the output was closed before it ended (EPIPE)']);
    }
  });
});
