import { readFile } from 'node:fs/promises';
import { parseRca } from '#rca/parse-rca.ts';
import type { Command } from './command.ts';

export const rcaParse: Command = {
  summary: 'Parse an RCA file and print what it holds',
  usage: '<file> [--json]',
  options: { json: { type: 'boolean', description: 'Print the parse result as JSON' } },
  async run(values, positionals) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      console.error('scribe rca parse: give exactly one file, e.g. `scribe rca parse RCAs/2025-04-07-cache.md`');
      return 2;
    }
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      console.error(
        `scribe rca parse: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return 1;
    }
    const rca = parseRca(source);
    if (values['json']) {
      console.log(JSON.stringify(rca, null, 2));
      return 0;
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
    for (const p of rca.problems)
      console.log(`  ${file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  ${p.rule}`);
    return 0;
  },
};
