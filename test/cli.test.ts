import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '#rca/rca-document.ts';
import { runScribe } from './helpers/run-scribe.ts';
import { VAULT_RCAS } from './helpers/template.ts';

describe('scribe', () => {
  it('lists every command with --help, and each command has its own', async () => {
    const top = await runScribe(['--help']);
    const rca = await runScribe(['rca', '--help']);
    const lint = await runScribe(['rca', 'lint', '--help']);
    const helpRca = await runScribe(['help', 'rca']);

    expect([top.code, rca.code, lint.code, helpRca.code]).toEqual([0, 0, 0, 0]);
    expect(helpRca.stdout).toBe(rca.stdout);
    for (const command of ['start', 'demo', 'rca parse', 'rca lint', 'remind'])
      expect(top.stdout).toContain(`  ${command}`);
    expect(rca.stdout).toContain('rca lint [options] <paths...>');
    expect(lint.stdout).toContain('--format <format>');
    expect(lint.stdout).toContain('.scribeignore');
  });

  it('prints its version', async () => {
    const result = await runScribe(['--version']);

    expect(result.stdout).toBe('0.1.0\n');
  });

  it('says which options are valid when given an unknown one', async () => {
    const result = await runScribe(['rca', 'parse', '--jsn', 'x.md']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "scribe rca parse: unknown option '--jsn' (did you mean --json?); see `scribe rca parse --help`\n",
    );
  });

  it('prints the parse of an RCA as JSON', async () => {
    const result = await runScribe([
      'rca',
      'parse',
      join(VAULT_RCAS, '2025-04-07-cache-invalidation-bug.md'),
      '--json',
    ]);

    const parsed = JSON.parse(result.stdout);
    expect(result.code).toBe(0);
    expect(parsed.actionItems[0]).toEqual({
      priority: 'P1',
      action: 'Implement monitoring for cache invalidation bug',
      owner: 'Platform Engineering',
      due: '2025-04-14',
      done: false,
      line: 93,
    });
    expect(parsed.frontMatter.date).toBe('2025-04-07');
  });

  it('reads a file without the .md extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scribe-cli-'));
    writeFileSync(join(dir, 'POSTMORTEM'), '# Outage\n\n## Action Items\n\n- [ ] Add canary (@ops, due 2025-01-02)\n');

    const result = await runScribe(['rca', 'parse', join(dir, 'POSTMORTEM'), '--json']);

    expect(JSON.parse(result.stdout).actionItems).toHaveLength(1);
  });

  it('lints the vault with no errors and exits 0', async () => {
    const result = await runScribe(['rca', 'lint', VAULT_RCAS]);

    expect(result.stdout).toMatch(/\(0 errors, \d+ warnings\) in 57 files/);
    expect(result.code).toBe(0);
  });

  it('exits 1 with problems grouped under each file, as ESLint prints them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scribe-lint-'));
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: X\n---\n# X\n');

    const result = await runScribe(['rca', 'lint', join(dir, 'bad.md')]);

    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(join(dir, 'bad.md'));
    expect(lines[1]).toMatch(
      /^ {2}1:1 {2}error {2}Front matter has no "date"; add it \(see templates\/rca\.md\) +required-field$/,
    );
    expect(result.stdout.split(join(dir, 'bad.md')).length).toBe(2);
  });
});

