import type { IncomingMessage } from 'node:http';

/** Reading a Web API request the way Slack accepts it: a form, a JSON body, or query parameters. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseArgs(contentType: string, raw: string, query: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  if (contentType.includes('application/json')) Object.assign(args, parseJsonOrEmpty(raw));
  else for (const [key, value] of new URLSearchParams(raw)) args[key] = value;
  return args;
}

export function parseJsonOrEmpty(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
