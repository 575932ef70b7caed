/**
 * An RCA file's address in the repository's web view, from `rca.webUrl`
 * (`https://github.com/acme/rcas/blob/{branch}/{path}`); null when no template is set.
 */
export function renderRcaWebUrl(template: string, branch: string, path: string): string | null {
  return template ? template.replace('{branch}', branch).replace('{path}', path) : null;
}
