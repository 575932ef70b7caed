import type { Incident } from '#domain/incident.ts';
import { itemKeys } from '#domain/plan-reminders.ts';
import { renderRcaWebUrl } from '#domain/rca-web-url.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { setTicketCell } from '#rca/set-ticket-cell.ts';
import { ticketOf } from '#rca/ticket-of.ts';
import { TrackerError, type TrackerIssue } from '#src/ports/action-tracker.ts';
import type { OpenTrackerIssuesDeps, TrackerDeps } from './deps.ts';
import { rcaBranch } from './rca-branch.ts';

/** What the tracker did for a draft: the RCA text with the tickets in it, and what to tell people. */
export interface TicketsWritten {
  text: string;
  /** The issues opened by this draft (the ones remembered from an earlier try are written, not listed). */
  created: TrackerIssue[];
  /** Why the tracker opened no more, said for people; the items left are tried on the next draft. */
  problem: string | null;
}

/**
 * Opens a tracker issue for each open action item of the RCA text about to be committed that has none
 * yet (no Ticket cell, no `ABC-123` or issue link in its text, none remembered in the store), with the
 * RCA's link and the incident's title, and writes each into the text's Ticket column, so the draft and
 * its tickets go in one commit. Each issue is remembered as soon as it is opened: a commit that fails
 * afterwards never leads to a second one. A tracker that fails stops here and leaves the text as far
 * as it got; it never throws, so the draft is committed all the same.
 */
export async function openTrackerIssues(
  deps: OpenTrackerIssuesDeps,
  tracker: TrackerDeps,
  incident: Incident,
  path: string,
  source: string,
): Promise<TicketsWritten> {
  let text = source;
  const created: TrackerIssue[] = [];
  const items = parseRca(source).actionItems;
  const keys = itemKeys(
    path,
    items.map((item) => item.action),
  );
  for (const [k, item] of items.entries()) {
    if (item.done || ticketOf(item) !== null) continue;
    const key = keys[k]!;
    let issue: TrackerIssue | null;
    try {
      issue = await tracker.links.get(key);
      if (!issue) {
        issue = await tracker.tracker.createIssue(issueFor(deps, incident, path, item));
        await tracker.links.put(key, issue, deps.clock.now().toISOString());
        created.push(issue);
      }
    } catch (error) {
      return { text, created, problem: said(deps, incident, tracker, error) };
    }
    const written = setTicketCell(text, item.line, issue);
    if (written.ok) text = written.text;
  }
  return { text, created, problem: null };
}

function said(deps: OpenTrackerIssuesDeps, incident: Incident, tracker: TrackerDeps, error: unknown): string {
  const next = 'The action items left are tried again on the next draft.';
  if (error instanceof TrackerError) return `${error.message} ${next}`;
  deps.log.error({ err: error, incidentId: incident.id }, 'opening tracker issues failed');
  return `Something went wrong while opening issues in ${tracker.tracker.name} (${(error as Error).message.split('\n')[0]}). ${next}`;
}

function issueFor(
  deps: OpenTrackerIssuesDeps,
  incident: Incident,
  path: string,
  item: { action: string; owner: string | null; due: string | null; priority: string | null },
) {
  const link = renderRcaWebUrl(deps.config.rca.webUrl, rcaBranch(deps.config.rca, path), path) ?? path;
  const lines = [
    `Action item from the RCA of **${incident.title}** (${incident.severity}, ${incident.id}): ${link}`,
    '',
    ...(item.owner ? [`Owner: ${item.owner}`] : []),
    ...(item.due ? [`Due: ${item.due}`] : []),
    ...(item.priority ? [`Priority: ${item.priority}`] : []),
  ];
  return { title: item.action.slice(0, 250), body: lines.join('\n').trim() };
}
