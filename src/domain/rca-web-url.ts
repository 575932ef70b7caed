/** An RCA file's page from `rca.webUrl` (`{branch}`, `{path}`), or null when no template is set. */
export function rcaWebUrl(template: string, branch: string, path: string): string | null {
  return template ? template.replace('{branch}', branch).replace('{path}', path) : null;
}
