import { resolve } from 'node:path';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import type { RcaRepository } from '#src/ports.ts';
import { RcaRepoSetupError } from './rca-repo-setup-error.ts';
import { createRcaClone } from './create-rca-clone.ts';

export interface PrivateRcaRepository {
  repo: RcaRepository;
  /** Its working clone, which the reminder scan reads. */
  dir: string;
  /** Runs `task` as the only writer to the private repository, across replicas too. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Stops retrying its unpushed commits. */
  stop(): void;
}

/**
 * The repository of private incidents' RCAs (`incident.private.repo`, RCA_PRIVATE_REPO), cloned beside
 * the main one under the data directory with the same credentials, its unpushed commits retried on
 * `rca.pushRetryMs`. Null when none is set: private RCAs then go to the main repository's `rcaDir`.
 */
export async function createPrivateRcaRepository(
  config: BotConfig,
  secrets: Secrets,
  withLock: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<PrivateRcaRepository | null> {
  const url = config.incident.private.repo;
  if (url === '') return null;
  const repo = createRcaClone(config, secrets, { repo: url, dataDir: resolve(config.dataDir, 'private-rca') });
  try {
    await repo.prepare();
  } catch (error) {
    if (!(error instanceof RcaRepoSetupError)) throw error;
    throw new RcaRepoSetupError(error.message.replaceAll('RCA_REPO is', 'RCA_PRIVATE_REPO is'), { cause: error });
  }
  const timer = setInterval(() => {
    withLock(() => repo.pushPending()).catch(() => undefined);
  }, config.rca.pushRetryMs);
  timer.unref();
  return { repo, dir: repo.dir, exclusive: withLock, stop: () => clearInterval(timer) };
}
