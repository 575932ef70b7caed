/** `30s`, `10m`, `1h` → milliseconds; null for anything else, or for zero. */
export function parseIntervalMs(text: string): number | null {
  const match = /^(\d{1,4})\s*(s|m|h)$/.exec(text.trim().toLowerCase());
  if (!match || Number(match[1]) === 0) return null;
  return Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
}
