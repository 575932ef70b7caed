import { parseUserMention } from './slack-mention.ts';

/** Who an action item's Owner cell names, as far as the text alone can tell. */
export type OwnerRef =
  | { kind: 'user'; id: string }
  | { kind: 'usergroup'; id: string }
  | { kind: 'channel'; id: string }
  | { kind: 'email'; email: string }
  | { kind: 'handle'; handle: string }
  | { kind: 'team'; name: string };

/**
 * `<@U123>`, `<!subteam^S123>`, `<#C123>`, `maria@example.com`, `@maria`, or a team name. A name in
 * the configured owners map wins over the rest.
 */
export function parseOwnerRef(owner: string, map: Record<string, string>): OwnerRef {
  const text = owner.trim();
  const mapped = Object.entries(map).find(([name]) => name.toLowerCase() === text.toLowerCase())?.[1];
  if (mapped) return fromId(mapped) ?? { kind: 'team', name: text };
  const user = parseUserMention(text);
  if (user) return { kind: 'user', id: user };
  const group = /^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  if (group) return { kind: 'usergroup', id: group[1]! };
  const channel = /^<#(C[A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  if (channel) return { kind: 'channel', id: channel[1]! };
  const email = /^<?(?:mailto:)?([^\s@<>|]+@[^\s@<>|]+\.[^\s@<>|]+?)(?:\|[^>]*)?>?$/.exec(text);
  if (email) return { kind: 'email', email: email[1]!.toLowerCase() };
  const handle = /^@([\w.-]+)$/.exec(text);
  if (handle) return { kind: 'handle', handle: handle[1]!.toLowerCase() };
  return { kind: 'team', name: text };
}

function fromId(id: string): OwnerRef | null {
  if (/^[UW][A-Z0-9]+$/.test(id)) return { kind: 'user', id };
  if (/^S[A-Z0-9]+$/.test(id)) return { kind: 'usergroup', id };
  if (/^[CG][A-Z0-9]+$/.test(id)) return { kind: 'channel', id };
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(id)) return { kind: 'email', email: id.toLowerCase() };
  return null;
}
