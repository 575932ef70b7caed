import { type FakeRequest, type FakeResponse, startFakeHttp } from './fake-http.ts';
import { type GithubIssue, handleIssues } from './github-fake-issues.ts';
import { type GithubPull, handlePulls } from './github-fake-pulls.ts';

export type { GithubIssue } from './github-fake-issues.ts';
export type { GithubPull } from './github-fake-pulls.ts';

/**
 * A local GitHub REST API (the part Incident Scribe calls: pull requests for RCA reviews, issues for
 * action items), reached through Octokit's `baseUrl`. Each rule follows GitHub's published contract;
 * the source is named beside it:
 * - REST docs, "Pulls": https://docs.github.com/en/rest/pulls/pulls and …/pulls/review-requests
 * - REST docs, "Issues" and "Labels": https://docs.github.com/en/rest/issues/issues, …/issues/labels
 * - REST docs, "Using pagination": https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 * - REST docs, "Troubleshooting" and the error bodies: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 * - GitHub's OpenAPI description (github/rest-api-description) for field names and status codes.
 * Issues and pull requests share one number sequence per repository, as on GitHub.
 */
export interface GithubFakeOptions {
  /** owner/name of each repository the fake serves. */
  repositories: string[];
  /** Tokens and what each may do; any other token is "Bad credentials". */
  tokens: Record<string, 'write' | 'read'>;
  /** Logins that may be asked to review (collaborators). */
  collaborators?: string[];
  /** Whether a branch exists (the fake's pulls need a real head); every branch does by default. */
  branchExists?: (repository: string, branch: string) => boolean;
  /** Issues turned off in the repositories' Settings (410 Gone on the issues endpoints). */
  issuesDisabled?: boolean;
}

/** One repository's state, and the part of the path after `/repos/{owner}/{repo}`, for the handlers. */
export interface GithubRepository {
  name: string;
  rest: string;
  pulls: GithubPull[];
  issues: Map<number, GithubIssue>;
  issuesDisabled: boolean;
  nextNumber(): number;
}

/** GitHub's error body: `{ message, documentation_url, status }` ("Troubleshooting the REST API"). */
export type GithubError = (
  status: number,
  message: string,
  anchor: string,
  extra?: Record<string, unknown>,
) => FakeResponse;

const WEB = 'https://github.com';

const error: GithubError = (status, message, anchor, extra = {}) => ({
  status,
  body: { message, ...extra, documentation_url: `https://docs.github.com/rest/${anchor}`, status: String(status) },
});

export async function startGithubFake(options: GithubFakeOptions) {
  let issuesDisabled = options.issuesDisabled ?? false;
  const state = new Map(
    options.repositories.map((name) => {
      let last = 0;
      const issues = new Map<number, GithubIssue>();
      return [name, { pulls: [] as GithubPull[], issues, nextNumber: () => (last += 1) }] as const;
    }),
  );
  const http = await startFakeHttp((req, base) => handle(req, base));

  function handle(req: FakeRequest, base: string): FakeResponse {
    // Authentication: `Authorization: token …` or `Bearer …`; anything else is 401 "Bad credentials".
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(String(req.headers['authorization'] ?? ''))?.[1] ?? '';
    const access = options.tokens[token];
    if (!access) return error(401, 'Bad credentials', 'overview/troubleshooting-the-rest-api');
    const match = /^\/repos\/([^/]+\/[^/]+)(\/.*)$/.exec(req.path);
    if (!match) return error(404, 'Not Found', 'overview/troubleshooting-the-rest-api');
    const found = state.get(match[1]!);
    // A repository the token cannot see is 404, never 403 (docs: "404 for private resources").
    if (!found) return error(404, 'Not Found', 'overview/troubleshooting-the-rest-api');
    // A token without write permission (`pull_requests` or `issues`) gets 403 on writes.
    if (req.method !== 'GET' && access !== 'write')
      return error(403, 'Resource not accessible by personal access token', 'overview/troubleshooting-the-rest-api');
    const repo: GithubRepository = { name: match[1]!, rest: match[2]!, issuesDisabled, ...found };
    const urls = { api: base, web: WEB };
    return (
      handlePulls(req, repo, urls, error, options) ??
      handleIssues(req, repo, urls, error) ??
      error(404, 'Not Found', 'overview/troubleshooting-the-rest-api')
    );
  }

  const repository = (name: string) => {
    const found = state.get(name);
    if (!found) throw new Error(`the fake serves no repository ${name}`);
    return found;
  };
  return {
    apiUrl: http.base,
    requests: http.requests,
    pulls: (name: string) => state.get(name)?.pulls ?? [],
    issues: (name: string) => repository(name).issues,
    /** What someone merging the pull request on GitHub does. */
    merge(name: string, number: number) {
      const pull = repository(name).pulls.find((p) => p.number === number);
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.state = 'closed';
      pull.merged = true;
    },
    /** Someone closes the issue on GitHub. */
    closeIssue(name: string, number: number) {
      const issue = repository(name).issues.get(number);
      if (!issue) throw new Error(`no issue #${number}`);
      issue.state = 'closed';
      issue.state_reason = 'completed';
    },
    /** The repositories' owner turns issues off (410 Gone from then on) or back on in Settings. */
    setIssuesDisabled(disabled: boolean) {
      issuesDisabled = disabled;
    },
    /** Pull requests from other branches, so lists run to several pages. */
    seed(name: string, count: number, base = 'main') {
      const repo = repository(name);
      for (let i = 0; i < count; i += 1)
        repo.pulls.push({
          number: repo.nextNumber(),
          title: `Other change ${i}`,
          body: null,
          head: `other-${i}`,
          base,
          state: 'open',
          merged: false,
          labels: [],
          requestedReviewers: [],
        });
    },
    close: http.close,
  };
}
export type GithubFake = Awaited<ReturnType<typeof startGithubFake>>;
