import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A JSON HTTP server on 127.0.0.1 for a fake service; every request is recorded for the tests. */
export async function startFakeHttp(
  handle: (req: FakeRequest, base: string) => FakeResponse,
): Promise<{ server: Server; base: string; requests: FakeRequest[]; close(): Promise<void> }> {
  const requests: FakeRequest[] = [];
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const text = Buffer.concat(chunks).toString('utf8');
      const type = String(req.headers['content-type'] ?? '');
      let body: Record<string, unknown> = {};
      if (text !== '' && type.includes('json')) body = JSON.parse(text) as Record<string, unknown>;
      else if (text !== '') body = Object.fromEntries(new URLSearchParams(text));
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(request);
      const answer = handle(request, base);
      res
        .writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...(answer.headers ?? {}) })
        .end(answer.status === 204 ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    base,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * One page of a list and its `Link` header, as both GitHub and GitLab paginate: `page` from 1,
 * `per_page` capped by the service, and `rel="next"`, `"prev"`, `"first"`, `"last"` URLs that keep
 * every other query parameter (RFC 8288 link syntax).
 */
export function paginate<T>(
  items: T[],
  req: FakeRequest,
  base: string,
  limits: { perPage: number; maxPerPage: number },
): { page: T[]; link: string | null; pageNumber: number; perPage: number; totalPages: number } {
  const perPage = Math.min(
    limits.maxPerPage,
    Math.max(1, Number(req.query.get('per_page') ?? limits.perPage) || limits.perPage),
  );
  const pageNumber = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const at = (n: number) => {
    const query = new URLSearchParams(req.query);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `<${base}${req.path}?${query}>`;
  };
  const links: string[] = [];
  if (pageNumber < totalPages) links.push(`${at(pageNumber + 1)}; rel="next"`, `${at(totalPages)}; rel="last"`);
  if (pageNumber > 1) links.push(`${at(1)}; rel="first"`, `${at(pageNumber - 1)}; rel="prev"`);
  return { page, link: links.length > 0 ? links.join(', ') : null, pageNumber, perPage, totalPages };
}
