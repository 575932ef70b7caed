/** The first three lines of what git said, on one line: enough to classify it and to show a person. */
export function firstLines(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n').slice(0, 3).join(' ');
}
