import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A git host over HTTP that answers every request with one status, as GitHub and GitLab answer git's
 * smart-HTTP discovery (`GET <repo>/info/refs?service=git-upload-pack`): 404 for a repository that
 * does not exist (or that the credentials may not see), 401 with a Basic challenge for credentials
 * refused (git's `http.c` then says "Authentication failed", or "terminal prompts disabled" without any).
 */
export async function startHttpGitServer(status: 401 | 404): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (status === 401) headers['www-authenticate'] = 'Basic realm="GitHub"';
    res.writeHead(status, headers).end(status === 401 ? 'Unauthorized' : 'Repository not found.');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/acme/postmortems.git`, server };
}
