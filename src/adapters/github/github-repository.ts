/** A GitHub repository as the REST API's paths name it. */
export interface GithubRepository {
  owner: string;
  repo: string;
}

/** `acme/postmortems` → `{ owner: 'acme', repo: 'postmortems' }` (empty parts when it is not of that form). */
export function githubRepository(repository: string): GithubRepository {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}
