import { LinearClient, LinearError, LinearErrorType } from '@linear/sdk';
import { type ActionTracker, TrackerError, type TrackerIssue } from '#src/ports/action-tracker.ts';

export interface LinearOptions {
  apiKey: string;
  /** https://api.linear.app/graphql, or the tests' local fake. */
  apiUrl: string;
  /** The team's key (`ENG`), as in its issue identifiers. */
  team: string;
  /** Label names (`actions.tracker.labels`), found in the team or the workspace by name. */
  labels?: readonly string[];
}

const KEY = /^([A-Z][A-Z0-9]*-\d+)$/;
const PAGE = /^https?:\/\/\S+\/issue\/([A-Z][A-Z0-9]*-\d+)(?:[/?#].*)?$/;

/** Action items as Linear issues, through @linear/sdk (Linear's official GraphQL client). */
export class LinearTracker implements ActionTracker {
  readonly name = 'Linear';
  private readonly client: LinearClient;
  private teamId: string | null = null;
  private labelIds: string[] | null = null;

  constructor(private readonly options: LinearOptions) {
    this.client = new LinearClient({ apiKey: options.apiKey, apiUrl: options.apiUrl });
  }

  async createIssue(issue: { title: string; body: string }): Promise<TrackerIssue> {
    try {
      const teamId = await this.team();
      const labelIds = await this.labels(teamId);
      const payload = await this.client.createIssue({
        teamId,
        title: issue.title,
        description: issue.body,
        ...(labelIds.length > 0 ? { labelIds } : {}),
      });
      const created = await payload.issue;
      if (!created) throw new TrackerError(`Linear did not return the issue it created in team ${this.options.team}.`);
      return { key: created.identifier, url: created.url };
    } catch (error) {
      throw this.explain(error);
    }
  }

  async isClosed(key: string): Promise<boolean | null> {
    const id = parseKey(key);
    if (!id) return null;
    try {
      const issue = await this.client.issue(id);
      const state = issue.stateId ? await this.client.workflowState(issue.stateId) : null;
      return state?.type === 'completed' || state?.type === 'canceled';
    } catch (error) {
      if (isNotFound(error)) return null;
      throw this.explain(error);
    }
  }

  /** Moves the issue to its team's first "completed" workflow state. */
  async closeIssue(key: string): Promise<void> {
    const id = parseKey(key);
    if (!id) return;
    try {
      const issue = await this.client.issue(id);
      const states = await this.client.workflowStates({
        filter: { team: { id: { eq: issue.teamId ?? '' } }, type: { eq: 'completed' } },
      });
      const done = states.nodes[0];
      if (!done)
        throw new TrackerError(`The Linear team of ${id} has no completed state to move it to: close it in Linear.`);
      await this.client.updateIssue(issue.id, { stateId: done.id });
    } catch (error) {
      if (isNotFound(error)) return;
      throw this.explain(error);
    }
  }

  private async team(): Promise<string> {
    if (this.teamId) return this.teamId;
    const teams = await this.client.teams({ filter: { key: { eq: this.options.team } } });
    const team = teams.nodes[0];
    if (!team)
      throw new TrackerError(
        `Linear has no team with the key ${this.options.team} that ACTIONS_TRACKER_TOKEN can see: check actions.tracker.project (the team key, as in ${this.options.team}-123).`,
      );
    this.teamId = team.id;
    return team.id;
  }

  /**
   * The ids of `actions.tracker.labels`: Linear's `issueCreate` takes labels by id (`labelIds`), never
   * by name. A name matches, ignoring case as Linear's label names do, a label of the team or of the
   * workspace (`team: null`); a label group cannot be put on an issue, only the labels in it. Kept once
   * all are found; a missing one fails the issue and says which, so no issue goes out unlabelled.
   */
  private async labels(teamId: string): Promise<string[]> {
    const names = this.options.labels ?? [];
    if (names.length === 0 || this.labelIds) return this.labelIds ?? [];
    const found = await this.client.paginate((page) => this.client.issueLabels(page), {
      filter: {
        or: names.map((name) => ({ name: { eqIgnoreCase: name } })),
        isGroup: { eq: false },
      },
      first: 100,
    });
    const ids: string[] = [];
    const missing: string[] = [];
    for (const name of names) {
      const label = found.find(
        (l) => l.name.toLowerCase() === name.toLowerCase() && (l.teamId === undefined || l.teamId === teamId),
      );
      if (label) ids.push(label.id);
      else missing.push(name);
    }
    if (missing.length > 0)
      throw new TrackerError(
        `Linear has no label ${missing.map((m) => `"${m}"`).join(', ')} in team ${this.options.team} or the workspace, so I opened no issue: create ${missing.length === 1 ? 'it' : 'them'} in Linear (team ${this.options.team} → Settings → Labels), or remove ${missing.length === 1 ? 'it' : 'them'} from actions.tracker.labels.`,
      );
    this.labelIds = ids;
    return ids;
  }

  /** Linear's error types (`extensions.type` of its GraphQL errors, as the SDK reads them) said as what to fix. */
  private explain(error: unknown): TrackerError {
    if (error instanceof TrackerError) return error;
    if (!(error instanceof LinearError))
      return new TrackerError(
        `Could not reach Linear at ${this.options.apiUrl} (${(error as Error).message}): check the network or actions.tracker.apiUrl.`,
        { cause: error },
      );
    const said = error.errors?.[0]?.message ?? error.message;
    const message =
      error.type === LinearErrorType.AuthenticationError
        ? `Linear refused ACTIONS_TRACKER_TOKEN (${said}): create a personal API key (Settings → Security & access) with access to team ${this.options.team} and set ACTIONS_TRACKER_TOKEN to it.`
        : error.type === LinearErrorType.Forbidden
          ? `Linear did not let ACTIONS_TRACKER_TOKEN write to team ${this.options.team} (${said}): give the key's user access to the team, and the key the "Create issues" permission.`
          : error.type === LinearErrorType.Ratelimited
            ? `Linear's rate limit was hit (${said}); the action items are tried again on the next run.`
            : `Linear refused the request for team ${this.options.team} (${said}); check actions.tracker.project.`;
    return new TrackerError(message, { cause: error });
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof LinearError && /not found/i.test(error.errors?.[0]?.message ?? error.message);
}

function parseKey(key: string): string | null {
  const m = KEY.exec(key.trim()) ?? PAGE.exec(key.trim());
  return m ? m[1]! : null;
}
