import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionItemsHeadingMatcher } from '#rca/action-item-headings.ts';
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

/**
 * The items of a file's action-item sections, counted the plain way: a list line at the left margin
 * (bullet or number, with text) or a row with something in it of a table with an action column, outside code fences and HTML
 * comments, under a heading that names the section and before the next heading of its level or higher.
 */
function countedItems(source: string): { sections: number; items: number } {
  const isActionItems = actionItemsHeadingMatcher();
  const lines = source.split('\n');
  let sections = 0;
  let items = 0;
  let inSection: number | null = null;
  let hidden = false;
  let tableRow = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^(?:```|~~~|<!--)/.test(line) || (hidden && /^(?:```|~~~)|-->/.test(line))) {
      hidden = !hidden && !/-->/.test(line.slice(4));
      continue;
    }
    if (hidden) continue;
    const atx = /^(#{1,6})\s+(.*)$/.exec(line);
    const setext = /^(=+|-+)\s*$/.exec(lines[i + 1] ?? '') && line.trim() !== '' && !/^[-*|]/.test(line);
    const heading = atx
      ? { depth: atx[1]!.length, text: atx[2]! }
      : setext
        ? { depth: lines[i + 1]!.startsWith('=') ? 1 : 2, text: line }
        : null;
    if (heading) {
      if (inSection === null || heading.depth <= inSection) {
        const named = isActionItems(heading.text) && !/^#\s/.test(line);
        inSection = named ? heading.depth : null;
        if (named) sections += 1;
      }
      if (setext) i += 1;
      continue;
    }
    if (inSection === null) continue;
    if (/^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/.test(line) && !/^ {0,3}(?:[-*_][ \t]*){3,}$/.test(line)) items += 1;
    if (/^\|.*\|\s*$/.test(line)) {
      const delimiter = /^\|[\s:|-]+\|\s*$/.test(line);
      if (tableRow && !delimiter && line.split('|').some((cell) => cell.trim() !== '')) items += 1;
      // Rows count under a header that names the action: `| Action Item | Who | … |`.
      tableRow = tableRow || (delimiter && /\|\s*(?:action(?: item)?|task|item)\s*\|/i.test(lines[i - 1] ?? ''));
    } else tableRow = false;
  }
  return { sections, items };
}

describe('every corpus file with an action-item section', () => {
  const withSection = corpusFiles
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f.slice(CORPUS.length + 1), f] as const)
    .filter(([, f]) => countedItems(readFileSync(f, 'utf8')).sections > 0);

  it('is most of the files that teams wrote', () => {
    expect(withSection.length).toBeGreaterThan(60);
  });

  it.each(withSection)('%s yields its items', (_name, file) => {
    const source = readFileSync(file, 'utf8');

    const parsed = parseRca(source);

    expect(parsed.actionItems.length).toBe(countedItems(source).items);
    expect(scanActionItems(source).actionItems).toEqual(parsed.actionItems);
  });

  it('reads the bullet lists of other teams as written, with nothing guessed', () => {
    const read = (name: string) => parseRca(readFileSync(join(CORPUS, 'other-formats', name), 'utf8')).actionItems;

    expect(read('dfds-postmortems/PM2022-006 - ALB 502 errors.md')).toEqual(
      [
        'Better monitoring of namespaces.',
        'Better monitoring of OOM in pods.',
        'Better governance of excluded namespaces.',
        'Automate the limitranges for namespaces.',
      ].map((action, n) => ({ priority: null, action, owner: null, due: null, done: false, line: 33 + n })),
    );
    expect(read('dfds-postmortems/PM2021-011 - Log4Shell.md').map((i) => i.action)).toEqual([
      'Teach the teams how to scan and secure their infrastructure and artifacts (Docker images etc)',
      'Teach the Product Owners about how to look up the CVEs',
      'Figure out how to monitor the critical CVEs',
      'Automatic process to detect CVE in products and be notified when the CVE database is updated',
      'Setup an automated inventory system for AWS resources (for example <https://github.com/darkbitio/aws-recon>)',
      'Create a process for identifying the missing capability owners.',
    ]);
    expect(
      read('posthog-post-mortems/2025-09-29-flags-is-down.md').map((i) => [i.line, i.action.slice(0, 40)]),
    ).toEqual([
      [63, 'Database connection timeouts moved to ru'],
      [64, 'Timeout values increased to accommodate '],
      [68, '**Read/write path separation**: Implemen'],
      [70, '**Circuit breaker implementation**: Addi'],
      [72, '**Health check optimization**: Configuri'],
      [74, '**Rollback procedure documentation**: Cr'],
      [78, 'Development of specialized tooling for r'],
      [79, 'Comprehensive load testing to validate c'],
      [80, 'Quarterly incident response drills to en'],
    ]);
  });
});
