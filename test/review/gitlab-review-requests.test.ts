import { Gitlab } from '@gitbeaker/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { GitlabReviewRequests } from '#adapters/review/gitlab-review-requests.ts';
import { type GitlabFake, startGitlabFake } from '../fakes/gitlab-fake.ts';

const PROJECT = 'sre/platform/postmortems';
const spec = {
  branch: 'rca/2026-01-05-checkout',
  base: 'main',
  title: '2026-01-05 - Checkout errors',
  body: 'Summary',
  reviewers: ['ana'],
  labels: ['rca', 'p2'],
};

describe('GitlabReviewRequests against the local GitLab', () => {
  let gitlab: GitlabFake;
  afterEach(async () => {
    await gitlab?.close();
  });

  const start = async () => {
    gitlab = await startGitlabFake({
      projects: [PROJECT],
      tokens: { 'glpat-api': 'api', 'glpat-read': 'read_api' },
      users: ['ana'],
    });
  };
  const adapter = (token = 'glpat-api', repository = PROJECT) =>
    new GitlabReviewRequests({ repository, token, apiUrl: gitlab.apiUrl });

  it('opens a merge request with reviewers looked up by username, and labels', async () => {
    await start();

    const opened = await adapter().open(spec);

    expect(opened).toMatchObject({ ok: true, value: { number: 1, created: true, warnings: [] } });
    expect(opened.ok && opened.value.url).toBe(`https://gitlab.example.test/${PROJECT}/-/merge_requests/1`);
    expect(gitlab.mergeRequests(PROJECT)[0]).toMatchObject({
      sourceBranch: spec.branch,
      targetBranch: 'main',
      labels: ['rca', 'p2'],
      reviewerIds: [gitlab.users[0]!.id],
    });
  });

  it('finds the open merge request on a 409 and updates it', async () => {
    await start();
    await adapter().open(spec);
    gitlab.seed(PROJECT, 45);

    const again = await adapter().open({ ...spec, body: 'Summary, redrafted' });

    expect(again).toMatchObject({ ok: true, value: { number: 1, created: false } });
    expect(gitlab.mergeRequests(PROJECT).filter((m) => m.sourceBranch === spec.branch)).toHaveLength(1);
    expect(gitlab.mergeRequests(PROJECT)[0]!.description).toBe('Summary, redrafted');
  });

  it('says which token and scope a 401 and a 403 need, and which project a 404 tried', async () => {
    await start();

    const bad = await adapter('glpat-wrong').open(spec);
    const readOnly = await adapter('glpat-read').open({ ...spec, reviewers: [] });
    const missing = await adapter('glpat-api', 'sre/nope').open({ ...spec, reviewers: [] });

    expect(bad.ok ? '' : bad.message).toMatch(/RCA_REVIEW_TOKEN.*401.*api scope/);
    expect(readOnly.ok ? '' : readOnly.message).toMatch(/403 .*api scope \(read_api is not enough\)/);
    expect(missing.ok ? '' : missing.message).toMatch(/no project sre\/nope .*404/);
  });

  it('reads a merged merge request as merged', async () => {
    await start();
    await adapter().open(spec);

    gitlab.merge(PROJECT, 1);

    expect(await adapter().state(1)).toEqual({ ok: true, value: 'merged' });
  });

  it('paginates the way gitbeaker expects: Link rel="next" until the last page', async () => {
    await start();
    gitlab.seed(PROJECT, 45);
    const api = new Gitlab({ host: gitlab.apiUrl, token: 'glpat-api' });

    const all = await api.MergeRequests.all({ projectId: PROJECT, perPage: 20 });

    expect(all).toHaveLength(45);
    expect(gitlab.requests.filter((r) => r.path.endsWith('/merge_requests') && r.method === 'GET')).toHaveLength(3);
  });
});
