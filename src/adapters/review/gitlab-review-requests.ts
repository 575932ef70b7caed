import { Gitlab } from '@gitbeaker/rest';
import type {
  OpenedReview,
  ReviewRequests,
  ReviewResult,
  ReviewSpec,
  ReviewState,
} from '#use-cases/review-requests.ts';

export interface GitlabReviewOptions {
  /** The project's full path: `group/project` or `group/subgroup/project`. */
  repository: string;
  token: string;
  /** The instance: https://gitlab.com, https://gitlab.example.com (an `/api/v4` suffix is dropped). */
  apiUrl: string;
}

/** Merge requests through the GitLab REST API (v4), with gitbeaker. */
export class GitlabReviewRequests implements ReviewRequests {
  readonly noun = 'merge request';
  private readonly api: InstanceType<typeof Gitlab>;
  private readonly host: string;

  constructor(private readonly options: GitlabReviewOptions) {
    this.host = options.apiUrl.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
    this.api = new Gitlab({ host: this.host, token: options.token, queryTimeout: 15_000 });
  }

  async open(spec: ReviewSpec): Promise<ReviewResult<OpenedReview>> {
    const project = this.options.repository;
    const warnings: string[] = [];
    const reviewerIds = await this.userIds(spec.reviewers, warnings);
    const fields = { description: spec.body, labels: spec.labels.join(','), reviewerIds };
    try {
      const created = await this.api.MergeRequests.create(project, spec.branch, spec.base, spec.title, fields);
      return { ok: true, value: { number: created.iid, url: String(created.web_url), created: true, warnings } };
    } catch (error) {
      if (status(error) !== 409) return { ok: false, message: this.explain(error, 'open a merge request') };
    }
    try {
      // 409: "Another open merge request already exists for this source branch"; find it (every page).
      const open = await this.api.MergeRequests.all({
        projectId: project,
        sourceBranch: spec.branch,
        targetBranch: spec.base,
        state: 'opened',
        perPage: 100,
      });
      const existing = open.find((mr) => mr.source_branch === spec.branch);
      if (!existing)
        return {
          ok: false,
          message: `GitLab says a merge request from ${spec.branch} already exists in ${project}, but I could not find it among the open ones.`,
        };
      await this.api.MergeRequests.edit(project, existing.iid, { title: spec.title, ...fields });
      return { ok: true, value: { number: existing.iid, url: String(existing.web_url), created: false, warnings } };
    } catch (error) {
      return { ok: false, message: this.explain(error, 'update the open merge request') };
    }
  }

  async state(number: number): Promise<ReviewResult<ReviewState>> {
    try {
      const mr = await this.api.MergeRequests.show(this.options.repository, number);
      return { ok: true, value: mr.state === 'merged' ? 'merged' : mr.state === 'closed' ? 'closed' : 'open' };
    } catch (error) {
      return { ok: false, message: this.explain(error, `read merge request !${number}`) };
    }
  }

  /** GitLab asks reviewers by user id: one lookup by username each (`GET /users?username=`). */
  private async userIds(usernames: string[], warnings: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const username of usernames) {
      try {
        const [user] = await this.api.Users.all({ username });
        if (user) ids.push(user.id);
        else
          warnings.push(
            `GitLab has no user ${username} to ask for a review; check rca.review.people and rca.review.reviewers.`,
          );
      } catch (error) {
        warnings.push(this.explain(error, `look up ${username}`));
      }
    }
    return ids;
  }

  private explain(error: unknown, doing: string): string {
    const code = status(error);
    const said = (error as Error).message?.split('\n')[0] ?? String(error);
    const project = this.options.repository;
    if (code === 401)
      return `GitLab refused RCA_REVIEW_TOKEN when I tried to ${doing} (401 ${said}). Set RCA_REVIEW_TOKEN to a project or personal access token with the api scope and at least the Developer role on ${project}.`;
    if (code === 403)
      return `GitLab did not let RCA_REVIEW_TOKEN ${doing} in ${project} (403 ${said}). The token needs the api scope (read_api is not enough) and at least the Developer role on ${project}.`;
    if (code === 404)
      return `GitLab found no project ${project} at ${this.host} when I tried to ${doing} (404 ${said}). Check rca.review.repository (or RCA_REPO's URL) and that RCA_REVIEW_TOKEN can see the project: GitLab answers 404 to a token without access.`;
    if (code === undefined || code >= 500)
      return `Could not reach GitLab at ${this.host} to ${doing} (${said}). Check rca.review.apiUrl or RCA_REVIEW_API_URL; the next draft tries again.`;
    return `GitLab refused to ${doing} in ${project} (${code} ${said}).`;
  }
}

function status(error: unknown): number | undefined {
  return (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
}
