import { createGithubClient, type GithubClient } from '#adapters/github/create-github-client.ts';
import { type GithubRepository, githubRepository } from '#adapters/github/github-repository.ts';
import type { Logger } from 'pino';
import type {
  OpenedReview,
  ReviewRequests,
  ReviewResult,
  ReviewSpec,
  ReviewState,
} from '#use-cases/review-requests.ts';

export interface GithubReviewOptions {
  /** `owner/name`. */
  repository: string;
  token: string;
  /** Octokit's baseUrl: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
  log: Logger;
  /** How long one request may take before the draft says GitHub could not be reached (15 s). */
  timeoutMs?: number;
}

/** Pull requests through the GitHub REST API, with Octokit. */
export class GithubReviewRequests implements ReviewRequests {
  readonly noun = 'pull request';
  private readonly octokit: GithubClient;
  private readonly target: GithubRepository;

  constructor(private readonly options: GithubReviewOptions) {
    this.target = githubRepository(options.repository);
    this.octokit = createGithubClient({
      token: options.token,
      apiUrl: options.apiUrl,
      log: options.log,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  async open(spec: ReviewSpec): Promise<ReviewResult<OpenedReview>> {
    const where = { owner: this.target.owner, repo: this.target.repo };
    let number: number;
    let url: string;
    let created = true;
    try {
      const { data } = await this.octokit.rest.pulls.create({
        ...where,
        head: spec.branch,
        base: spec.base,
        title: spec.title,
        body: spec.body,
      });
      number = data.number;
      url = data.html_url;
    } catch (error) {
      if (!isAlreadyExists(error)) return { ok: false, message: this.explain(error, 'open a pull request') };
      let existing: { number: number; url: string } | null;
      try {
        existing = await this.findOpen(spec);
      } catch (e) {
        return { ok: false, message: this.explain(e, 'find the open pull request') };
      }
      if (existing === null)
        return {
          ok: false,
          message: `GitHub says a pull request from ${spec.branch} already exists on ${this.options.repository}, but I could not find it among the open ones.`,
        };
      created = false;
      number = existing.number;
      url = existing.url;
      try {
        await this.octokit.rest.pulls.update({ ...where, pull_number: number, title: spec.title, body: spec.body });
      } catch (e) {
        return { ok: false, message: this.explain(e, `update pull request #${number}`) };
      }
    }
    const warnings: string[] = [];
    if (spec.reviewers.length > 0) {
      await this.octokit.rest.pulls
        .requestReviewers({ ...where, pull_number: number, reviewers: spec.reviewers })
        .catch((e: unknown) => warnings.push(this.explain(e, `ask ${spec.reviewers.join(', ')} to review`)));
    }
    if (spec.labels.length > 0) {
      await this.octokit.rest.issues
        .addLabels({ ...where, issue_number: number, labels: spec.labels })
        .catch((e: unknown) => warnings.push(this.explain(e, `label #${number}`)));
    }
    return { ok: true, value: { number, url, created, warnings } };
  }

  async state(number: number): Promise<ReviewResult<ReviewState>> {
    try {
      const { data } = await this.octokit.rest.pulls.get({
        owner: this.target.owner,
        repo: this.target.repo,
        pull_number: number,
      });
      return { ok: true, value: data.merged ? 'merged' : data.state === 'closed' ? 'closed' : 'open' };
    } catch (error) {
      return { ok: false, message: this.explain(error, `read pull request #${number}`) };
    }
  }

  /** The open pull request from the branch, through every page (`Link: rel="next"`). */
  private async findOpen(spec: ReviewSpec): Promise<{ number: number; url: string } | null> {
    const pulls = await this.octokit.paginate(this.octokit.rest.pulls.list, {
      owner: this.target.owner,
      repo: this.target.repo,
      state: 'open',
      head: `${this.target.owner}:${spec.branch}`,
      base: spec.base,
      per_page: 100,
    });
    const found = pulls.find((p) => p.head.ref === spec.branch);
    return found ? { number: found.number, url: found.html_url } : null;
  }

  /** GitHub's answer, said for the person who can fix it. */
  private explain(error: unknown, doing: string): string {
    const status = (error as { status?: number }).status;
    const said = githubMessage(error);
    const repo = this.options.repository;
    if (status === 401)
      return `GitHub refused RCA_REVIEW_TOKEN when I tried to ${doing} (401 ${said}). Set RCA_REVIEW_TOKEN to a token that may write pull requests on ${repo}: a fine-grained token with "pull_requests: write" (and "contents: read"), or a classic token with the repo scope.`;
    if (status === 403)
      return `GitHub did not let RCA_REVIEW_TOKEN ${doing} on ${repo} (403 ${said}). The token needs the "pull_requests: write" permission on ${repo} (fine-grained), or the repo scope (classic).`;
    if (status === 404)
      return `GitHub found no repository ${repo} at ${this.options.apiUrl} when I tried to ${doing} (404). Check rca.review.repository (or RCA_REPO's URL) and that RCA_REVIEW_TOKEN can see the repository: GitHub answers 404 to a token without access.`;
    if (status === undefined || status >= 500)
      return `Could not reach GitHub at ${this.options.apiUrl} to ${doing} (${said}). Check rca.review.apiUrl or RCA_REVIEW_API_URL; the next draft tries again.`;
    return `GitHub refused to ${doing} on ${repo} (${status} ${said}).`;
  }
}

/** GitHub's 422 for a second pull request from the same head (docs: "Create a pull request"). */
function isAlreadyExists(error: unknown): boolean {
  const e = error as { status?: number; response?: { data?: { errors?: { message?: string }[] } } };
  return e.status === 422 && (e.response?.data?.errors ?? []).some((x) => /already exists/i.test(x.message ?? ''));
}

function githubMessage(error: unknown): string {
  const e = error as { message?: string; response?: { data?: { message?: string; errors?: { message?: string }[] } } };
  const data = e.response?.data;
  const detail = (data?.errors ?? []).map((x) => x.message).filter(Boolean);
  return [data?.message ?? e.message ?? String(error), ...detail].join(': ').split('\n')[0]!;
}