describe('scribe rca lint in a postmortem repository', () => {
  const NO_FRONT_MATTER = '# Outage\n\nNo front matter here.\n';
  const WITH_FRONT_MATTER = '---\ntitle: Outage\n---\n# Outage\n';
  function repository(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'scribe-lint-repo-'));
    mkdirSync(join(root, '.git'));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  }

  it('lints files in the RCA directories or with front matter, and skips README-like and ignored ones', async () => {
    const root = repository({
      'README.md': NO_FRONT_MATTER,
      'RCAs/README.md': WITH_FRONT_MATTER,
      'RCAs/2025-01-02-outage.md': NO_FRONT_MATTER,
      'notes/todo.md': NO_FRONT_MATTER,
      'archive/2019-outage.md': WITH_FRONT_MATTER,
      'drafts/wip.md': WITH_FRONT_MATTER,
      'vendor/thing.md': WITH_FRONT_MATTER,
      '.scribeignore': '# drafts are not reviewed yet\ndrafts/\n',
    });
    writeFileSync(join(root, 'RCAs/diagram.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));

    const result = await runScribe(['rca', 'lint', root, '--ignore', 'vendor/**', '--format', 'json']);

    const reports = JSON.parse(result.stdout) as { path: string; problems: Problem[] }[];
    expect(reports.map((r) => r.path.slice(root.length + 1))).toEqual([
      'archive/2019-outage.md',
      'RCAs/2025-01-02-outage.md',
      'RCAs/diagram.md',
    ]);
    expect(reports[2]!.problems).toEqual([
      expect.objectContaining({ rule: 'read', message: 'Cannot lint this file: not a text file (it holds NUL bytes)' }),
    ]);
    expect(result.code).toBe(1);
  });

  it('prints GitHub Actions annotations with --format github', async () => {
    const root = repository({ 'RCAs/a.md': WITH_FRONT_MATTER });

    const result = await runScribe(['rca', 'lint', 'RCAs', '--format', 'github'], { cwd: root });

    expect(result.stdout.split('\n')).toContain(
      '::error file=RCAs/a.md,line=1,col=1,title=required-field::Front matter has no "date"; add it (see templates/rca.md)',
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ problems \(\d+ errors, 0 warnings\) in 1 file$/);
    expect(result.code).toBe(1);
  });

  it('takes rule severities from lint.rules, the same in parse and lint', async () => {
    const root = repository({
      'RCAs/a.md': `${WITH_FRONT_MATTER}\n## Action Items\n\n| Priority | Action | Owner | Due |\n|---|---|---|---|\n| P1 | Alert | SRE | 04/05/2025 |\n`,
      'team.yml': 'lint:\n  rules:\n    required-field: warn\n    date: off\n',
    });
    const env = { SCRIBE_CONFIG: join(root, 'team.yml') };

    const lint = await runScribe(['rca', 'lint', 'RCAs', '--format', 'json'], { cwd: root, env });
    const parse = await runScribe(['rca', 'parse', 'RCAs/a.md', '--json'], { cwd: root, env });

    const lintProblems = (JSON.parse(lint.stdout) as { problems: Problem[] }[])[0]!.problems;
    const parseProblems = (JSON.parse(parse.stdout) as { problems: Problem[] }).problems;
    expect(new Set(lintProblems.map((p) => `${p.rule} ${p.severity}`))).toEqual(
      new Set(['required-field warning', 'due-date error']),
    );
    expect(parseProblems.map((p) => [p.line, p.rule, p.severity])).toEqual([[10, 'due-date', 'error']]);
    expect(lintProblems).toContainEqual(parseProblems[0]);
    expect([lint.code, parse.code]).toEqual([1, 1]);
  });

  it('names a rule in lint.rules that does not exist, with the nearest one', async () => {
    const root = repository({
      'RCAs/a.md': WITH_FRONT_MATTER,
      'team.yml': 'lint:\n  rules:\n    timline-order: warn\n',
    });

    const result = await runScribe(['rca', 'lint', 'RCAs'], { cwd: root, env: { SCRIBE_CONFIG: 'team.yml' } });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lint.rules.timline-order: no such rule; did you mean "timeline-order"?');
  });
});

describe('scribe rca lint: where a front-matter problem is', () => {
  it('points at the line of the field, and at the YAML parser’s own line with its whole message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scribe-lint-lines-'));
    writeFileSync(
      join(dir, 'types.md'),
      '---\ntitle: Outage\nservices: checkout\nseverity: SEV9\ndate: 2025-02-30\n---\n# X\n',
    );
    writeFileSync(join(dir, 'yaml.md'), '---\ntitle: Outage\ndate: 2025-01-02\ntags: [a, b\nseverity: P1\n---\n# X\n');

    const result = await runScribe(['rca', 'lint', join(dir, 'types.md'), join(dir, 'yaml.md'), '--format', 'json']);

    const [types, yaml] = JSON.parse(result.stdout) as { problems: Problem[] }[];
    expect(types!.problems.map((p) => [p.line, p.rule])).toEqual([
      [3, 'front-matter'],
      [4, 'severity'],
      [5, 'date'],
    ]);
    expect(yaml!.problems).toEqual([
      {
        line: 5,
        column: 1,
        severity: 'error',
        message:
          'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 5, column 1',
        rule: 'front-matter',
      },
    ]);
  });
});
