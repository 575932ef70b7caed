import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { GithubReviewRequests } from '#adapters/review/github-review-requests.ts';
import { type GithubFake, startGithubFake } from '../fakes/github-fake.ts';

const REPO = 'acme/postmortems';
const spec = {
  branch: 'rca/2026-01-05-checkout',
  base: 'main',
  title: '2026-01-05 - Checkout errors',
  body: 'Summary',
  reviewers: ['ana-gh'],
  labels: ['rca'],
};

describe('GithubReviewRequests against the local GitHub', () => {
  let github: GithubFake;
  afterEach(async () => {
    await github?.close();
  });

  const start = async () => {
    github = await startGithubFake({
      repositories: [REPO],
      tokens: { 'ghp-write': 'write', 'ghp-read': 'read' },
      collaborators: ['ana-gh'],
    });
  };
  const adapter = (token = 'ghp-write', repository = REPO) =>
    new GithubReviewRequests({ repository, token, apiUrl: github.apiUrl, log: pino({ level: 'silent' }) });

  it('opens a pull request from the review branch with reviewers and labels', async () => {
    await start();

    const opened = await adapter().open(spec);

    expect(opened).toMatchObject({ ok: true, value: { number: 1, created: true, warnings: [] } });
    expect(opened.ok && opened.value.url).toBe(`https://github.com/${REPO}/pull/1`);
    expect(github.pulls(REPO)[0]).toMatchObject({
      head: spec.branch,
      base: 'main',
      title: spec.title,
      labels: ['rca'],
      requestedReviewers: ['ana-gh'],
    });
  });

  it('finds the open pull request on a 422 "already exists", through the Link pages, and updates it', async () => {
    await start();
    await adapter().open(spec);
    github.seed(REPO, 130);

    const again = await adapter().open({ ...spec, body: 'Summary, redrafted' });

    expect(again).toMatchObject({ ok: true, value: { number: 1, created: false } });
    expect(github.pulls(REPO).filter((p) => p.head === spec.branch)).toHaveLength(1);
    expect(github.pulls(REPO)[0]!.body).toBe('Summary, redrafted');
  });

  it('says which token and permission a 401 and a 403 need, and which repository a 404 tried', async () => {
    await start();

    const bad = await adapter('ghp-wrong').open(spec);
    const readOnly = await adapter('ghp-read').open(spec);
    const missing = await adapter('ghp-write', 'acme/nope').open(spec);

    expect(bad.ok ? '' : bad.message).toMatch(/RCA_REVIEW_TOKEN.*401 Bad credentials.*pull_requests: write/);
    expect(readOnly.ok ? '' : readOnly.message).toMatch(/403 .*pull_requests: write/);
    expect(missing.ok ? '' : missing.message).toMatch(/no repository acme\/nope .*404/);
  });

  it('keeps the pull request when a reviewer cannot be asked, with a warning', async () => {
    await start();

    const opened = await adapter().open({ ...spec, reviewers: ['stranger'] });

    expect(opened.ok && opened.value.warnings[0]).toMatch(/only be requested from collaborators/);
    expect(github.pulls(REPO)).toHaveLength(1);
  });

  it('reads a merged pull request as merged', async () => {
    await start();
    const opened = await adapter().open(spec);
    const number = opened.ok ? opened.value.number : 0;

    const before = await adapter().state(number);
    github.merge(REPO, number);
    const after = await adapter().state(number);

    expect(before).toEqual({ ok: true, value: 'open' });
    expect(after).toEqual({ ok: true, value: 'merged' });
  });

  it('says GitHub could not be reached when it does not answer, instead of waiting forever', async () => {
    await start();
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const review = new GithubReviewRequests({
      repository: REPO,
      token: 'ghp-write',
      apiUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      log: pino({ level: 'silent' }),
      timeoutMs: 300,
    });

    const opened = await review.open(spec);
    silent.closeAllConnections();
    silent.close();

    expect(opened.ok ? '' : opened.message).toMatch(
      /^Could not reach GitHub at http:\/\/127\.0\.0\.1:\d+ to open a pull request/,
    );
  });

  it('paginates the way Octokit expects: rel="next" until the last page', async () => {
    await start();
    github.seed(REPO, 250);
    const octokit = new Octokit({ auth: 'ghp-write', baseUrl: github.apiUrl });

    const all = await octokit.paginate(octokit.rest.pulls.list, { owner: 'acme', repo: 'postmortems', per_page: 100 });
    const first = await octokit.rest.pulls.list({ owner: 'acme', repo: 'postmortems' });

    expect(all).toHaveLength(250);
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toMatch(/page=2&per_page=30>; rel="next"/);
    expect(github.requests.filter((r) => r.path.endsWith('/pulls') && r.query.get('per_page') === '100')).toHaveLength(
      3,
    );
  });
});
