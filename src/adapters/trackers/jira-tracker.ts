import { Version2Client } from 'jira.js';
import { type ActionTracker, TrackerError, type TrackerIssue } from '#src/ports/action-tracker.ts';

export interface JiraOptions {
  /** The site, `https://acme.atlassian.net` (Cloud) or the Data Center base URL. */
  site: string;
  token: string;
  /** Jira Cloud: the account's email (basic auth with an API token). Unset: a Data Center personal access token. */
  user: string | undefined;
  project: string;
  issueType: string;
  labels: readonly string[];
}

const KEY = /^([A-Z][A-Z0-9_]+-\d+)$/;
const PAGE = /^https?:\/\/\S+\/browse\/([A-Z][A-Z0-9_]+-\d+)(?:[/?#].*)?$/;

/**
 * Action items as Jira issues through jira.js (the maintained client for Jira's REST API). REST v2,
 * which Jira Cloud and Data Center both serve, so descriptions are plain text on both.
 */
export class JiraTracker implements ActionTracker {
  readonly name = 'Jira';
  private readonly client: Version2Client;
  private readonly site: string;

  constructor(private readonly options: JiraOptions) {
    this.site = options.site.replace(/\/+$/, '');
    this.client = options.user
      ? new Version2Client({
          host: this.site,
          authentication: { basic: { email: options.user, apiToken: options.token } },
        })
      : // Data Center personal access tokens are sent as a bearer token (Atlassian: "Using personal access tokens").
        new Version2Client({
          host: this.site,
          baseRequestConfig: { headers: { Authorization: `Bearer ${options.token}` } },
        });
  }

  async createIssue(issue: { title: string; body: string }): Promise<TrackerIssue> {
    try {
      const created = await this.client.issues.createIssue({
        fields: {
          project: { key: this.options.project },
          summary: issue.title,
          description: issue.body,
          issuetype: { name: this.options.issueType },
          ...(this.options.labels.length > 0 ? { labels: [...this.options.labels] } : {}),
        },
      });
      return { key: created.key, url: `${this.site}/browse/${created.key}` };
    } catch (error) {
      throw this.explain(error, 'open an issue in');
    }
  }

  async isClosed(key: string): Promise<boolean | null> {
    const issueKey = parseKey(key);
    if (!issueKey) return null;
    try {
      const issue = await this.client.issues.getIssue({ issueIdOrKey: issueKey, fields: ['status'] });
      return issue.fields.status?.statusCategory?.key === 'done';
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw this.explain(error, 'read an issue in');
    }
  }

  /** Moves the issue through the first transition that leads to a "done" status. */
  async closeIssue(key: string): Promise<void> {
    const issueKey = parseKey(key);
    if (!issueKey) return;
    try {
      const { transitions = [] } = await this.client.issues.getTransitions({ issueIdOrKey: issueKey });
      const done = transitions.find((t) => t.to?.statusCategory?.key === 'done');
      if (!done?.id) {
        throw new TrackerError(
          `${issueKey} has no transition to a done status from where it is: close it in Jira, or add such a transition to the project's workflow.`,
        );
      }
      await this.client.issues.doTransition({ issueIdOrKey: issueKey, transition: { id: done.id } });
    } catch (error) {
      if (error instanceof TrackerError) throw error;
      throw this.explain(error, 'close an issue in');
    }
  }

  /** Jira's answer as what to change (status codes and `errorMessages`/`errors` bodies of REST v2). */
  private explain(error: unknown, doing: string): TrackerError {
    const status = (error as { status?: number }).status;
    const data = (error as { response?: { data?: { errorMessages?: string[]; errors?: Record<string, string> } } })
      .response?.data;
    const said = [...(data?.errorMessages ?? []), ...Object.entries(data?.errors ?? {}).map(([k, v]) => `${k}: ${v}`)];
    const because = said.length > 0 ? ` (${said.join('; ')})` : '';
    const project = this.options.project;
    const who = this.options.user
      ? `ACTIONS_TRACKER_USER (${this.options.user}) with the API token in ACTIONS_TRACKER_TOKEN`
      : 'the personal access token in ACTIONS_TRACKER_TOKEN';
    const message =
      status === 401
        ? `Jira refused ${who}${because}: create a new token (Cloud: an API token with ACTIONS_TRACKER_USER set to its account's email; Data Center: a personal access token) and set it.`
        : status === 403
          ? `Jira did not let ${who} ${doing} project ${project}${because}: give that account "Create issues" and "Transition issues" in the project.`
          : status === 404
            ? `Jira has nothing at ${this.site} for project ${project}${because}: check actions.tracker.apiUrl (the site) and actions.tracker.project.`
            : status === 400
              ? `Jira refused the issue for project ${project}${because}: check actions.tracker.project, actions.tracker.issueType and actions.tracker.labels.`
              : status === undefined || (status >= 500 && !data)
                ? `Could not reach Jira at ${this.site} (${(error as Error).message}): check the network or actions.tracker.apiUrl.`
                : `Jira answered HTTP ${status} when asked to ${doing} project ${project}${because}; it is tried again on the next run.`;
    return new TrackerError(message, { cause: error });
  }
}

function parseKey(key: string): string | null {
  const m = KEY.exec(key.trim()) ?? PAGE.exec(key.trim());
  return m ? m[1]! : null;
}
