import type { Git } from './run-git.ts';

/** Local branches with commits the remote does not have, from one listing of the refs. */
export async function unpushedBranches(git: Git): Promise<string[]> {
  const refs = new Map<string, string>();
  const listing = await git(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes/origin']);
  for (const line of listing.split('\n').filter(Boolean)) {
    const [sha = '', ref = ''] = line.split(' ');
    refs.set(ref, sha);
  }
  const out: string[] = [];
  for (const [ref, sha] of refs) {
    if (!ref.startsWith('refs/heads/')) continue;
    const branch = ref.slice('refs/heads/'.length);
    // Most branches are where the remote has them: no need to ask git to count.
    if (refs.get(`refs/remotes/origin/${branch}`) === sha) continue;
    const count = await git(['rev-list', '--count', sha, '--not', '--remotes=origin']).catch(() => '0');
    if (Number(count.trim()) > 0) out.push(branch);
  }
  return out;
}
