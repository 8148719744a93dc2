/**
 * The coverage eval's query protocol (test/eval/coverage.ts, #5). Every query carries the entities
 * the linker finds in the item's text; by default it also carries the item's own title and summary
 * as `title` / `lead`, whose words the ranker matches against heading names (lib/coverage/headings.ts),
 * the way the extension passes a page's title and lead and the CLI's `analyze` an article's.
 * `--entities-only` blanks both, so a query is its linked entities alone (issue #5's wording).
 */

export interface QueryWords { title: string; lead: string }

/** The title / lead a query passes to relatedCoverage for an item, per the run's protocol. */
export type QueryProtocol = 'words' | 'entities-only';

/** The title / lead a query passes to relatedCoverage for an item under one protocol. */
export function protocolWords(protocol: QueryProtocol): (item: { title: string; summary: string }) => QueryWords {
  if (protocol === 'entities-only') return () => ({ title: '', lead: '' });
  return (item) => ({ title: item.title, lead: item.summary });
}

/** The run's protocol (`--entities-only` or the default, entities + the item's words). */
export function protocolOf(args: readonly string[]): QueryProtocol {
  return args.includes('--entities-only') ? 'entities-only' : 'words';
}

/** The title / lead a query passes to relatedCoverage for an item, per the run's protocol. */
export function queryWordsOf(args: readonly string[]): (item: { title: string; summary: string }) => QueryWords {
  return protocolWords(protocolOf(args));
}
