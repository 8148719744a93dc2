/**
 * The compiler tests' own tiny reference files: a temporary folder holding entities.jsonl,
 * entities_more.jsonl and entities_popular.jsonl with the given records (no ../shared needed).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function entityFilesDir(core: object[], more: object[], popular: object[] = []): string {
  const d = mkdtempSync(path.join(tmpdir(), 'backstory-compile-'));
  const w = (f: string, rows: object[]) => writeFileSync(path.join(d, f), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  w('entities.jsonl', core);
  w('entities_more.jsonl', more);
  w('entities_popular.jsonl', popular);
  return d;
}
