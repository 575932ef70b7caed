import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#config/load-config.ts';

export const RCA_TEMPLATE = readFileSync(join(PROJECT_ROOT, 'templates/rca.md'), 'utf8');
/** Other teams' postmortems and the seed vault, copied into the repository (see its SOURCES.md). */
export const CORPUS = join(PROJECT_ROOT, 'test/fixtures/corpus/rca');
export const VAULT_RCAS = join(CORPUS, 'obsidian-vault/RCAs');
