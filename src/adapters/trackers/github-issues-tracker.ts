import type { Logger } from 'pino';
import { createGithubClient, type GithubClient } from '#adapters/github/create-github-client.ts';
import { type GithubRepository, githubRepository } from '#adapters/github/github-repository.ts';
import { type ActionTracker, TrackerError, type TrackerIssue } from '#src/ports/action-tracker.ts';

export interface GithubIssuesOptions {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** https://api.github.com, or GitHub Enterprise's `https://host/api/v3`. */
  apiUrl: string;
  labels: readonly string[];
  /** Where the client's warnings (a rate limit waited out) go. */
  log?: Logger;
}

/** `acme/ops#12`, or an issue's page `https://github.com/acme/ops/issues/12`. */
const KEY = /^([\w.-]+)\/([\w.-]+)#(\d+)$/;
const PAGE = /^https?:\/\/[^/\s]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)(?:[/?#].*)?$/;

/** Action items as GitHub issues, through Octokit (the official client: auth, base URL, typed endpoints). */
export class GithubIssuesTracker implements ActionTracker {
  readonly name = 'GitHub Issues';
  private readonly octokit: GithubClient;
  private readonly target: GithubRepository;

  constructor(private readonly options: GithubIssuesOptions) {
    this.target = githubRepository(options.repository);
    this.octokit = createGithubClient({
      token: options.token,
      apiUrl: options.apiUrl,
      ...(options.log ? { log: options.log } : {}),
    });
  }

  async createIssue(issue: { title: string; body: string }): Promise<TrackerIssue> {
    try {
      const { data } = await this.octokit.rest.issues.create({
        owner: this.target.owner,
        repo: this.target.repo,
        title: issue.title,
        body: issue.body,
        ...(this.options.labels.length > 0 ? { labels: [...this.options.labels] } : {}),
      });
      return { key: `${this.target.owner}/${this.target.repo}#${data.number}`, url: data.html_url };
    } catch (error) {
      throw this.explain(error, 'open an issue in');
    }
  }

  async isClosed(key: string): Promise<boolean | null> {
    const ref = parseKey(key);
    if (!ref) return null;
    try {
      const { data } = await this.octokit.rest.issues.get({ ...ref });
      return data.state === 'closed';
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw this.explain(error, 'read an issue in');
    }
  }

  async closeIssue(key: string): Promise<void> {
    const ref = parseKey(key);
    if (!ref) return;
    try {
      await this.octokit.rest.issues.update({ ...ref, state: 'closed', state_reason: 'completed' });
    } catch (error) {
      throw this.explain(error, 'close an issue in');
    }
  }

  /** GitHub's answer, said as what to change (statuses from docs.github.com/rest/issues/issues). */
  private explain(error: unknown, doing: string): TrackerError {
    const status = (error as { status?: number }).status;
    const repository = `${this.target.owner}/${this.target.repo}`;
    const said = (error as { response?: { data?: { message?: string } } }).response?.data?.message;
    const because = said ? ` (${said})` : '';
    const message =
      status === 401
        ? `GitHub refused ACTIONS_TRACKER_TOKEN${because}: create a token with "Issues: read and write" on ${repository} and set ACTIONS_TRACKER_TOKEN to it.`
        : status === 403
          ? `GitHub did not let ACTIONS_TRACKER_TOKEN ${doing} ${repository}${because}: give the token "Issues: read and write" on that repository, or wait if it says a rate limit was hit.`
          : status === 404
            ? `GitHub has no repository ${repository} that ACTIONS_TRACKER_TOKEN can see: check actions.tracker.repository (owner/name) and that the token has access to it.`
            : status === 410
              ? `Issues are turned off on ${repository}: turn them on in the repository's Settings, or point actions.tracker.repository elsewhere.`
              : status === 422
                ? `GitHub refused the issue for ${repository}${because}: check actions.tracker.labels.`
                : status === undefined
                  ? `Could not reach GitHub at ${this.options.apiUrl} (${(error as Error).message}): check the network or actions.tracker.apiUrl.`
                  : `GitHub answered HTTP ${status} when asked to ${doing} ${repository}${because}; it is tried again on the next run.`;
    return new TrackerError(message, { cause: error });
  }
}

function parseKey(key: string): { owner: string; repo: string; issue_number: number } | null {
  const m = KEY.exec(key.trim()) ?? PAGE.exec(key.trim());
  return m ? { owner: m[1]!, repo: m[2]!, issue_number: Number(m[3]) } : null;
}
