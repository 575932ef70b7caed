import { parseRca } from '#rca/parse-rca.ts';
import { ticketOf } from '#rca/ticket-of.ts';
import { TrackerError } from '#src/ports/action-tracker.ts';
import type { CloseTrackerIssueDeps } from './deps.ts';

/**
 * After Done: closes the item's tracker issue when `actions.tracker.closeOnDone` says so. Gives the
 * sentence to add to the answer (what was closed, or why it could not be), or '' when there is none.
 */
export async function closeTrackerIssue(deps: CloseTrackerIssueDeps, source: string, line: number): Promise<string> {
  const tracker = deps.tracker;
  const item = tracker?.closeOnDone ? parseRca(source).actionItems.find((i) => i.line === line) : undefined;
  const ticket = item ? ticketOf(item) : null;
  if (!tracker || !ticket) return '';
  try {
    if ((await tracker.tracker.isClosed(ticket)) === null) return '';
    await tracker.tracker.closeIssue(ticket);
    return ` Closed ${ticket} in ${tracker.tracker.name}.`;
  } catch (error) {
    if (!(error instanceof TrackerError)) throw error;
    deps.log.warn({ err: error, ticket }, 'could not close the tracker issue');
    return ` ${ticket} is still open: ${error.message}`;
  }
}
