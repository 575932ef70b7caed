import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Starts bare-bolt-app.ts in its own process and waits until it is connected; `stop` ends it. */
export async function spawnBareBolt(env: Record<string, string>): Promise<{ stop(): Promise<void> }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'bare-bolt-app.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stderr.on('data', (c: Buffer) => logs.push(String(c)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare Bolt app did not start:\n${logs.join('')}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      if (String(c).includes('bare bolt running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the bare Bolt app exited with ${code}:\n${logs.join('')}`)));
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
