import { describe, expect, it } from 'vitest';
import type { RcaFileInfo } from '#src/ports.ts';
import { RelatedRcas } from '#use-cases/related-rcas.ts';

/** A repository in memory that counts the files it is asked to read. */
function memoryRepo(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    files,
    async listFiles(): Promise<RcaFileInfo[]> {
      return Object.entries(files).map(([path, text]) => ({ path, blob: `${text.length}:${text}` }));
    },
    async readFile(path: string) {
      reads.push(path);
      return files[path] ?? null;
    },
  };
}

const rca = (title: string, date: string, services: string[]) =>
  `---\ntitle: "${title}"\ndate: ${date}\nservices: [${services.join(', ')}]\n---\n\n# ${title}\n`;

describe('RelatedRcas', () => {
  it('finds RCAs sharing a service, newest first, without the incident’s own file', async () => {
    const repo = memoryRepo({
      'RCAs/2025-01-01-a.md': rca('Old checkout outage', '2025-01-01', ['checkout']),
      'RCAs/2025-03-01-b.md': rca('Newer checkout outage', '2025-03-01', ['Checkout', 'db']),
      'RCAs/2025-02-01-c.md': rca('Search', '2025-02-01', ['search']),
      'RCAs/2025-04-01-own.md': rca('This one', '2025-04-01', ['checkout']),
    });
    const related = new RelatedRcas(repo, ['RCAs']);

    const found = await related.sharingServices(['checkout'], 'RCAs/2025-04-01-own.md');

    expect(found.map((r) => [r.name, r.title])).toEqual([
      ['2025-03-01-b', 'Newer checkout outage'],
      ['2025-01-01-a', 'Old checkout outage'],
    ]);
  });

  it('re-reads only the files whose blob changed, and forgets files that are gone', async () => {
    const repo = memoryRepo({
      'RCAs/a.md': rca('A', '2025-01-01', ['api']),
      'RCAs/b.md': rca('B', '2025-01-02', ['api']),
    });
    const related = new RelatedRcas(repo, ['RCAs']);
    await related.sharingServices(['api'], null);
    repo.reads.length = 0;

    repo.files['RCAs/b.md'] = rca('B, edited', '2025-01-02', ['api']);
    delete repo.files['RCAs/a.md'];
    const found = await related.sharingServices(['api'], null);

    expect(repo.reads).toEqual(['RCAs/b.md']);
    expect(found.map((r) => r.title)).toEqual(['B, edited']);
  });

  it('asks for nothing when the incident names no service', async () => {
    const repo = memoryRepo({ 'RCAs/a.md': rca('A', '2025-01-01', ['api']) });

    expect(await new RelatedRcas(repo, ['RCAs']).sharingServices([], null)).toEqual([]);
    expect(repo.reads).toEqual([]);
  });
});
