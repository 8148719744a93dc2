/**
 * `npx tsx test/eval/_gold-unk-remap.ts [--pack FILE] [--write] GOLD.json…`
 *
 * Points the `unk:` ids of news gold (entities-gold-news/*.json) at the pack record that now holds
 * the same referent, so a link to a record added since the annotation scores as what it is. A
 * record takes an `unk:<slug>` id only when both hold:
 *   - the name: some mention with that id is written as the record's name or one of its aliases
 *     (aliasKey equal), and
 *   - the referent: every word of the record's id slug is a word of the unk slug, up to one letter
 *     (the annotator's slug names the same thing: unk:mary-l-trump → news:mary-trump,
 *     unk:saravan-iran → news:saravan, unk:qasem-soleimani → news:qassem-soleimani);
 *     unk:blida-lebanon does not take a record named Blida whose slug is a geonames number.
 * Only `news:` and `curated:` records are candidates (the ones added from the corpus or by hand).
 * Every mention carrying the unk id in that file moves with it; nothing else changes. Without
 * --write it prints the mapping only, for review. The lead runs it on held-out at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePack } from '../../lib/dataset/pack';
import { aliasKey } from '../../lib/entities/normalize';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Mention { text: string; occurrence: number; id: string; alt?: string[] }
interface GoldFile { split: string; items: { item: string; mentions: Mention[] }[] }

/** Levenshtein distance of at most one? */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** Does every word of the record's slug appear (up to one letter) among the unk slug's words? */
export function sameReferentSlug(recordId: string, unkId: string): boolean {
  const rec = recordId.slice(recordId.indexOf(':') + 1).split('-').filter(Boolean);
  const unk = unkId.slice('unk:'.length).split('-').filter(Boolean);
  return rec.length > 0 && rec.every((w) => unk.some((u) => nearWord(w, u)));
}

/** unk id → record id for one gold file, by the two rules above. */
export function remapUnk(gold: GoldFile, byKey: ReadonlyMap<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const it of gold.items) for (const m of it.mentions) {
    if (!m.id.startsWith('unk:') || out.has(m.id)) continue;
    const ids = (byKey.get(aliasKey(m.text)) ?? []).filter((id) => sameReferentSlug(id, m.id));
    if (ids.length === 1) out.set(m.id, ids[0]!);
  }
  return out;
}

function main(argv: string[]): void {
  const write = argv.includes('--write');
  const pi = argv.indexOf('--pack');
  const packFile = pi >= 0 ? argv[pi + 1]! : path.resolve(here, '../../assets/default-pack.json');
  const files = argv.filter((a, i) => a.endsWith('.json') && !(pi >= 0 && i === pi + 1));
  const r = parsePack(readFileSync(packFile, 'utf8'), { trusted: true });
  if (!r.ok) throw new Error(`cannot read ${packFile}`);
  const byKey = new Map<string, string[]>();
  for (const e of r.value.entities) {
    if (!/^(news|curated):/.test(e.id)) continue;
    for (const n of new Set([e.name, ...e.aliases].map(aliasKey))) {
      if (!n) continue;
      let l = byKey.get(n);
      if (!l) byKey.set(n, (l = []));
      l.push(e.id);
    }
  }
  let total = 0;
  for (const file of files) {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldFile;
    const map = remapUnk(gold, byKey);
    let n = 0;
    for (const it of gold.items) for (const m of it.mentions) {
      const to = map.get(m.id);
      if (!to) continue;
      console.log(`${path.basename(file)}\t${it.item}\t${m.text}\t${m.id} → ${to}`);
      m.id = to;
      n++;
    }
    total += n;
    if (write && n) {
      // The ids are replaced in the file's own text, so its layout and every other byte stay.
      let text = readFileSync(file, 'utf8');
      for (const [from, to] of map) text = text.split(`"id": ${JSON.stringify(from)}`).join(`"id": ${JSON.stringify(to)}`);
      writeFileSync(file, text);
    }
  }
  console.log(`${total} mentions remapped${write ? '' : ' (dry run: --write to change the files)'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
