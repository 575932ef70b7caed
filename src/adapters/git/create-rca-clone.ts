import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import { SimpleGitRcaRepository } from './simple-git-rca-repository.ts';

/**
 * The bot's working clone of an RCA repository (`RCA_REPO`, or `RCA_PRIVATE_REPO` for private
 * incidents) under `dataDir`, on `rca.branch`, committing as `rca.authorName`, with the repository
 * credentials from the environment. Not yet prepared.
 */
export function createRcaClone(
  config: BotConfig,
  secrets: Secrets,
  where: { repo: string; dataDir: string },
): SimpleGitRcaRepository {
  return new SimpleGitRcaRepository({
    repo: where.repo,
    dataDir: where.dataDir,
    branch: config.rca.branch,
    authorName: config.rca.authorName,
    authorEmail: config.rca.authorEmail,
    env: { ...process.env, RCA_REPO_TOKEN: secrets.rcaRepoToken, RCA_REPO_USER: secrets.rcaRepoUser },
  });
}
