import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import { KyselyTrackerLinks } from '#adapters/store/kysely-tracker-links.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import type { ActionTracker } from '#src/ports/action-tracker.ts';
import type { TrackerDeps } from '#use-cases/deps.ts';
import { GithubIssuesTracker } from './github-issues-tracker.ts';

type Provider = Exclude<BotConfig['actions']['tracker']['provider'], 'none'>;

/** One adapter per provider, keyed as `actions.tracker.provider` names it. */
const TRACKERS: Record<Provider, (tracker: BotConfig['actions']['tracker'], token: string) => ActionTracker> = {
  github: (tracker, token) =>
    new GithubIssuesTracker({ token, repository: tracker.repository, apiUrl: tracker.apiUrl, labels: tracker.labels }),
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
    tracker: TRACKERS[tracker.provider](tracker, secrets.actionsTrackerToken ?? ''),
    links: new KyselyTrackerLinks(store.db),
    closeOnDone: tracker.closeOnDone,
  };
}
