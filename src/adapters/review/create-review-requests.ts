import type { Logger } from 'pino';
import type { BotConfig } from '#config/bot-config.ts';
import type { ReviewRequests } from '#use-cases/review-requests.ts';
import { GithubReviewRequests } from './github-review-requests.ts';
import { GitlabReviewRequests } from './gitlab-review-requests.ts';
import { parseRepositoryUrl } from './parse-repository-url.ts';

export interface ReviewSetup {
  /** RCA_REPO, for the repository and the host when the settings name neither. */
  repo: string;
  /** RCA_REVIEW_TOKEN. */
  token: string | undefined;
  /** RCA_REVIEW_API_URL, over `rca.review.apiUrl`. */
  apiUrl: string | undefined;
  log: Logger;
}

/** The review adapter `rca.review.provider` asks for; null for `none`, or what is missing to build it. */
export function createReviewRequests(
  config: BotConfig['rca'],
  setup: ReviewSetup,
): { ok: true; review: ReviewRequests | null } | { ok: false; problems: string[] } {
  const settings = config.review;
  if (settings.provider === 'none') return { ok: true, review: null };
  const fromUrl = parseRepositoryUrl(setup.repo);
  const repository = settings.repository || fromUrl?.path || '';
  const host = fromUrl?.host ?? (settings.provider === 'github' ? 'github.com' : 'gitlab.com');
  const problems: string[] = [];
  if (repository === '')
    problems.push(
      `rca.review.repository is empty and RCA_REPO (${setup.repo || 'unset'}) is not a URL I can read it from: set rca.review.repository to ${settings.provider === 'github' ? 'owner/name' : 'the project path, group/project'}.`,
    );
  else if (settings.provider === 'github' && !/^[\w.-]+\/[\w.-]+$/.test(repository))
    problems.push(`rca.review.repository: expected owner/name for GitHub, found "${repository}".`);
  if (!setup.token)
    problems.push(
      settings.provider === 'github'
        ? 'RCA_REVIEW_TOKEN is not set: a GitHub token that may open pull requests (fine-grained: "pull_requests: write" and "contents: read" on the repository; classic: the repo scope).'
        : 'RCA_REVIEW_TOKEN is not set: a GitLab project or personal access token with the api scope and the Developer role.',
    );
  if (config.strategy !== 'branch')
    problems.push(
      `rca.review.provider is ${settings.provider}: set rca.strategy to branch, so drafts have a branch to review.`,
    );
  if (problems.length > 0) return { ok: false, problems };
  const apiUrl = setup.apiUrl || settings.apiUrl || defaultApiUrl(settings.provider, host);
  const token = setup.token!;
  return {
    ok: true,
    review:
      settings.provider === 'github'
        ? new GithubReviewRequests({ repository, token, apiUrl, log: setup.log })
        : new GitlabReviewRequests({ repository, token, apiUrl }),
  };
}

/** github.com's API host, GitHub Enterprise Server's `/api/v3`, a GitLab instance's own address. */
function defaultApiUrl(provider: 'github' | 'gitlab', host: string): string {
  if (provider === 'gitlab') return `https://${host}`;
  return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
}
