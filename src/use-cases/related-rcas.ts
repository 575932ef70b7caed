import { readFrontMatter } from '#rca/front-matter.ts';
import type { RcaRepository } from '#src/ports.ts';
import { BlobCache } from './blob-cache.ts';

export interface RcaSummary {
  /** The file name without `.md`, which an Obsidian wiki link names. */
  name: string;
  title: string;
  date: string;
  services: string[];
}

/**
 * The title, date and services of every RCA, kept by git blob id so that a draft re-reads only the
 * files that changed since the last one; files that are gone are dropped, so it never only grows.
 */
export class RelatedRcas {
  private readonly known = new BlobCache<RcaSummary>();

  constructor(
    private readonly repo: Pick<RcaRepository, 'listFiles' | 'readFile'>,
    private readonly dirs: string[],
  ) {}

  /** Other RCAs sharing a service with the incident, newest first, at most `limit`. */
  async sharingServices(
    services: string[],
    exceptPath: string | null,
    limit = 5,
    /** Files not to name (a public draft never names a private incident's RCA). */
    skip: (path: string) => boolean = () => false,
  ): Promise<RcaSummary[]> {
    if (services.length === 0) return [];
    const wanted = new Set(services.map((s) => s.toLowerCase()));
    const found: RcaSummary[] = [];
    await this.refresh();
    for (const [path, summary] of this.known.entries()) {
      if (path !== exceptPath && !skip(path) && summary.services.some((s) => wanted.has(s))) found.push(summary);
    }
    return found
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.name.localeCompare(b.name)))
      .slice(0, limit);
  }

  /** Re-reads the files whose blob changed, and forgets the ones that are gone. */
  private async refresh(): Promise<void> {
    const paths: string[] = [];
    const fresh = new Map<string, { blob: string; value: RcaSummary }>();
    for (const file of await this.repo.listFiles(this.dirs)) {
      if (!this.known.holds(file.path, file.blob)) {
        const source = await this.repo.readFile(file.path);
        if (source === null) continue;
        fresh.set(file.path, { blob: file.blob, value: summarize(file.path, source) });
      }
      paths.push(file.path);
    }
    this.known.keep(paths, fresh);
  }
}

function summarize(path: string, source: string): RcaSummary {
  const { data } = readFrontMatter(source);
  const name = path.split('/').pop()!.replace(/\.md$/i, '');
  return {
    name,
    title: typeof data['title'] === 'string' ? data['title'] : name,
    date: typeof data['date'] === 'string' ? data['date'].slice(0, 10) : name.slice(0, 10),
    services: Array.isArray(data['services']) ? data['services'].map((s) => String(s).toLowerCase()) : [],
  };
}
