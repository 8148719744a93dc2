/**
 * The words organisations' names are made of (issue #4, session 20: the inside-longer-name class).
 * A body's generic name ("National Committee", "Commission on Human Rights", "Food and Drug
 * Administration") is often written as the tail of a longer name the pack does not hold
 * ("Republican National Committee", "New York City Commission on Human Rights", "National Agency
 * for Food and Drug Administration and Control"). The linker (lib/entities/generic-bodies.ts) tells a
 * generic name by its words: each an ordinary word of news prose that many of the reference data's
 * organisation names use; and a name's head noun ("Committee", "Agency") is such a word that ends
 * many of them. Derived here from the reference records and the news corpus's word case, written to
 * the checked file lib/entities/org-name-words.json (run: npx tsx lib/dataset/org-name-words.ts
 * <entities dir> <coverage.jsonl>), so the extension carries only the word lists.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { aliasTokens } from '../entities/normalize';
import { learnWordUse, type WordUse } from './compile-entities';
import { lowerShare } from './news-names';

/** A body's word is in at least this many organisations' names of two words or more. */
export const MIN_NAMES = 10;
/** A head noun ends at least this many of them. */
export const MIN_HEADS = 15;
/** News writes the word lower case mid-sentence at least this share of the time, and at least this often. */
export const MIN_LOWER_SHARE = 0.2;
export const MIN_LOWER = 5;

export interface OrgNameWords { words: string[]; heads: string[] }

/**
 * The derivation: `names` are each organisation's names (its name and aliases); `use` is how news
 * writes each folded word. Function words (of, and, the) are left to the reader: they join any name.
 */
export function deriveOrgNameWords(names: Iterable<readonly string[]>, use: WordUse): OrgNameWords {
  const inNames = new Map<string, number>(), atEnd = new Map<string, number>();
  for (const forms of names) {
    const seen = new Set<string>(), ends = new Set<string>();
    for (const form of forms) {
      const words = aliasTokens(form);
      if (words.length < 2) continue;
      for (const w of words) seen.add(w);
      ends.add(words[words.length - 1]!);
    }
    for (const w of seen) inNames.set(w, (inNames.get(w) ?? 0) + 1);
    for (const w of ends) atEnd.set(w, (atEnd.get(w) ?? 0) + 1);
  }
  const ordinary = (w: string) => /^\p{Ll}{3,}$/u.test(w) && (use.get(w)?.lower ?? 0) >= MIN_LOWER && lowerShare(use, w) >= MIN_LOWER_SHARE;
  const words = [...inNames].filter(([w, n]) => n >= MIN_NAMES && ordinary(w)).map(([w]) => w).sort();
  const heads = words.filter((w) => (atEnd.get(w) ?? 0) >= MIN_HEADS);
  return { words, heads };
}

/** Each organisation record's names, read from the reference files. */
async function* organisationNames(files: readonly string[]): AsyncGenerator<string[]> {
  for (const file of files) {
    const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.includes('"organization"')) continue;
      const r = JSON.parse(line) as { type?: string; name?: string; aliases?: string[] };
      if (r.type === 'organization' && r.name) yield [r.name, ...(r.aliases ?? [])];
    }
  }
}

/** The tables from the reference files in `dir` and the news corpus `corpus` (what the checked file holds). */
export async function readOrgNameWords(dir: string, corpus: string): Promise<OrgNameWords> {
  const names: string[][] = [];
  for await (const n of organisationNames(['entities.jsonl', 'entities_more.jsonl', 'entities_popular.jsonl'].map((f) => path.join(dir, f)))) names.push(n);
  return deriveOrgNameWords(names, await learnWordUse(corpus));
}

async function main(dir: string, corpus: string): Promise<void> {
  const out = await readOrgNameWords(dir, corpus);
  writeFileSync(new URL('../entities/org-name-words.json', import.meta.url), JSON.stringify(out) + '\n');
  console.log(`${out.words.length} words, ${out.heads.length} heads`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [dir, corpus] = process.argv.slice(2);
  if (!dir || !corpus) throw new Error('usage: org-name-words.ts <entities dir> <coverage.jsonl>');
  await main(dir, corpus);
}
