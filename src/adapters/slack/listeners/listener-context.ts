import type { Deps } from '#use-cases/deps.ts';
import type { UpdatePublisher } from '#src/ports.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';

/** What every listener is given. */
export interface ListenerContext {
  deps: Deps;
  /** The RCA repositories' action items (the private incidents' own one's too), for the App Home tab. */
  index?: ActionItemIndex;
  /** Where status updates go. */
  updates: UpdatePublisher;
}

/** What the person sees when something unexpected failed: never a stack trace, always what to do next. */
export function somethingWentWrong(ctx: ListenerContext, error: unknown, what: string): string {
  const ref = Math.random().toString(36).slice(2, 8);
  ctx.deps.log.error({ err: error, ref }, `${what} failed`);
  return `Sorry, ${what} did not work (reference ${ref}; the bot's log has the details). Please try again in a moment.`;
}
