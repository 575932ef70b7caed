import { describe, expect, it } from 'vitest';
import { readBlobs } from '#adapters/git/read-blobs.ts';
import { git } from '../../helpers/git-repos.ts';
import { repoWith } from '../../helpers/rca-files.ts';

const collect = async (dir: string, oids: string[]) => {
  const out: { oid: string; text: string }[] = [];
  for await (const blob of readBlobs(dir, oids)) out.push(blob);
  return out;
};

describe('readBlobs', () => {
  const files = {
    'a.md': '# Ünïcode ✅ and a table | with | pipes |\n',
    'b.md': '',
    'c.md': 'no newline at the end',
    'd.md': '\n\n\nlines\n\n',
  };
  const dir = repoWith(files);
  const oid = (path: string) => git(dir, 'rev-parse', `HEAD:${path}`).trim();

  it('gives back each blob exactly, in the order asked, from one git process', async () => {
    const paths = ['d.md', 'a.md', 'c.md', 'b.md'];

    const blobs = await collect(dir, paths.map(oid));

    expect(blobs).toEqual(paths.map((path) => ({ oid: oid(path), text: files[path as keyof typeof files] })));
  });

  it('leaves out an id the repository does not hold', async () => {
    const missing = '0123456789012345678901234567890123456789';

    const blobs = await collect(dir, [missing, oid('a.md')]);

    expect(blobs.map((b) => b.oid)).toEqual([oid('a.md')]);
  });

  it('reads hundreds of blobs, many larger than a pipe buffer', async () => {
    const contents = Array.from({ length: 300 }, (_, i) => `${i}\n${'x'.repeat(i * 300)}`);
    const many = repoWith(Object.fromEntries(contents.map((text, i) => [`f${i}.md`, text])));
    const oids = contents.map((_, i) => git(many, 'rev-parse', `HEAD:f${i}.md`).trim());

    const blobs = await collect(many, oids);

    expect(blobs.map((b) => b.text)).toEqual(contents);
  });

  it('says what to check when the folder is not a git repository', async () => {
    await expect(collect('/', ['0123456789012345678901234567890123456789'])).rejects.toThrow(/git repository/);
  });
});
