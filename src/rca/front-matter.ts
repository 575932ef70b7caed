import matter from 'gray-matter';
import YAML from 'yaml';
import { z } from 'zod';
import type { Problem } from './rca-document.ts';

/** The seed's front-matter fields; unknown keys pass through untouched. */
export const FrontMatter = z
  .object({
    title: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2025-04-07'),
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
  if (!/^---[ \t]*\n/.test(source)) return { data: {}, body: source, present: false, problems };
  let parsed: { data: Record<string, unknown>; content: string; matter?: string };
  try {
    parsed = matter(source, OPTIONS) as typeof parsed;
  } catch (error) {
    const line = yamlErrorLine(error);
    problems.push({
      line,
      column: 1,
      severity: 'error',
      message: `Front matter is not valid YAML: ${firstLine(error)}`,
      rule: 'front-matter',
    });
    const end = source.indexOf('\n---', 3);
    const bodyStart = end === -1 ? 0 : source.indexOf('\n', end + 1) + 1;
    return { data: {}, body: blankLines(source, bodyStart), present: true, problems };
  }
  const data = isRecord(parsed.data) ? { ...parsed.data } : {};
  const bodyStart = source.length - parsed.content.length;
  return { data: normalizeDates(data), body: blankLines(source, bodyStart), present: true, problems };
}

/** Checks the known fields' types; a missing field is the linter's business, not the parser's. */
export function checkFrontMatter(data: Record<string, unknown>): Problem[] {
  const result = FrontMatter.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    line: 1,
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

function yamlErrorLine(error: unknown): number {
  const linePos = (error as { linePos?: [{ line: number }] }).linePos;
  return linePos?.[0] ? linePos[0].line + 1 : 1;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** The lines with a front-matter block, if any, turned into blank lines, so the walker does not read it as markdown. */
export function blankFrontMatter(lines: string[]): string[] {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return lines;
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
  return end === -1 ? lines : lines.map((line, i) => (i <= end ? '' : line));
}
