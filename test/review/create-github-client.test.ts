import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGithubClient } from '#adapters/github/create-github-client.ts';

type Answer = { status: number; headers?: Record<string, string>; body: unknown };

/** A server that gives the answers in order (the last one again after that) and keeps each request. */
async function answering(answers: Answer[]): Promise<{ url: string; seen: IncomingMessage[]; server: Server }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    const answer = answers[Math.min(seen.length, answers.length - 1)]!;
    seen.push(req);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, server };
}

const issue = { number: 7, state: 'open', html_url: 'https://github.test/acme/ops/issues/7' };
// GitHub's secondary rate limit answer: 403 with "secondary rate limit" in the message and a Retry-After
// (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
const secondary = (retryAfter: string): Answer => ({
  status: 403,
  headers: { 'retry-after': retryAfter },
  body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
});

/** Issue 7 of acme/ops, asked of `url` through a client that retries at once. */
const getIssue = (url: string) =>
  createGithubClient({ token: 't', apiUrl: url, retryUnitMs: 1 }).rest.issues.get({
    owner: 'acme',
    repo: 'ops',
    issue_number: 7,
  });

describe('createGithubClient', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
  });

  it('sends the token and the user agent to the base URL, without its trailing slash', async () => {
    const fake = await answering([{ status: 200, body: issue }]);
    server = fake.server;

    await createGithubClient({ token: 'ghp-x', apiUrl: fake.url }).rest.issues.get({
      owner: 'acme',
      repo: 'ops',
      issue_number: 7,
    });

    expect(fake.seen[0]?.url).toBe('/repos/acme/ops/issues/7');
    expect(fake.seen[0]?.headers['authorization']).toBe('token ghp-x');
    expect(fake.seen[0]?.headers['user-agent']).toMatch(/^incident-scribe /);
  });

  it('tries again after a 502 and gives the answer that follows', async () => {
    const fake = await answering([
      { status: 502, body: { message: 'Bad gateway' } },
      { status: 200, body: issue },
    ]);
    server = fake.server;

    const { data } = await getIssue(fake.url);

    expect(data.number).toBe(7);
    expect(fake.seen).toHaveLength(2);
  });

  it('never retries a 401: it is an answer', async () => {
    const fake = await answering([{ status: 401, body: { message: 'Bad credentials' } }]);
    server = fake.server;

    const call = getIssue(fake.url);

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(fake.seen).toHaveLength(1);
  });

  it('waits out a secondary rate limit once when GitHub says to retry soon', async () => {
    const fake = await answering([secondary('1'), { status: 200, body: issue }]);
    server = fake.server;

    const { data } = await getIssue(fake.url);

    expect(data.number).toBe(7);
    expect(fake.seen).toHaveLength(2);
  });

  it('gives up at once on a secondary rate limit longer than a minute', async () => {
    const fake = await answering([secondary('3600'), { status: 200, body: issue }]);
    server = fake.server;

    const call = getIssue(fake.url);

    await expect(call).rejects.toMatchObject({ status: 403 });
    expect(fake.seen).toHaveLength(1);
  });
});
