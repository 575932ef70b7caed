/**
 * A value copied from an example rather than filled in: a bare prefix (`xoxb-`), or words such as
 * "your-token", "changeme", "…" or `<…>`.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return /^[a-z]+-$/i.test(v) || /your|changeme|replace|placeholder|here\b|…|\.\.\.|<|>|^x{3,}$/i.test(v);
}
