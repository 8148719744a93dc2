/**
 * The coverage trainers' feature-row cache (`--boost`'s storyline rows): rows
 * take minutes to make and only change with the code that makes them or with the pack, so they are
 * kept under .cache/ keyed on both. `code` is the text of the code that shapes the rows (the caller
 * says which); a rebuilt pack (size or time) is a miss too, since it decides which entities each item
 * links. `fresh` (--fresh-rows) remakes them regardless.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashId } from './coverage';

/** One query's rows and one small integer label per row (`rel` or `own`, named by the caller). */
export type LabelledRows<L extends string> = { id: string; rows: Float64Array[] } & Record<L, Uint8Array>;

export function cachedRows<L extends string>(file: string, code: string, label: L, fresh: boolean, make: () => LabelledRows<L>[]): LabelledRows<L>[] {
  const pack = statSync('assets/default-pack.json');
  const stamp = hashId(`${code}|${pack.size}|${pack.mtimeMs}`);
  mkdirSync(path.resolve('.cache'), { recursive: true });
  const at = path.resolve('.cache', `${file}-${stamp}.json`);
  if (existsSync(at) && !fresh) {
    const raw = JSON.parse(readFileSync(at, 'utf8')) as ({ id: string; rows: number[][] } & Record<L, number[]>)[];
    return raw.map((q) => ({ id: q.id, rows: q.rows.map((r) => Float64Array.from(r)), [label]: Uint8Array.from(q[label]) }) as LabelledRows<L>);
  }
  const out = make();
  writeFileSync(at, JSON.stringify(out.map((q) => ({ id: q.id, rows: q.rows.map((r) => [...r]), [label]: [...q[label]] }))));
  return out;
}
