/**
 * `--diag-causes` (test/eval/coverage.ts, dev only): why the storyline chooser misses a query's own
 * storyline under the protocol, counted by cause, so the next ranking change aims at the
 * largest one. Each dev query whose likeliest scored heading is not one of its own gets one cause,
 * read from the query's linked entity names, its own headings and the chooser's ranked headings:
 *  - 'not scored': none of its own headings is among the scored ones (no candidate or heading-word
 *    match reached it);
 *  - 'one entity': the query links a single entity, so every storyline of that entity competes;
 *  - 'heading names more page entities': the own heading names more of the query's entities than
 *    the top one ("Iran–Israel proxy conflict" under "COVID-19 pandemic in Israel");
 *  - 'sibling of the top storyline': the own and the top heading share most words or one contains
 *    the other ("2023 Israeli invasion of the Gaza Strip" over "Israel–Hamas war");
 *  - 'topic word': the own heading names none of the query's entities (its storyline is a topic
 *    word no linked entity carries: "2023 Hawaii wildfires" for a query linking the United States);
 *  - 'other': the own heading names as many entities as the top one, on a different storyline.
 */
import { contentStems } from '../../lib/coverage/headings';

export const MISS_CAUSES = ['not scored', 'one entity', 'heading names more page entities', 'sibling of the top storyline', 'topic word', 'other'] as const;
export type MissCause = (typeof MISS_CAUSES)[number];

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How many of `names` the heading says as whole words ("Iran" counts in "Iran–Israel", not in "Iranian"). */
export function namesInHeading(heading: string, names: readonly string[]): number {
  let n = 0;
  for (const name of new Set(names)) {
    for (let at = heading.indexOf(name); at >= 0 && name; at = heading.indexOf(name, at + 1)) {
      const before = heading[at - 1] ?? ' ', after = heading[at + name.length] ?? ' ';
      if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) { n++; break; }
    }
  }
  return n;
}

/** Share of `b`'s content stems that `a` has too. */
function stemShare(a: string, b: string): number {
  const as = new Set(contentStems(a)), bs = contentStems(b);
  return bs.length ? bs.filter((w) => as.has(w)).length / bs.length : 0;
}

/**
 * The cause of a miss, or null when the chooser's likeliest heading (ranked[0]) is one of the
 * query's own. `ranked`: the scored headings, likeliest first.
 */
export function missCause(names: readonly string[], own: ReadonlySet<string>, ranked: readonly string[]): MissCause | null {
  if (ranked.length && own.has(ranked[0]!)) return null;
  const right = ranked.find((h) => own.has(h));
  if (right === undefined) return 'not scored';
  if (new Set(names).size <= 1) return 'one entity';
  const top = ranked[0]!;
  const nRight = namesInHeading(right, names), nTop = namesInHeading(top, names);
  if (nRight > nTop) return 'heading names more page entities';
  if (top.includes(right) || right.includes(top) || stemShare(top, right) >= 0.5) return 'sibling of the top storyline';
  if (nRight === 0) return 'topic word';
  return 'other';
}
