import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';

const dir = join(PROJECT_ROOT, 'test/fixtures/corpus/rca/obsidian-vault/RCAs');
const sources = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));

function measure(name: string, fn: (source: string) => unknown, rounds: number): void {
  for (const source of sources) fn(source);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) for (const source of sources) fn(source);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const docs = rounds * sources.length;
  console.log(
    `${name.padEnd(34)} ${Math.round(docs / seconds)
      .toString()
      .padStart(7)} docs/s  (${docs} docs in ${seconds.toFixed(2)} s)`,
  );
}

console.log(`vault: ${sources.length} RCAs`);
measure('parseRca (gray-matter + unified)', parseRca, 10);
measure('scanActionItems (fast path)', scanActionItems, 50);
