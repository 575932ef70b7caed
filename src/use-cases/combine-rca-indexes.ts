import { privateRepoFile } from '#domain/private-incident.ts';
import type { ReminderFiles } from './plan-reminder-run.ts';

/**
 * The main RCA repository's files and those of the private incidents' own repository
 * (`incident.private.repo`) as one list, the private ones named by `privateRepoFile`, so an item's
 * ledger key, snooze and buttons say which repository it lives in. Both indexes refresh together.
 */
export function combineRcaIndexes(main: ReminderFiles, privateRepo: ReminderFiles | null): ReminderFiles {
  if (privateRepo === null) return main;
  return {
    async refresh() {
      const [ours, theirs] = await Promise.all([main.refresh(), privateRepo.refresh()]);
      return {
        files: [...ours.files, ...theirs.files.map((file) => ({ ...file, path: privateRepoFile(file.path) }))],
        parsed: ours.parsed + theirs.parsed,
      };
    },
  };
}
