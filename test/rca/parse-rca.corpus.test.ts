import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';
import { CORPUS, VAULT_RCAS } from '../helpers/template.ts';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

const corpusFiles = allFiles(CORPUS);
const vaultFiles = readdirSync(VAULT_RCAS).map((name) => join(VAULT_RCAS, name));

describe('the RCA corpus', () => {
  it('holds the files these tests expect to read', () => {
    expect(corpusFiles.length).toBeGreaterThan(100);
    expect(vaultFiles.length).toBe(57);
  });

  it.each(corpusFiles.map((f) => [f.slice(CORPUS.length + 1), f]))('parses %s without throwing', (_name, file) => {
    const source = readFileSync(file, 'utf8');

    const parsed = parseRca(source);
    const scanned = scanActionItems(source);

    expect(Array.isArray(parsed.sections)).toBe(true);
    expect(scanned.actionItems).toEqual(parsed.actionItems);
  });
});

/** Reads the vault's Action Items rows straight from the file, the simplest way that works for this format. */
function expectedVaultItems(source: string) {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.trim() === '## Action Items');
  const rows: { priority: string; action: string; owner: string; due: string; line: number }[] = [];
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i += 1) {
    const m = /^\| (P\d) \| (.+?) \| (.+?) \| (\d{4}-\d{2}-\d{2}) \|$/.exec(lines[i]!);
    if (m) rows.push({ priority: m[1]!, action: m[2]!, owner: m[3]!, due: m[4]!, line: i + 1 });
  }
  return rows;
}

describe('the vault RCAs', () => {
  it.each(vaultFiles.map((f) => [f.split('/').pop(), f]))('%s: every action item row comes out right', (_n, file) => {
    const source = readFileSync(file, 'utf8');
    const expected = expectedVaultItems(source);

    const parsed = parseRca(source);

    expect(expected.length).toBeGreaterThan(0);
    expect(parsed.actionItems).toEqual(expected.map((row) => ({ ...row, done: false })));
    expect(parsed.timeline.length).toBeGreaterThan(0);
    expect(parsed.frontMatter['date']).toBe(/^date: (\S+)$/m.exec(source)![1]);
    expect(parsed.problems).toEqual([]);
  });
});
