/** A problem the operator can fix: it says which variable and where to get it. */
export class SetupError extends Error {
  readonly code = 'SETUP';
}

export const DEMO_HINT = 'To try the bot without Slack, run `npx scribe demo`.';
