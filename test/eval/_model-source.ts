/**
 * Writing a trained coverage model into its TypeScript module (`--boost --write-trees` →
 * lib/coverage/chooser-trees.ts): the file's
 * hand-written header is kept and everything from the model's export on is replaced, so a retrain
 * is one reviewable diff of numbers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { TreeEnsemble } from '../../lib/coverage/boost';

/** A tree ensemble as a source literal; `indent` is the indentation of its fields. */
export function treeEnsembleSource(trees: TreeEnsemble, indent: string): string {
  const r = (v: number) => Number(v.toPrecision(5));
  // Thresholds are written exactly (the fit picks short decimals between two values); +Infinity (no split) as 1e300.
  const th = (v: number) => (Number.isFinite(v) ? String(v) : '1e300');
  return `{\n${indent}depth: ${trees.depth},\n${indent}feature: [${trees.feature.join(',')}],\n${indent}threshold: [${trees.threshold.map(th).join(',')}],\n${indent}leaf: [${trees.leaf.map(r).join(',')}],\n${indent.slice(2)}}`;
}

/** Replaces `file` from the line starting `export const <name>` on with `body`; returns the new size in bytes. */
export function rewriteModelExport(file: string, name: string, body: string): number {
  const src = readFileSync(file, 'utf8');
  const at = src.indexOf(`export const ${name}`);
  if (at < 0) throw new Error(`${file}: no "export const ${name}" to replace`);
  const out = src.slice(0, at) + body;
  writeFileSync(file, out);
  return Buffer.byteLength(out);
}
