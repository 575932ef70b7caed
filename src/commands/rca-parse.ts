import { parseRca } from '#rca/parse-rca.ts';
import { applyRuleSeverities } from '#rca/rule-severities.ts';
import { loadLintOptions } from './load-lint-options.ts';
import { readTextFile } from './read-text-file.ts';

/** `scribe rca parse <file> [--json]`: what the file holds; exit 1 if it reports an error. */
export async function rcaParse(file: string, options: { json?: boolean }): Promise<number> {
  const lint = loadLintOptions();
  if (!lint.ok) {
    console.error(`scribe rca parse: the configuration has problems:\n  ${lint.errors.join('\n  ')}`);
    return 1;
  }
  const read = await readTextFile(file);
  if (!read.ok) {
    console.error(`scribe rca parse: cannot read ${file}: ${read.problem}`);
    return 1;
  }
  const parsed = parseRca(read.source);
  const rca = { ...parsed, problems: applyRuleSeverities(parsed.problems, lint.options.rules) };
  const failed = rca.problems.some((p) => p.severity === 'error');
  if (options.json) {
    console.log(JSON.stringify(rca, null, 2));
    return failed ? 1 : 0;
  }
  console.log(`${rca.title ?? '(no title)'}`);
  console.log(`  sections: ${rca.sections.map((s) => s.heading).join(', ')}`);
  console.log(`  timeline: ${rca.timeline.length} entries`);
  for (const t of rca.timeline) console.log(`    ${t.time}  ${t.event}`);
  console.log(`  action items: ${rca.actionItems.length}`);
  for (const a of rca.actionItems) {
    console.log(
      `    [${a.done ? 'x' : ' '}] ${a.priority ?? '--'} ${a.action} (${a.owner ?? 'no owner'}, due ${a.due ?? 'not set'})`,
    );
  }
  for (const p of rca.problems) console.log(`  ${file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  ${p.rule}`);
  return failed ? 1 : 0;
}
