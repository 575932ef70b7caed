import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectorySource } from '#adapters/git/directory-source.ts';
import { tempDir } from '../../helpers/git-repos.ts';
import { writeFiles } from '../../helpers/rca-files.ts';

describe('DirectorySource', () => {
  it('lists the markdown under the configured folders, skipping hidden folders and node_modules', async () => {
    const dir = tempDir('scribe-dir-');
    writeFiles(dir, {
      'RCAs/b.md': '# B\n',
      'RCAs/2025/a.md': '# A\n',
      'RCAs/.trash/old.md': '# gone\n',
      'RCAs/node_modules/x.md': '# dependency\n',
      'RCAs/image.png': 'png',
      'Other/c.md': '# C\n',
    });

    const files = await new DirectorySource(dir).listFiles(['RCAs', 'Missing']);

    expect(files.map((f) => f.path)).toEqual(['RCAs/2025/a.md', 'RCAs/b.md']);
  });

  it('lists nothing when none of the configured folders exists, as git ls-files lists nothing, and all with .', async () => {
    const dir = tempDir('scribe-dir-');
    writeFiles(dir, { 'x.md': '# X\n', 'sub/y.md': '# Y\n' });

    const none = await new DirectorySource(dir).listFiles(['RCAs']);
    const all = await new DirectorySource(dir).listFiles(['.']);

    expect(none).toEqual([]);
    expect(all.map((f) => f.path)).toEqual(['sub/y.md', 'x.md']);
  });

  it('gives a file a new blob key when it changes, and reads its text', async () => {
    const dir = tempDir('scribe-dir-');
    writeFiles(dir, { 'RCAs/a.md': '# A\n' });
    const source = new DirectorySource(dir);
    const [before] = await source.listFiles(['RCAs']);
    writeFiles(dir, { 'RCAs/a.md': '# A, edited\n' });
    utimesSync(join(dir, 'RCAs/a.md'), new Date('2030-01-01'), new Date('2030-01-01'));

    const [after] = await source.listFiles(['RCAs']);
    const read: string[] = [];
    for await (const { text } of source.readFiles([after!, { path: 'RCAs/deleted.md', blob: 'x' }])) read.push(text);

    expect(after!.blob).not.toBe(before!.blob);
    expect(read).toEqual(['# A, edited\n']);
  });
});
