import { type LintOptions, lintRca } from './lint-rca.ts';
import { parseRca } from './parse-rca.ts';
import { applyRuleSeverities } from './rule-severities.ts';
import type { Problem } from './rca-document.ts';

export interface LintInput {
  path: string;
  source: string | null;
  readError?: string;
}

export interface LintReport {
  path: string;
  problems: Problem[];
}

/**
 * Lints a set of RCA files together: each file's own rules, then the rules across files (two files for
 * the same incident, wiki links to notes that do not exist). `knownNotes` are the note names a wiki
 * link may point to (file names without `.md`).
 */
export function lintFiles(inputs: LintInput[], options: LintOptions, knownNotes: Set<string>): LintReport[] {
  const byIncident = new Map<string, string>();
  return inputs.map((input) => {
    if (input.source === null) {
      return {
        path: input.path,
        problems: [
          {
            line: 1,
            column: 1,
            severity: 'error',
            message: `Cannot lint this file: ${input.readError ?? 'unknown error'}`,
            rule: 'read',
          },
        ],
      };
    }
    const rca = parseRca(input.source);
    const problems = lintRca(rca, options);
    const key = incidentKey(rca.frontMatter);
    if (key !== null) {
      const first = byIncident.get(key);
      if (first !== undefined) {
        problems.push({
          line: 1,
          column: 1,
          severity: 'error',
          message: `Same incident as ${first} (same date and title); merge the two files or retitle one`,
          rule: 'duplicate-incident',
        });
      } else byIncident.set(key, input.path);
    }
    for (const link of rca.links) {
      if (link.kind === 'wiki' && !knownNotes.has(noteName(link.target))) {
        problems.push({
          line: link.line,
          column: 1,
          severity: 'warning',
          message: `Wiki link [[${link.target}]] points to no note in this repository`,
          rule: 'dangling-link',
        });
      }
    }
    return {
      path: input.path,
      problems: applyRuleSeverities(problems, options.rules).sort((a, b) => a.line - b.line || a.column - b.column),
    };
  });
}

function incidentKey(frontMatter: Record<string, unknown>): string | null {
  const { title, date } = frontMatter;
  if (typeof title !== 'string') return null;
  return `${typeof date === 'string' ? date : ''}|${title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

export function noteName(pathOrTarget: string): string {
  const base = pathOrTarget.split('/').pop() ?? pathOrTarget;
  return base.replace(/\.md$/i, '').trim().toLowerCase();
}
