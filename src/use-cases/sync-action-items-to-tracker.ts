import type { Incident } from '#domain/incident.ts';
import { itemKey } from '#domain/plan-reminders.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { readTicketCell } from '#rca/read-ticket-cell.ts';
import { setTicketCell } from '#rca/set-ticket-cell.ts';
import { TrackerError, type TrackerIssue } from '#src/ports/action-tracker.ts';
import type { Deps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';
import { rcaBranch } from './rca-branch.ts';

/**
 * Opens a tracker issue for each open action item of the incident's RCA that has none yet (no Ticket
 * cell, no `ABC-123` or issue link in its text, none remembered in the store), with the RCA's link and
 * the incident's title, and writes each key back into the RCA's Ticket column in one commit. Tells the
 * incident channel what it opened, or what to fix when the tracker refused.
 */
export async function syncActionItemsToTracker(deps: Deps, incidentId: string): Promise<Outcome<TrackerIssue[]>> {
  const { rca, tracker } = deps;
  if (!rca || !tracker) return ok([]);
  const incident = await deps.store.getIncident(incidentId);
  if (!incident?.rcaPath) return ok([]);
  const path = incident.rcaPath;
  const outcome = await rca.exclusive(async (): Promise<Outcome<TrackerIssue[]>> => {
    await rca.repo.pull();
    const source = await rca.repo.readFile(path);
    if (source === null) return fail(`${path} is no longer in the repository, so no issues were opened.`);
    let text = source;
    const created: TrackerIssue[] = [];
    let problem: string | null = null;
    for (const item of parseRca(source).actionItems) {
      if (item.done || readTicketCell(source, item.line) !== null) continue;
      const key = itemKey(path, item.action);
      let issue = await tracker.links.get(key);
      if (!issue) {
        try {
          issue = await tracker.tracker.createIssue(issueFor(deps, incident, path, item));
        } catch (error) {
          if (!(error instanceof TrackerError)) throw error;
          problem = error.message;
          break;
        }
        await tracker.links.put(key, issue, deps.clock.now().toISOString());
        created.push(issue);
      }
      const written = setTicketCell(text, item.line, issue);
      if (written.ok) text = written.text;
    }
    if (text !== source) {
      const commit = await rca.repo.commitFile(
        path,
        text,
        `Link action items to ${tracker.tracker.name}: ${incident.title} (${incident.id})`,
        rcaBranch(deps.config.rca, path),
      );
      if (!commit.committed && commit.reason !== 'unchanged')
        return fail(`I opened the issues but could not write them into ${path}: ${commit.reason}`);
    }
    if (problem) return fail(`${problem} The action items left are tried again on the next draft.`);
    return ok(created);
  });
  if (incident.channelId && (!outcome.ok || outcome.value.length > 0))
    await deps.chat.post(incident.channelId, { text: describe(outcome, tracker.tracker.name) });
  return outcome;
}

function issueFor(
  deps: Deps,
  incident: Incident,
  path: string,
  item: { action: string; owner: string | null; due: string | null; priority: string | null },
) {
  const web = deps.config.rca.webUrl;
  const link = web ? web.replace('{branch}', rcaBranch(deps.config.rca, path)).replace('{path}', path) : path;
  const lines = [
    `Action item from the RCA of **${incident.title}** (${incident.severity}, ${incident.id}): ${link}`,
    '',
    ...(item.owner ? [`Owner: ${item.owner}`] : []),
    ...(item.due ? [`Due: ${item.due}`] : []),
    ...(item.priority ? [`Priority: ${item.priority}`] : []),
  ];
  return { title: item.action.slice(0, 250), body: lines.join('\n').trim() };
}

function describe(outcome: Outcome<TrackerIssue[]>, tracker: string): string {
  if (!outcome.ok) return `⚠️ ${outcome.message}`;
  const links = outcome.value.map((i) => (i.url ? `<${i.url}|${i.key}>` : i.key));
  return `🎫 Opened ${links.length} issue${links.length === 1 ? '' : 's'} in ${tracker} for the action items: ${links.join(', ')}`;
}
