import { readFile } from 'node:fs/promises';

export type TextFile = { ok: true; source: string } | { ok: false; problem: string };

/** Reads a file as UTF-8 text, or says in a few words why it cannot: missing, a folder, not text. */
export async function readTextFile(path: string): Promise<TextFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problem: describeReadError(error as NodeJS.ErrnoException) };
  }
  if (bytes.includes(0)) return { ok: false, problem: 'not a text file (it holds NUL bytes)' };
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'not a text file (it is not UTF-8)' };
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file (ENOENT)',
  EISDIR: 'a directory, not a file (EISDIR)',
  ENOTDIR: 'a path through a file, not a directory (ENOTDIR)',
  EACCES: 'not readable by this user (EACCES)',
};

export function describeReadError(error: NodeJS.ErrnoException): string {
  return READ_ERRORS[error.code ?? ''] ?? error.code ?? error.message;
}
