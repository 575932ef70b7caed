import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScribe } from './helpers/run-scribe.ts';
import { VAULT_RCAS } from './helpers/template.ts';

describe('scribe', () => {
  it('lists its commands with --help', async () => {
    const result = await runScribe(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rca parse');
    expect(result.stdout).toContain('rca lint');
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
