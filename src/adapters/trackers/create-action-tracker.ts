import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import { KyselyTrackerLinks } from '#adapters/store/kysely-tracker-links.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import type { ActionTracker } from '#src/ports/action-tracker.ts';
import type { TrackerDeps } from '#use-cases/deps.ts';
import { GithubIssuesTracker } from './github-issues-tracker.ts';
import { JiraTracker } from './jira-tracker.ts';
import { LinearTracker } from './linear-tracker.ts';

type Tracker = BotConfig['actions']['tracker'];
type Provider = Exclude<Tracker['provider'], 'none'>;

/** One adapter per provider, keyed as `actions.tracker.provider` names it. */
const TRACKERS: Record<Provider, (tracker: Tracker, secrets: Secrets) => ActionTracker> = {
  github: (tracker, secrets) =>
    new GithubIssuesTracker({
      token: secrets.actionsTrackerToken ?? '',
      repository: tracker.repository,
      apiUrl: tracker.apiUrl || 'https://api.github.com',
      labels: tracker.labels,
    }),
  jira: (tracker, secrets) =>
    new JiraTracker({
      site: tracker.apiUrl,
      token: secrets.actionsTrackerToken ?? '',
      user: secrets.actionsTrackerUser,
      project: tracker.project,
      issueType: tracker.issueType,
      labels: tracker.labels,
    }),
  linear: (tracker, secrets) =>
    new LinearTracker({
      apiKey: secrets.actionsTrackerToken ?? '',
      apiUrl: tracker.apiUrl || 'https://api.linear.app/graphql',
      team: tracker.project,
      labels: tracker.labels,
    }),
};

/** The tracker the settings name, or nothing with `provider: none`. */
export function createActionTracker(
  config: BotConfig,
  secrets: Secrets,
  store: KyselyIncidentStore,
): TrackerDeps | undefined {
  const tracker = config.actions.tracker;
  if (tracker.provider === 'none') return undefined;
  return {
    tracker: TRACKERS[tracker.provider](tracker, secrets),
    links: new KyselyTrackerLinks(store.db),
    closeOnDone: tracker.closeOnDone,
  };
}
