/**
 * `npm run eval -- coverage --split dev --protocol-diff [--protocol-diff-show]` (dev only, #5):
 * what a query loses when it carries its linked entities alone (issue #5's protocol) instead of
 * entities + the item's title and summary. Lists the dev queries whose top 5 are mostly right with
 * the words (P@5 ≥ 0.6) and mostly wrong without (P@5 ≤ 0.4), and sorts their own headings by the
 * shape of the heading's name: what the words supplied that the entities did not.
 */

/** One dev query scored under both protocols (P@5 with the item's words, and entities alone). */
export interface ProtocolPair {
  id: string;
  text: string;
  own: string[];
  /** Names of the query's linked entities. */
  entities: string[];
  withWords: number;
  entitiesOnly: number;
  /** The headings of the entities-only top 5 (what it chose instead). */
  entitiesOnlyTop: string[][];
}

/** The shape of a heading's name, as far as the words of a page could have matched it. */
export type HeadingShape = 'in-place' | 'year' | 'names-entity' | 'other';

/**
 * "COVID-19 pandemic in Israel" → in-place (a topic narrowed to a place); "2024 Iranian
 * presidential election" → year; a heading that says one of the query's entity names → names-entity;
 * else other. First match in that order.
 */
export function headingShape(heading: string, entityNames: readonly string[]): HeadingShape {
  if (/ in (the )?\p{Lu}/u.test(heading)) return 'in-place';
  if (/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.test(heading)) return 'year';
  const lower = heading.toLowerCase();
  if (entityNames.some((n) => n.length > 2 && lower.includes(n.toLowerCase()))) return 'names-entity';
  return 'other';
}

/** Queries right with the words and wrong without, and their own headings counted by shape. */
export function protocolLosses(pairs: readonly ProtocolPair[]): { lost: ProtocolPair[]; gained: ProtocolPair[]; shapes: Map<HeadingShape, number> } {
  const lost = pairs.filter((p) => p.withWords >= 0.6 && p.entitiesOnly <= 0.4);
  const gained = pairs.filter((p) => p.entitiesOnly >= 0.6 && p.withWords <= 0.4);
  const shapes = new Map<HeadingShape, number>();
  for (const p of lost) {
    // One shape per query: the most specific of its own headings' shapes.
    const order: HeadingShape[] = ['in-place', 'year', 'names-entity', 'other'];
    const s = order.find((o) => p.own.some((h) => headingShape(h, p.entities) === o)) ?? 'other';
    shapes.set(s, (shapes.get(s) ?? 0) + 1);
  }
  return { lost, gained, shapes };
}

export function protocolDiffReport(pairs: readonly ProtocolPair[], show: boolean): void {
  const n = pairs.length || 1;
  const mean = (k: 'withWords' | 'entitiesOnly') => pairs.reduce((a, p) => a + p[k], 0) / n;
  const { lost, gained, shapes } = protocolLosses(pairs);
  console.log(`  protocol diff (dev, n=${pairs.length}): P@5 with words ${mean('withWords').toFixed(3)}, entities only ${mean('entitiesOnly').toFixed(3)}`);
  console.log(`  right with words, wrong without (P@5 ≥ 0.6 → ≤ 0.4): ${lost.length} queries; the reverse: ${gained.length}`);
  console.log(`  their own headings by shape: ${[...shapes].sort((a, b) => b[1] - a[1]).map(([s, c]) => `${s} ${c}`).join(', ')}`);
  if (!show) return;
  for (const p of lost) {
    console.log(`\n  [${p.id}] ${p.withWords.toFixed(1)} → ${p.entitiesOnly.toFixed(1)}  ${p.text.slice(0, 160)}`);
    console.log(`    own: ${p.own.join(' | ')} (${p.own.map((h) => headingShape(h, p.entities)).join(', ')})`);
    console.log(`    entities: ${p.entities.join(', ') || '(none)'}`);
    console.log(`    entities-only top 5: ${p.entitiesOnlyTop.map((t) => t.join(' + ') || '(no heading)').join(' | ')}`);
  }
}
