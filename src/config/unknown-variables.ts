import { didYouMean } from './did-you-mean.ts';
import { ENV_VARS } from './env-vars.ts';

const KNOWN = [...Object.keys(ENV_VARS), 'SCRIBE_CONFIG'];

/**
 * Variables that look like ours but are not (`SCRIBE_DATADIR`): a warning naming the one meant. Only
 * close misspellings are named, since the environment holds other programs' variables too.
 */
export function unknownVariables(env: Record<string, string | undefined>): string[] {
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!/^(SCRIBE|SLACK|RCA|DATABASE)_/.test(name) || KNOWN.includes(name) || !value) continue;
    const meant = didYouMean(name, KNOWN);
    if (meant) warnings.push(`${name} is not a setting and is ignored; did you mean ${meant}?`);
  }
  return warnings;
}
