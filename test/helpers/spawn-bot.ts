import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#config/load-config.ts';

/** Runs `scribe start` in its own process, as production does, and waits for it to say it runs. */
export async function spawnBot(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; stop(): Promise<void>; logs: string[] }> {
  const logs: string[] = [];
  const extra = process.env['BENCH_BOT_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...extra, '--conditions=development', join(PROJECT_ROOT, 'bin/scribe.js'), 'start'],
    {
      env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${logs.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      logs.push(String(chunk));
      if (String(chunk).includes('Incident Scribe is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => logs.push(String(c)));
    child.on('exit', (code) => reject(new Error(`bot exited with ${code}:\n${logs.join('')}`)));
  });
  return {
    child,
    logs,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
