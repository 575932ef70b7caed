import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RcaFileInfo } from '#src/ports.ts';
import type { ScanSource } from '#use-cases/scan-rca-files.ts';
import { readBlobs } from './read-blobs.ts';
import { readWorkingTreeFiles } from './read-working-tree-files.ts';

const run = promisify(execFile);

/**
 * How a scan reads the files git lists: `working-tree` reads the checked-out files (the default: in
 * the reminder-scan bench it reads 10,000 RCAs several times faster than git can hand them over);
 * `blobs` asks git for the blob the index names, one `git cat-file --batch` for them all, so the text
 * always matches the blob id it is cached under even while someone edits the checkout.
 */
export type BlobReading = 'blobs' | 'working-tree';

/** The markdown files of a git checkout, listed from its index with their blob ids. */
export class GitBlobSource implements ScanSource {
  constructor(
    private readonly dir: string,
    private readonly reading: BlobReading = 'working-tree',
  ) {}

  async listFiles(dirs: string[]): Promise<RcaFileInfo[]> {
    let out: string;
    try {
      ({ stdout: out } = await run('git', ['ls-files', '-s', '-z', '--', ...dirs], {
        cwd: this.dir,
        maxBuffer: 1024 * 1024 * 1024,
      }));
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
      throw new Error(
        `Could not list the RCA files in ${this.dir} with git ls-files (${detail}); check that it is a git repository the bot can read.`,
        { cause: error },
      );
    }
    const files: RcaFileInfo[] = [];
    for (const line of out.split('\0')) {
      const tab = line.indexOf('\t');
      const path = line.slice(tab + 1);
      // `<mode> <blob> <stage>\t<path>`; a conflicted path is listed once per stage, and stage 0 is the merged one.
      if (tab < 0 || !path.toLowerCase().endsWith('.md') || line[tab - 1] !== '0') continue;
      files.push({ path, blob: line.split(' ')[1] ?? '' });
    }
    return files;
  }

  async *readFiles(files: RcaFileInfo[]): AsyncGenerator<{ path: string; text: string }> {
    if (this.reading === 'working-tree') {
      yield* readWorkingTreeFiles(this.dir, files);
      return;
    }
    const paths = new Map<string, string[]>();
    for (const file of files) paths.set(file.blob, [...(paths.get(file.blob) ?? []), file.path]);
    for await (const { oid, text } of readBlobs(this.dir, [...paths.keys()]))
      for (const path of paths.get(oid) ?? []) yield { path, text };
  }
}
