import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describeFound } from './expected.ts';

export type Layer = Record<string, unknown>;

/**
 * One YAML file of settings, or the problem with it, named after `label` (the variable that points to
 * it, or the file). A key with nothing after it (`owners:`) keeps the default rather than erasing it.
 */
export function readYamlLayer(path: string, label: string): { layer: Layer; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const what = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    return { layer: {}, problem: `${label}: cannot read ${path} (${what}); point it at your team's YAML file` };
  }
  const document = YAML.parseDocument(text);
  const error = document.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `${path}:${at.line}:${at.col}` : path;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { layer: {}, problem: `${label}: ${where}: not valid YAML (${message})` };
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return { layer: {}, problem: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      layer: {},
      problem: `${label}: ${path}: expected a map of settings such as "incident:" and "rca:", found ${describeFound(value)}`,
    };
  }
  return { layer: withoutNulls(value as Layer), problem: null };
}

function withoutNulls(layer: Layer): Layer {
  const out: Layer = {};
  for (const [key, value] of Object.entries(layer)) {
    if (value === null) continue;
    out[key] = typeof value === 'object' && !Array.isArray(value) ? withoutNulls(value as Layer) : value;
  }
  return out;
}
