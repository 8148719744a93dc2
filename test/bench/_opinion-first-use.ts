/**
 * Diagnostic (issue #8), not a bench: CPU time (process.cpuUsage; run it --single-threaded so V8's
 * compiler and GC threads do not add theirs) of the opinion model's first use in a fresh process,
 * as the first article after a worker start meets it:
 *   parse        JSON.parse of assets/opinion-model.json (in the extension the file is a literal
 *                in background.js, evaluated with the script; this is its Node stand-in)
 *   import       importing lib/opinion/model (its modules' evaluation and the JSON import)
 *   table        modelWeights(): the weights table and the per-word scores, as a first use makes them
 *   first        the first sentenceScore (whatever the table left for the first lookup)
 *   next         sentenceScore over our own 40 sentences (first time each)
 *   total        import + table + first + next
 * Alternate two trees launch by launch (paired, same minutes on a shared machine):
 *   for i in $(seq 12); do for d in /tmp/base .; do (cd $d && node --single-threaded --import tsx test/bench/_opinion-first-use.ts); done; done
 * Prints one JSON line per run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OWN_SENTENCES } from './_own-sentences';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const timed = async (step: () => unknown): Promise<number> => {
  const t = cpu();
  await step();
  return cpu() - t;
};

const SENTENCES = OWN_SENTENCES;
const more = Array.from({ length: 40 }, (_, i) => `${SENTENCES[i % SENTENCES.length]!} (${i})`.replace('the', ['a', 'the', 'one', 'this', 'that'][i % 5]!));

const root = process.cwd();
const text = readFileSync(path.join(root, 'assets/opinion-model.json'), 'utf8');
const parse = await timed(() => JSON.parse(text));
let model!: typeof import('../../lib/opinion/model');
const imp = await timed(async () => { model = await import('../../lib/opinion/model'); });
const table = await timed(() => model.modelWeights());
let sink = 0;
const first = await timed(() => { sink += model.sentenceScore(SENTENCES[0]!); });
const next = await timed(() => { for (const s of more) sink += model.sentenceScore(s); });
const r = (x: number) => Math.round(x * 100) / 100;
console.log(JSON.stringify({ tree: path.basename(root), parse: r(parse), import: r(imp), table: r(table), first: r(first), next: r(next), total: r(imp + table + first + next), sink: r(sink) }));
