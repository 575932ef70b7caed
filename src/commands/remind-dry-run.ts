import { DirectorySource } from '#adapters/git/directory-source.ts';
import type { BotConfig } from '#config/bot-config.ts';
import { PRIVATE_REPO_SCOPE, privateRepoDirs, privateRepoFile } from '#domain/private-incident.ts';
import { combineRcaIndexes } from '#use-cases/combine-rca-indexes.ts';
import { planReminderRun, type ReminderRunPlan } from '#use-cases/plan-reminder-run.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';

/**
 * The reminders a run on `today` would send from the RCA files in a folder (and, given `privateDir`,
 * the private incidents' own repository, its files named by `privateRepoFile` as the bot names them),
 * with nothing sent and nothing stored: `scribe remind --dry-run` and the demo. The scan runs on this
 * thread, since nothing here waits on the event loop.
 */
export function dryRunReminders(
  dir: string,
  config: Pick<BotConfig, 'rca' | 'reminders'> & { incident: Pick<BotConfig['incident'], 'private'> },
  today: string,
  privateDir: string | null = null,
): Promise<ReminderRunPlan> {
  const headings = config.rca.actionItemHeadings;
  const main = new RcaIndex(scanInProcess(new DirectorySource(dir)), null, config.rca.dirs, headings);
  const privateIndex =
    privateDir === null
      ? null
      : new RcaIndex(
          scanInProcess(new DirectorySource(privateDir)),
          null,
          privateRepoDirs(config.rca.dirs, config.incident.private.rcaDir),
          headings,
          PRIVATE_REPO_SCOPE,
          privateRepoFile,
        );
  return planReminderRun(combineRcaIndexes(main, privateIndex), { today, policy: config.reminders });
}
