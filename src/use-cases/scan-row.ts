import type { IndexedFile } from '#domain/plan-reminders.ts';
import { SCANNER_VERSION } from '#rca/scan-action-items.ts';

/** What a file yields at a blob, as the scan cache stores it: the title and items as JSON. */
export interface ScanRow {
  path: string;
  blob: string;
  data: string;
}

/**
 * What a row was read with: the scanner's version and the action-item headings. A cached row read by
 * another scanner or with other headings is read again.
 */
export function scanReader(actionItemHeadings?: readonly string[]): string {
  return `${SCANNER_VERSION}:${actionItemHeadings?.join('|') ?? ''}`;
}

export function toScanRow(file: IndexedFile, reader: string): ScanRow {
  return { path: file.path, blob: file.blob, data: JSON.stringify({ title: file.title, items: file.items, reader }) };
}

/** The file a row holds, and what it was read with. */
export function decodeScanRow(row: ScanRow): { file: IndexedFile; reader: string | undefined } {
  const data = JSON.parse(row.data) as Pick<IndexedFile, 'title' | 'items'> & { reader?: string };
  return { file: { path: row.path, blob: row.blob, title: data.title, items: data.items }, reader: data.reader };
}

/** The file a cached row holds, or null when it was read with another reader. */
export function fromScanRow(row: ScanRow, reader: string): IndexedFile | null {
  const decoded = decodeScanRow(row);
  return decoded.reader === reader ? decoded.file : null;
}
