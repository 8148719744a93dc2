/**
 * `npm run bench [-- --json] [-- --only name]`: runs every test/bench/*.bench.ts (each exports
 * run(ctx) → BenchRow[]) and prints one table, or JSON lines with --json.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const shared = path.resolve(process.cwd(), '../shared');
const ctx = { shared: existsSync(path.join(shared, 'data')) ? shared : null, root: process.cwd() };

const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const rows: BenchRow[] = [];
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  if (only && name !== only) continue;
  const mod = (await import(path.join(here, f))) as { run(c: typeof ctx): Promise<BenchRow[]> };
  try {
    const got = await mod.run(ctx);
    rows.push(...got);
    if (json) for (const r of got) console.log(JSON.stringify(r));
  } catch (err) {
    const row: BenchRow = { name: `${name}: failed`, median: NaN, spread: [NaN, NaN], unit: '', note: String(err) };
    rows.push(row);
    if (json) console.log(JSON.stringify(row));
  }
}
if (!json) {
  const fmt = (n: number) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3)) : '–');
  const lines = [['benchmark', 'median', 'p10–p90', 'unit', 'reference', 'ratio', 'target', 'met']];
  for (const r of rows) {
    lines.push([
      r.name, fmt(r.median), `${fmt(r.spread[0])}–${fmt(r.spread[1])}`, r.unit,
      r.reference ? `${r.reference.name} ${fmt(r.reference.median)}` : '', r.reference ? `${fmt(r.reference.ratio)}×` : '',
      r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  for (const r of rows) if (r.note) console.log(`note — ${r.name}: ${r.note}`);
}
