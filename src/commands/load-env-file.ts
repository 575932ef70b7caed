import { existsSync } from 'node:fs';

/** Reads `.env` from the working directory when there is one (Node's own loader; real env wins). */
export function loadEnvFile(path = '.env'): void {
  if (!existsSync(path)) return;
  const before = { ...process.env };
  process.loadEnvFile(path);
  Object.assign(process.env, before);
}
