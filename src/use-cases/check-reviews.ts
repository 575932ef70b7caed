import { ChannelArchivedError } from '#src/ports/channel-archived-error.ts';
import type { SavedReview } from '#src/ports/review-records.ts';
import type { CheckReviewsDeps } from './deps.ts';
import type { ReviewDeps } from './review-requests.ts';

/**
 * Asks the review service about every open RCA review, and tells the incident channel once when one
 * is merged (or closed without merging): the move out of `open` in the store goes to one caller,
 * across replicas and runs. Runs every `rca.review.checkEvery`. Says how many notices it posted.
 * Each review is checked on its own: one that fails is logged and the others go on. An archived
 * incident channel hears nothing (Slack refuses), and its review moves on all the same.
 */
export async function checkReviews(deps: CheckReviewsDeps, review: ReviewDeps): Promise<number> {
  let told = 0;
  for (const saved of await review.records.list(['open'])) {
    try {
      if (await checkReview(deps, review, saved)) told += 1;
    } catch (error) {
      const about = { incidentId: saved.incidentId, review: saved.url };
      if (error instanceof ChannelArchivedError)
        deps.log.info({ ...about, channel: error.channelId }, 'the incident channel is archived; no review notice');
      else deps.log.warn({ ...about, err: error }, 'could not check an RCA review; the others went on');
    }
  }
  return told;
}

/** One review: true when its channel was told it was merged or closed. */
async function checkReview(deps: CheckReviewsDeps, review: ReviewDeps, saved: SavedReview): Promise<boolean> {
  const noun = review.requests.noun;
  if (saved.number === null || saved.url === null) return false;
  const state = await review.requests.state(saved.number);
  if (!state.ok) {
    deps.log.warn({ incidentId: saved.incidentId, review: saved.url }, state.message);
    return false;
  }
  if (state.value === 'open') return false;
  const at = deps.clock.now().toISOString();
  if (!(await review.records.move(saved.incidentId, 'open', { ...saved, state: state.value }, at))) return false;
  const incident = await deps.store.getIncident(saved.incidentId);
  await deps.onIncidentChanged(saved.incidentId);
  if (!incident?.channelId) return false;
  const text =
    state.value === 'merged'
      ? `✅ The RCA ${noun} was merged: <${saved.url}|${noun} ${saved.number}>. The RCA is in \`${deps.config.rca.branch}\` now.`
      : `The RCA ${noun} was closed without merging: <${saved.url}|${noun} ${saved.number}>. \`/incident rca\` opens a new one.`;
  await deps.chat.post(incident.channelId, { text });
  return true;
}
