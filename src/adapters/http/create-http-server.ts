import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HttpServerOptions {
  port: number;
  registry: Registry;
  /** Live: the process is up. */
  isLive(): boolean;
  /** Ready: the store answers and Slack is connected. */
  readiness(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
  /** HTTP mode: Bolt's request listener for `/slack/events`. */
  slack?: RequestListener;
}

const REPLAY_WINDOW_MS = 5 * 60 * 1000;

/**
 * One HTTP server for both modes: `/healthz`, `/readyz`, `/metrics`, and in HTTP mode Slack's requests.
 * Bolt checks signatures and refuses timestamps older than five minutes; this server also refuses a
 * replay of a request it has already taken (same signature), which Bolt alone would process again.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<{ server: Server; port: number }> {
  const seen = new Map<string, number>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res
        .writeHead(options.isLive() ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ live: options.isLive() }));
      return;
    }
    if (req.method === 'GET' && path === '/readyz') {
      const result = await options.readiness();
      res.writeHead(result.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': options.registry.contentType }).end(await options.registry.metrics());
      return;
    }
    if (options.slack && req.method === 'POST' && path === '/slack/events') {
      const signature = String(req.headers['x-slack-signature'] ?? '');
      const now = Date.now();
      for (const [key, at] of seen) if (now - at > REPLAY_WINDOW_MS) seen.delete(key);
      if (signature !== '' && seen.has(signature)) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('replayed request refused');
        return;
      }
      if (signature !== '') seen.set(signature, now);
      options.slack(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
