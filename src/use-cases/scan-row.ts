import type { IndexedFile } from '#domain/plan-reminders.ts';

/** What a file yields at a blob, as the scan cache stores it: the title and items as JSON. */
export interface ScanRow {
  path: string;
  blob: string;
  data: string;
}

export function toScanRow(file: IndexedFile): ScanRow {
  return { path: file.path, blob: file.blob, data: JSON.stringify({ title: file.title, items: file.items }) };
}

export function fromScanRow(row: ScanRow): IndexedFile {
  const data = JSON.parse(row.data) as Pick<IndexedFile, 'title' | 'items'>;
  return { path: row.path, blob: row.blob, title: data.title, items: data.items };
}
