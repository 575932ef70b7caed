import { buildRcaDraft } from '#domain/build-rca-draft.ts';
import { calendarDay } from '#domain/calendar-day.ts';
import type { Incident } from '#domain/incident.ts';
import { isPrivate, leadOf } from '#domain/incident.ts';
import { isPrivateRcaPath } from '#domain/private-incident.ts';
import { renderRcaWebUrl } from '#domain/rca-web-url.ts';
import { userMentionIds } from '#domain/slack-mention.ts';
import { slugify } from '#domain/slugify.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { renderRca } from '#rca/render-rca.ts';
import { updateRca } from '#rca/update-rca.ts';
import type { PushFailure } from '#src/ports.ts';
import type { TrackerIssue } from '#src/ports/action-tracker.ts';
import type { DraftRcaDeps, Outcome, RcaDeps } from './deps.ts';
import { fail, ok } from './deps.ts';
import { awaitPush, openReview } from './open-review.ts';
import { openTrackerIssues } from './open-tracker-issues.ts';
import { publishIncidentEvent } from './publish-incident-event.ts';
import { expireMessageLog } from './expire-message-log.ts';
import { fillPermalinks } from './fill-permalinks.ts';

export interface DraftResult {
  path: string;
  branch: string;
  url: string | null;
  pullRequestUrl: string | null;
  pushed: boolean;
  pushError?: string;
  /** Why the commit is not on the remote, so people are told what it is (see `PushFailure`). */
  pushFailure?: PushFailure;
  note?: string;
  /** The pull or merge request opened (or updated) for the review branch. */
  review?: { noun: string; number: number; url: string; created: boolean };
  /** Why no review could be opened, said for people. */
  reviewProblem?: string;
  /** The tracker issues opened for the action items, written into this draft's commit. */
  tickets?: { tracker: string; created: TrackerIssue[]; problem: string | null };
}

/**
 * Renders the incident's RCA draft and commits it to the RCA repository: a new file the first time,
 * and afterwards a refresh that keeps what people edited. Never writes over another incident's file.
 * With a tracker, the open action items without a ticket get an issue, written into the same commit.
 */
export async function draftRca(deps: DraftRcaDeps, incidentId: string): Promise<Outcome<DraftResult>> {
  const rca = deps.rca;
  const incident = await deps.store.getIncident(incidentId);
  if (!incident) return fail('I could not find that incident.');
  const target = rcaTargetOf(rca, incident);
  const committed = await target.exclusive(() => commitDraft(deps, target, incident));
  if (!committed.ok) return committed;
  const { result, content, entries } = committed.value;
  if (!target.review || deps.config.rca.strategy !== 'branch') return ok(result);
  if (!result.pushed) {
    await awaitPush(deps, target.review, incidentId, result.branch);
    result.reviewProblem = `The ${target.review.requests.noun} opens once the branch is pushed: I push it as soon as the repository answers, and post the link here.`;
    return ok(result);
  }
  // Outside the repository lock: a slow review service never holds up another draft's commit.
  const opened = await openReview(deps, target.review, {
    incident,
    entries,
    content,
    branch: result.branch,
    fileUrl: result.url,
  });
  if (opened.ok) {
    const { warnings, ...review } = opened.value;
    result.review = { noun: target.review.requests.noun, ...review };
    for (const warning of warnings) deps.log.warn({ incidentId, review: review.url }, warning);
  } else result.reviewProblem = opened.message;
  return ok(result);
}

