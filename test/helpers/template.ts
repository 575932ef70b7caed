import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#config/load-config.ts';

export const RCA_TEMPLATE = readFileSync(join(PROJECT_ROOT, 'templates/rca.md'), 'utf8');
export const CORPUS = join(PROJECT_ROOT, '../shared/corpus/rca');
export const VAULT_RCAS = join(CORPUS, 'obsidian-vault/RCAs');
