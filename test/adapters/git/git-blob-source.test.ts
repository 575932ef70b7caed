import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitBlobSource } from '#adapters/git/git-blob-source.ts';
import type { RcaFileInfo } from '#src/ports.ts';
import { git, tempDir } from '../../helpers/git-repos.ts';
import { repoWith } from '../../helpers/rca-files.ts';

const readAll = async (source: GitBlobSource, files: RcaFileInfo[]) => {
  const out: Record<string, string> = {};
  for await (const { path, text } of source.readFiles(files)) out[path] = text;
  return out;
};

describe('GitBlobSource', () => {
  it('lists the markdown files under the given folders with the blob ids git holds', async () => {
    const dir = repoWith({
      'RCAs/2025-01-01-a.md': '# A\n',
      'RCAs/nested/2025-01-02-b.MD': '# B\n',
      'RCAs/notes.txt': 'not markdown',
      'README.md': '# elsewhere\n',
    });

    const files = await new GitBlobSource(dir).listFiles(['RCAs']);

    expect(files).toEqual([
      { path: 'RCAs/2025-01-01-a.md', blob: git(dir, 'rev-parse', 'HEAD:RCAs/2025-01-01-a.md').trim() },
      { path: 'RCAs/nested/2025-01-02-b.MD', blob: git(dir, 'rev-parse', 'HEAD:RCAs/nested/2025-01-02-b.MD').trim() },
    ]);
  });

  it('reads the text at each blob; both ways of reading agree on a clean checkout', async () => {
    const dir = repoWith({ 'RCAs/a.md': '# A ✅\n', 'RCAs/b.md': '# B\n', 'RCAs/same.md': '# A ✅\n' });
    const files = await new GitBlobSource(dir).listFiles(['RCAs']);

    const blobs = await readAll(new GitBlobSource(dir, 'blobs'), files);
    const tree = await readAll(new GitBlobSource(dir, 'working-tree'), files);

    expect(blobs).toEqual({ 'RCAs/a.md': '# A ✅\n', 'RCAs/b.md': '# B\n', 'RCAs/same.md': '# A ✅\n' });
    expect(tree).toEqual(blobs);
  });

  it('reads blobs as committed, not an edit in progress in the working tree', async () => {
    const dir = repoWith({ 'RCAs/a.md': '# Committed\n' });
    const files = await new GitBlobSource(dir).listFiles(['RCAs']);
    writeFileSync(join(dir, 'RCAs/a.md'), '# Half-written');

    const blobs = await readAll(new GitBlobSource(dir, 'blobs'), files);

    expect(blobs).toEqual({ 'RCAs/a.md': '# Committed\n' });
  });

  it('says what to check when the folder is not a git repository', async () => {
    await expect(new GitBlobSource(tempDir()).listFiles(['RCAs'])).rejects.toThrow(
      /Could not list the RCA files in .*not a git repository.*check that it is a git repository/,
    );
  });
});
