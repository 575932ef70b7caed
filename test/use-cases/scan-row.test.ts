import { describe, expect, it } from 'vitest';
import type { IndexedFile } from '#domain/plan-reminders.ts';
import { decodeScanRow, fromScanRow, scanReader, toScanRow } from '#use-cases/scan-row.ts';

const file: IndexedFile = { path: 'RCAs/a.md', blob: 'abc', title: 'A', items: [] };

describe('scan rows', () => {
  it('gives back the file a row was made from, with its reader', () => {
    const reader = scanReader(['Action Items']);

    const row = toScanRow(file, reader);

    expect(decodeScanRow(row)).toEqual({ file, reader });
    expect(fromScanRow(row, reader)).toEqual(file);
  });

  it('reads a row again when it was read with other headings', () => {
    const row = toScanRow(file, scanReader(['Action Items']));

    expect(fromScanRow(row, scanReader(['Follow-ups']))).toBeNull();
    expect(scanReader(['A', 'B'])).not.toBe(scanReader(['A']));
  });
});
