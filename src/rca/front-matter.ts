import matter from 'gray-matter';
import YAML from 'yaml';
import { z } from 'zod';
import type { Problem } from './rca-document.ts';

/** `date`: YYYY-MM-DD, optionally with a time of day and a zone after it. */
export const DATE_OR_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The seed's front-matter fields; unknown keys pass through untouched. */
export const FrontMatter = z
  .object({
    title: z.string().min(1),
    // A day, or a timestamp as Jekyll, Hugo and many exporters write it (`2025-04-07T14:02:00Z`).
    date: z.string().regex(DATE_OR_TIMESTAMP, 'expected a date like 2025-04-07'),
    severity: z.string().min(1),
    services: z.array(z.string()),
    tags: z.array(z.string()),
    status: z.string().min(1),
    duration_minutes: z.number().int().nonnegative(),
    author: z.string().min(1),
  })
  .partial()
  .passthrough();
export type FrontMatter = z.infer<typeof FrontMatter>;

export const REQUIRED_FIELDS = ['title', 'date', 'severity', 'services', 'tags', 'status', 'author'] as const;

export interface FrontMatterResult {
  data: Record<string, unknown>;
  /** The markdown after the front matter, with the front matter's lines blanked so line numbers hold. */
  body: string;
  present: boolean;
  problems: Problem[];
  /** The line each top-level field is written on, so a problem with a field points at it. */
  fieldLines?: Record<string, number>;
}

/**
 * gray-matter with the `yaml` package in its core schema: `date: 2025-04-07` stays the string it is
 * (js-yaml would make it a UTC-midnight Date that shifts a day west of Greenwich), and passing options
 * turns off gray-matter's unbounded cache of every string it has parsed.
 */
const OPTIONS = {
  engines: {
    yaml: (text: string) =>
      (YAML.parse(text, { schema: 'core', uniqueKeys: false, logLevel: 'error' }) ?? {}) as object,
  },
};

export function readFrontMatter(source: string): FrontMatterResult {
  const problems: Problem[] = [];
  if (!/^---[ \t]*\n/.test(source)) return { data: {}, body: source, present: false, problems, fieldLines: {} };
  const fieldLines = readFieldLines(source);
  let parsed: { data: Record<string, unknown>; content: string; matter?: string };
  try {
    parsed = matter(source, OPTIONS) as typeof parsed;
  } catch (error) {
    const { line, column } = yamlErrorPosition(error);
    problems.push({
      line,
      column,
      severity: 'error',
      message: `Front matter is not valid YAML: ${yamlMessage(error)}`,
      rule: 'front-matter',
    });
    const end = source.indexOf('\n---', 3);
    const bodyStart = end === -1 ? 0 : source.indexOf('\n', end + 1) + 1;
    return { data: {}, body: blankLines(source, bodyStart), present: true, problems, fieldLines };
  }
  const data = isRecord(parsed.data) ? { ...parsed.data } : {};
  const bodyStart = source.length - parsed.content.length;
  return { data: normalizeDates(data), body: blankLines(source, bodyStart), present: true, problems, fieldLines };
}

/** Checks the known fields' types; a missing field is the linter's business, not the parser's. */
export function checkFrontMatter(data: Record<string, unknown>, fieldLines: Record<string, number> = {}): Problem[] {
  const result = FrontMatter.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    line: fieldLines[String(issue.path[0])] ?? 1,
    column: 1,
    severity: 'error' as const,
    message: `Front matter ${issue.path.join('.')}: ${issue.message}`,
    rule: 'front-matter',
  }));
}

function normalizeDates(data: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof Date) data[key] = value.toISOString().slice(0, 10);
  }
  return data;
}

function blankLines(source: string, bodyStart: number): string {
  const head = source.slice(0, bodyStart);
  return head.replace(/[^\n]/g, '') + source.slice(bodyStart);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * gray-matter hands YAML the text from the end of the opening `---`, so the parser's line numbers are
 * the file's own, in its position and in its message.
 */
function yamlErrorPosition(error: unknown): { line: number; column: number } {
  const linePos = (error as { linePos?: [{ line: number; col: number }] }).linePos;
  return linePos?.[0] ? { line: linePos[0].line, column: linePos[0].col } : { line: 1, column: 1 };
}

/** The parser's whole message, without the excerpt it appends after a blank line (the line points there). */
function yamlMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split(/\n\s*\n/)[0]!
    .replace(/:\s*$/, '')
    .replace(/\s*\n\s*/g, ' ');
}

/** Top-level `key:` lines of the front matter (the lines after the opening `---`, up to the closing one). */
function readFieldLines(source: string): Record<string, number> {
  const lines: Record<string, number> = {};
  const all = source.split('\n');
  for (let i = 1; i < all.length && !/^(---|\.\.\.)[ \t]*$/.test(all[i]!); i += 1) {
    const key = /^(["']?)([^\s#:"'][^:]*?)\1[ \t]*:(?:\s|$)/.exec(all[i]!)?.[2];
    if (key !== undefined && lines[key] === undefined) lines[key] = i + 1;
  }
  return lines;
}

/** The lines with a front-matter block, if any, turned into blank lines, so the walker does not read it as markdown. */
export function blankFrontMatter(lines: string[]): string[] {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return lines;
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
  return end === -1 ? lines : lines.map((line, i) => (i <= end ? '' : line));
}
