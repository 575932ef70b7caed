import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ENV_VARS } from '#config/env-vars.ts';
import { PROJECT_ROOT } from '#config/load-config.ts';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const VARIABLES = [...Object.keys(ENV_VARS), 'SCRIBE_CONFIG'].sort();

it("lists in the README's table every variable the settings read, with the setting each one sets", () => {
  const section = read('README.md').split('## Configuration')[1]!.split('\n## ')[0]!;
  const rows = [...section.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \|([^|]*)\|/gm)];
  const table = new Map(
    rows.flatMap(([, names, setting]) => [...names!.matchAll(/`([A-Z_]+)`/g)].map((m) => [m[1]!, setting!.trim()])),
  );

  expect([...table.keys()].sort()).toEqual(VARIABLES);
  for (const [name, variable] of Object.entries(ENV_VARS)) {
    const [where, ...keys] = variable.path;
    expect(table.get(name), name).toBe(where === 'secrets' ? 'secret' : `\`${keys.join('.')}\``);
  }
});

it('names every variable in .env.example, and each config variable beside its key in config/default.yml', () => {
  const example = [...read('.env.example').matchAll(/^#? ?([A-Z_]+)=/gm)].map((m) => m[1]!);
  const defaults = [...read('config/default.yml').matchAll(/Env: ([A-Z_]+)/g)].map((m) => m[1]!);

  expect([...new Set(example)].sort()).toEqual(VARIABLES);
  expect(defaults.sort()).toEqual(
    Object.entries(ENV_VARS)
      .filter(([, v]) => v.path[0] === 'config')
      .map(([name]) => name)
      .sort(),
  );
});
