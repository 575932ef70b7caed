/**
 * Splits credentials out of a repository URL, so they reach git through the environment of each
 * command and never land in .git/config or a log line.
 */
export function splitCredentials(url: string): { url: string; username: string | null; password: string | null } {
  const match = /^(https?:\/\/)([^/@:\s]+)(?::([^/@\s]*))?@(.+)$/.exec(url);
  if (!match) return { url, username: null, password: null };
  return {
    url: `${match[1]}${match[4]}`,
    username: decodeURIComponent(match[2]!),
    password: match[3] ? decodeURIComponent(match[3]) : null,
  };
}

export function isRemoteUrl(repo: string): boolean {
  return /^(?:https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}

/** The environment every git command runs with: no prompts, credentials as an HTTP header if any. */
export function gitEnvironment(
  base: NodeJS.ProcessEnv,
  credentials: { username: string | null; password: string | null },
): Record<string, string> {
  // An allowlist: git gets what it needs to run and reach a remote (the ssh agent included), and no
  // editor, pager or askpass from the surroundings.
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'SSH_AUTH_SOCK', 'GIT_SSH_COMMAND']) {
    const value = base[key];
    if (value !== undefined) env[key] = value;
  }
  env['GIT_TERMINAL_PROMPT'] = '0';
  env['GIT_SSH_COMMAND'] =
    base['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=15';
  const token = credentials.password ?? base['RCA_REPO_TOKEN'] ?? null;
  if (token) {
    const user = credentials.username ?? base['RCA_REPO_USER'] ?? 'x-access-token';
    env['GIT_CONFIG_COUNT'] = '1';
    env['GIT_CONFIG_KEY_0'] = 'http.extraHeader';
    env['GIT_CONFIG_VALUE_0'] = `Authorization: Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
  }
  return env;
}
