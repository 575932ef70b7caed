/**
 * A value copied from an example rather than filled in: a bare prefix (`xoxb-`), words such as
 * "your-token", "changeme" or "replace-me", an ellipsis, or `<…>`. Words count only between
 * separators, so a random token that happens to hold "your" is not one.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /^[a-z]+-$/i.test(v) ||
    /(^|[-_. <])(your|changeme|replace[-_ ]?me|placeholder|example)([-_. >]|$)/i.test(v) ||
    /…|\.\.\.|[<>]|^x{3,}$/i.test(v)
  );
}
