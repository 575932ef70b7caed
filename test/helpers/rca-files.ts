import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, tempDir } from './git-repos.ts';

/** A small RCA with one action item per entry of `actions`, due on the given days. */
export function rcaWithActions(title: string, actions: [action: string, owner: string, due: string][]): string {
  const rows = actions.map(([action, owner, due]) => `| P1 | ${action} | ${owner} | ${due} |`);
  return `---\ntitle: "${title}"\ndate: 2025-04-01\n---\n\n# ${title}\n\n## Summary\n\nIt broke.\n\n## Action Items\n\n| Priority | Action | Owner | Due |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A working repository (not bare) with one commit holding the given files. */
export function repoWith(files: Record<string, string>): string {
  const dir = tempDir('scribe-scan-');
  git(dir, 'init', '-q', '--initial-branch', 'main');
  writeFiles(dir, files);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'seed');
  return dir;
}