async function commitDraft(
  deps: DraftRcaDeps,
  rca: RcaDeps,
  incident: Incident,
): Promise<Outcome<{ result: DraftResult; content: string; entries: TimelineEntry[] }>> {
  const dir = isPrivate(incident) ? deps.config.incident.private.rcaDir : deps.config.rca.dirs[0]!;
  const path = incident.rcaPath ?? (await choosePath(rca, incident, dir));
  // Branch mode: the draft continues the incident's review branch, where people may have edited it.
  const branch = reviewBranchOf(deps, path);
  await rca.repo.pull(branch);
  const { draft, entries } = await assembleDraft(deps, rca, incident);
  const existing = incident.rcaPath ? await rca.repo.readFile(path, branch) : null;
  let content = renderRca(draft, rca.template);
  let note: string | undefined;
  if (existing !== null) {
    const updated = updateRca(existing, draft, rca.template, await rca.repo.readOwnLastVersion(path, branch));
    if (!updated.ok) return fail(`I did not refresh ${path}: ${updated.reason}`);
    content = updated.text;
    if (updated.kept.length > 0) note = 'Rows people edited were kept as they are.';
  }
  // The tickets go into the draft's own commit: one commit holds the draft and its Ticket column.
  // A private incident's action items open no issues: the tracker is outside its channel.
  const tracker = isPrivate(incident) ? undefined : deps.tracker;
  const tickets = tracker ? await openTrackerIssues(deps, tracker, incident, path, content) : null;
  if (tickets) content = tickets.text;
  const verb = existing === null ? 'Add' : 'Update';
  const outcome = await rca.repo.commitFile(
    path,
    content,
    `${verb} RCA draft: ${incident.title} (${incident.severity}, ${incident.id})`,
    branch,
  );
  if (!outcome.committed && outcome.reason !== 'unchanged')
    return fail(`I could not commit ${path}: ${outcome.reason}${ticketsKept(tickets?.created ?? [])}`);
  await deps.store.updateIncident(incident.id, { rcaPath: path });
  if (outcome.committed) await expireMessageLog(deps, incident);
  const config = deps.config.rca;
  // rca.webUrl and rca.pullRequestUrl point into the main repository, not a private one.
  const ownRepo = rca.repo !== deps.rca.repo;
  const url = ownRepo ? null : renderRcaWebUrl(config.webUrl, branch, path);
  if (outcome.committed)
    await publishIncidentEvent(deps, 'rca', incident.id, `rca:${outcome.sha}`, { rcaPath: path, rcaUrl: url });
  const pullRequestUrl =
    config.strategy === 'branch' && config.pullRequestUrl && !ownRepo
      ? config.pullRequestUrl.replace('{branch}', branch)
      : null;
  const result: DraftResult = { path, branch, url, pullRequestUrl, pushed: !outcome.committed || outcome.pushed };
  if (outcome.committed && !outcome.pushed) {
    if (outcome.pushError) result.pushError = outcome.pushError;
    result.pushFailure = outcome.pushFailure ?? 'unreachable';
  }
  if (note) result.note = note;
  if (tickets && tracker)
    result.tickets = { tracker: tracker.tracker.name, created: tickets.created, problem: tickets.problem };
  return ok({ result, content, entries });
}

/** The issues opened before a commit that failed are remembered, and written by the next draft. */
function ticketsKept(created: TrackerIssue[]): string {
  if (created.length === 0) return '';
  const keys = created.map((i) => i.key).join(', ');
  return ` The issues opened for the action items (${keys}) are written into it by the next draft.`;
}

async function assembleDraft(deps: DraftRcaDeps, rca: RcaDeps, incident: Incident) {
  await fillPermalinks(deps, incident.id);
  const [entries, actionItems] = await Promise.all([
    deps.store.listTimeline(incident.id),
    deps.store.listActionItems(incident.id),
  ]);
  const ids = new Set<string>();
  const collect = (text: string) => {
    for (const id of userMentionIds(text)) ids.add(id);
  };
  for (const e of entries) {
    collect(e.text);
    if (e.authorId) ids.add(e.authorId);
  }
  for (const a of actionItems) collect(a.owner);
  const names: Record<string, string> = {};
  for (const id of ids) names[id] = (await deps.chat.userName(id)) ?? id;
  const lead = leadOf(incident, deps.config.incident.roles);
  const draft = buildRcaDraft({
    incident,
    entries,
    actionItems,
    related: (
      await rca.related.sharingServices(incident.services, incident.rcaPath, 5, (path) =>
        isPrivate(incident) ? false : isPrivateRcaPath(path, deps.config.incident.private.rcaDir),
      )
    ).map(({ name, title }) => ({ target: name, label: title })),
    statuses: deps.config.incident.statuses,
    extraTags: deps.config.rca.tags,
    author: lead ? (names[lead] ?? (await deps.chat.userName(lead)) ?? deps.config.rca.author) : deps.config.rca.author,
    preparedOn: calendarDay(deps.clock.now(), deps.config.rca.timeZone),
    diagram: deps.config.rca.diagram,
    names,
  });
  return { draft, entries };
}

/** The branch a draft is committed to: `rca/<file name>` in branch mode, else the main branch. */
function reviewBranchOf(deps: DraftRcaDeps, path: string): string {
  return deps.config.rca.strategy === 'branch'
    ? `rca/${path.split('/').pop()!.replace(/\.md$/, '')}`
    : deps.config.rca.branch;
}

/** `<dir>/<YYYY-MM-DD>-<slug>.md`, with a suffix when another incident's file has the name. */
async function choosePath(rca: RcaDeps, incident: Incident, dir: string): Promise<string> {
  const base = `${dir.replace(/\/+$/, '')}/${incident.declaredAt.slice(0, 10)}-${slugify(incident.title) || 'incident'}`;
  for (let attempt = 1; ; attempt += 1) {
    const path = attempt === 1 ? `${base}.md` : `${base}-${attempt}.md`;
    if ((await rca.repo.readFile(path)) === null) return path;
  }
}

/** Where an incident's RCA goes: a private incident's to its own repository when there is one. */
function rcaTargetOf(rca: RcaDeps, incident: Incident): RcaDeps {
  if (!isPrivate(incident) || !rca.privateRepo) return rca;
  // Reviews and the web links are the main repository's.
  return { ...rca, repo: rca.privateRepo.repo, exclusive: rca.privateRepo.exclusive, review: null, privateRepo: null };
}
