import { DirectorySource } from '#adapters/git/directory-source.ts';
import { type BlobReading, GitBlobSource } from '#adapters/git/git-blob-source.ts';
import { openScanCacheWriter, type StoreLocation } from '#adapters/store/scan-cache-writer.ts';
import { privateRepoFile } from '#domain/private-incident.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import type { ScanSource } from '#use-cases/scan-rca-files.ts';

/** Where the thread reads the RCA files from: plain data, since it crosses to another thread. */
export type ScanSourceSpec = { kind: 'git'; dir: string; reading?: BlobReading } | { kind: 'directory'; root: string };

/** What the index's thread is started with: plain data, since it crosses from the main thread. */
export interface IndexThreadSpec {
  source: ScanSourceSpec;
  dirs: string[];
  actionItemHeadings?: readonly string[];
  /** The store the thread loads and saves the scan cache in, on its own connection; none: no cache. */
  cache?: StoreLocation;
  /** The repository's share of the scan cache (see `scopeScanCache`): '' for the main one. */
  scope?: string;
  /** The private incidents' own repository: its answers name files by `privateRepoFile`. */
  privateRepo?: boolean;
}

/** A query as it crosses: one of the index's methods and its arguments, and the index it is for. */
export interface IndexRequest {
  spec: IndexThreadSpec;
  method: keyof ActionItemIndex;
  args: unknown[];
}

const METHODS: ReadonlySet<string> = new Set<keyof ActionItemIndex>(['refresh', 'plan', 'digest', 'ownedBy']);

/** The index this thread keeps between tasks: made on the first one, from its spec. */
let held: RcaIndex | null = null;

/**
 * A query as the index's thread answers it (`WorkerActionItemIndex` sends them, through a piscina
 * pool of one thread): the files, the scan, the scan cache's reads and writes and the queries all
 * stay on this thread, which keeps the index between tasks, and only the answers cross to the thread
 * that acks Slack. The index is the same `RcaIndex` the command line runs on its own thread.
 */
export function indexTask(request: IndexRequest): Promise<unknown> {
  if (!METHODS.has(request.method)) throw new Error(`the index has no query "${request.method}"`);
  held ??= openIndex(request.spec);
  return (held[request.method] as (...args: unknown[]) => Promise<unknown>).apply(held, request.args);
}

function openIndex(spec: IndexThreadSpec): RcaIndex {
  const source: ScanSource =
    spec.source.kind === 'git'
      ? new GitBlobSource(spec.source.dir, spec.source.reading)
      : new DirectorySource(spec.source.root);
  return new RcaIndex(
    scanInProcess(source),
    spec.cache ? openScanCacheWriter(spec.cache) : null,
    spec.dirs,
    spec.actionItemHeadings,
    spec.scope ?? '',
    spec.privateRepo ? privateRepoFile : undefined,
  );
}
