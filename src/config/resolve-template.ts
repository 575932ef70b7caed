import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

/** The template path from config: absolute, relative to the working directory, or the bundled one. */
export function resolveTemplate(path: string): string {
  if (isAbsolute(path)) return path;
  const local = resolve(path);
  return existsSync(local) ? local : join(PROJECT_ROOT, path);
}
