/** A value as a person would read it in a message: `"abc"`, `42`, `nothing`, `a list`. */
export function describeFound(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a section of settings';
  return typeof value;
}

/**
 * A zod `error` option for one setting: "expected <what>, found <the value>". Every check on the setting
 * gets the same sentence, so a person reads what a good value looks like, not which check failed.
 */
export function expected(what: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => `expected ${what}, found ${describeFound(issue.input)}` };
}

/** The same for a secret: its value never appears in a message or a log line. */
export function expectedSecret(what: string): { error: () => string } {
  return { error: () => `expected ${what}` };
}
