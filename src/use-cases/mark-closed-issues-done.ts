import { markActionItemDone } from '#rca/mark-done.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { ticketOf } from '#rca/ticket-of.ts';
import { TrackerError } from '#src/ports/action-tracker.ts';
import type { MarkClosedIssuesDoneDeps } from './deps.ts';
import { rcaBranch } from './rca-branch.ts';

/**
 * Before the reminders: each open action item (of the incidents' RCAs) whose tracker issue is closed is
 * marked done in its RCA, by a commit per file, the same row change the Done button makes. Says how
 * many items it marked. A tracker that cannot be asked leaves the items as they are, for the next run.
 */
export async function markClosedIssuesDone(deps: MarkClosedIssuesDoneDeps): Promise<number> {
  const { rca, tracker } = deps;
  if (!rca || !tracker) return 0;
  const paths = new Set((await deps.store.listIncidents({})).flatMap((i) => (i.rcaPath ? [i.rcaPath] : [])));
  let marked = 0;
  for (const path of paths) {
    marked += await rca.exclusive(async () => {
      await rca.repo.pull();
      const source = await rca.repo.readFile(path);
      if (source === null) return 0;
      let text = source;
      const closed: string[] = [];
      for (const [k, item] of parseRca(source).actionItems.entries()) {
        const ticket = item.done ? null : ticketOf(item);
        if (!ticket) continue;
        const isClosed = await tracker.tracker.isClosed(ticket).catch((error: unknown) => {
          if (!(error instanceof TrackerError)) throw error;
          deps.log.warn({ err: error, path, ticket }, 'could not ask the tracker about an action item');
          return null;
        });
        if (isClosed !== true) continue;
        // Marking items done moves none: the k-th item of the text so far is this one, whatever its text repeats.
        const done = markActionItemDone(text, (action, index) => index === k && action === item.action);
        if (done.ok) {
          text = done.text;
          closed.push(ticket);
        }
      }
      if (closed.length === 0) return 0;
      const outcome = await rca.repo.commitFile(
        path,
        text,
        `Mark action items done in ${path}: ${closed.join(', ')} closed in ${tracker.tracker.name}`,
        rcaBranch(deps.config.rca, path),
      );
      return outcome.committed ? closed.length : 0;
    });
  }
  return marked;
}
