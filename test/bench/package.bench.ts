/**
 * Issue #8, package: the size of each store zip (.output/*.zip from `npm run build`) and of the
 * default pack (raw JSON, and gzip -9 as the build ships it). Sizes, not timings: one "sample".
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { skipRow } from './_browser';
import type { BenchRow } from './measure';

const MB = 1048576;
const size = (name: string, bytes: number, extra: Partial<BenchRow> = {}): BenchRow => ({
  name, median: bytes / MB, spread: [bytes / MB, bytes / MB], unit: 'MB', ...extra,
});

export async function run(ctx: { root: string }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const out = path.resolve(ctx.root, process.env.BACKSTORY_OUT_DIR ?? '.output');
  const zips = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.zip')).sort() : [];
  if (zips.length === 0) rows.push(skipRow('package zips', 'no .output/*.zip (run `npm run build`)'));
  for (const z of zips) {
    const bytes = statSync(path.join(out, z)).size;
    rows.push(size(`package: ${z}`, bytes, { target: '≤ 3 MB', met: bytes <= 3 * MB, note: `built ${statSync(path.join(out, z)).mtime.toISOString()}` }));
  }
  const pack = path.join(ctx.root, 'assets/default-pack.json');
  if (!existsSync(pack)) rows.push(skipRow('default pack', 'no assets/default-pack.json'));
  else {
    const raw = readFileSync(pack);
    const gz = gzipSync(raw, { level: 9 }).length;
    rows.push(size('package: default pack, raw JSON (source)', raw.length, { note: 'kept at ~10 MB or less (no bench target)' }));
    rows.push(size('package: default pack JSON, gzip -9', gz, { reference: { name: 'raw', median: raw.length / MB, ratio: gz / raw.length } }));
    // What ships is the runtime form the build makes from the JSON (lib/build/default-pack-plugin.ts).
    // One file, or its shards default-pack.bin.0, .1, … (plain since session 13; .bin.gz.N before;
    // fetched side by side): their sum.
    const dir = path.join(out, 'chrome-mv3/assets');
    const shipped = path.join(dir, 'default-pack.bin');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^default-pack\.bin(\.gz)?(\.\d+)?$/.test(f)) : [];
    if (files.length) {
      const bytes = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
      rows.push(size('package: default pack as shipped (runtime form; in the store zip deflated)', bytes, { reference: { name: 'JSON gzip -9', median: gz / MB, ratio: bytes / gz } }));
    } else rows.push(skipRow('default pack as shipped', `no ${path.relative(ctx.root, shipped)} (run \`npm run build\`)`));
  }
  return rows;
}
