/** An error as one line for a person: its message, or its system code and path, never its stack. */
export function describeError(error: unknown): string {
  const e = error as (NodeJS.ErrnoException & { message?: string }) | null;
  const firstLine = String(e?.message ?? error)
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  return firstLine ?? e?.code ?? 'unknown error';
}
