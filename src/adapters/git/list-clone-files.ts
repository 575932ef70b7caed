import type { RcaFileInfo } from '#src/ports.ts';
import type { Git } from './run-git.ts';

/** The markdown files under `dirs` in the index, each with its blob id (`git ls-files -s`). */
export async function listMarkdownFiles(git: Git, dirs: string[]): Promise<RcaFileInfo[]> {
  const out = await git(['ls-files', '-s', '-z', '--', ...dirs]);
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      return { path, blob: meta.split(' ')[1] ?? '' };
    })
    .filter((f) => f.path.toLowerCase().endsWith('.md'));
}

/** The paths that differ between two commits; null when either is unknown (say, after a force-push). */
export async function changedPaths(git: Git, from: string, to: string): Promise<string[] | null> {
  try {
    const out = await git(['diff', '--name-only', '-z', `${from}..${to}`]);
    return out.split('\0').filter(Boolean);
  } catch {
    return null;
  }
}
