/**
 * The coverage eval's query protocol (test/eval/coverage.ts, #5). Every query carries the entities
 * the linker finds in the item's text; by default it also carries the item's own title and summary
 * as `title` / `lead`, whose words the ranker matches against heading names (lib/coverage/headings.ts),
 * the way the extension passes a page's title and lead and the CLI's `analyze` an article's.
 * `--entities-only` blanks both, so a query is its linked entities alone (issue #5's wording).
 */

export interface QueryWords { title: string; lead: string }

/** The title / lead a query passes to relatedCoverage for an item, per the run's protocol. */
export function queryWordsOf(args: readonly string[]): (item: { title: string; summary: string }) => QueryWords {
  if (args.includes('--entities-only')) return () => ({ title: '', lead: '' });
  return (item) => ({ title: item.title, lead: item.summary });
}
