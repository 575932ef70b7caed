import { spawn } from 'node:child_process';

/**
 * The contents of many blobs through one `git cat-file --batch`: one process for the whole scan
 * instead of one per file, with every id written at once and the answers read as they stream back.
 * Yields in request order; a blob the repository does not hold is left out.
 */
export async function* readBlobs(dir: string, oids: string[]): AsyncGenerator<{ oid: string; text: string }> {
  if (oids.length === 0) return;
  const git = spawn('git', ['cat-file', '--batch', '--buffer'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  git.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    git.once('error', reject);
    git.once('close', resolve);
  });
  // Read below once the output is done; a consumer that stops early never awaits it.
  exited.catch(() => undefined);
  // A failed spawn also errors stdin; the exit promise reports it with the fix.
  git.stdin.on('error', () => undefined);
  git.stdin.end(`${oids.join('\n')}\n`);

  let pending: Buffer = Buffer.alloc(0);
  let done = false;
  try {
    for await (const chunk of git.stdout as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let at = 0;
      for (;;) {
        const eol = pending.indexOf(10, at);
        if (eol < 0) break;
        const header = pending.toString('latin1', at, eol).split(' ');
        if (header[1] === 'missing' || header.length < 3) {
          at = eol + 1;
          continue;
        }
        const size = Number(header[2]);
        const end = eol + 1 + size;
        // The contents and the newline git puts after them.
        if (pending.length < end + 1) break;
        yield { oid: header[0] ?? '', text: pending.toString('utf8', eol + 1, end) };
        at = end + 1;
      }
      pending = pending.subarray(at);
    }
    done = true;
  } finally {
    if (!done) git.kill();
  }
  const code = await exited.catch((error: Error) => {
    throw new Error(
      `Could not run git to read the RCA files in ${dir} (${error.message}); install git or put it on PATH.`,
      { cause: error },
    );
  });
  if (code !== 0)
    throw new Error(
      `git cat-file --batch failed in ${dir} (exit ${code}): ${stderr.trim() || 'no message'}; check that it is a git repository the bot can read.`,
    );
}
