/**
 * Facts-only presentation of coverage items: the line a reader sees when the pack carries no
 * prose, and the link when the pack leaves a rebuildable URL out.
 *
 * The default pack has no titles or summaries (the corpus text is not ours to ship). The line is
 * built by our code from the item's facts, worded from public/_locales so it reads as a title:
 *   topic first, then who it names   "Russo-Ukrainian war: Donald Trump, Vladimir Putin"
 *   (the most specific of its topics: "Operation Spider's Web", not "Russian invasion of Ukraine")
 *   no topic: who reported, on whom  "Reuters on Vladimir Putin and Russia"
 * The outlets are left out when there is a topic: every surface shows "date · outlet" beside the
 * title, and "Russia — Reuters" read like a headline about Russia by an author called Reuters.
 */
import type { CoverageRecord } from '../dataset/schema';
import { formatList, t } from '../i18n';

/** Ids of Wikipedia "Current events" items: the day page is rebuilt from the date. */
export const WCEP_PREFIX = 'wcep-';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-06-01" → https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_1 */
export function currentEventsDayUrl(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return null;
  return `https://en.wikipedia.org/wiki/Portal:Current_events/${m[1]}_${month}_${Number(m[3])}`;
}

/** The item's link: its own url, else (Wikipedia Current events items) the day page rebuilt from its date. */
export function coverageUrl(item: Pick<CoverageRecord, 'id' | 'date' | 'url'>): string {
  if (item.url) return item.url;
  if (item.id.startsWith(WCEP_PREFIX) && item.date) return currentEventsDayUrl(item.date) ?? '';
  return '';
}

export interface CoverageLineOptions {
  /** At most this many entity names (default 2: a title, not a list). */
  maxNames?: number;
  /** At most this many outlets (default 2). */
  maxSources?: number;
  /** Entity ids to leave out of the names, e.g. the topic's own entity. */
  skip?: ReadonlySet<string>;
}

/**
 * The line shown for an item: its title when the pack carries prose, else one built from facts
 * (see above). Never empty: falls back to the outlets, then the date.
 */
export function coverageLine(
  item: Pick<CoverageRecord, 'title' | 'topics' | 'entities' | 'source' | 'date'>,
  nameOf: (id: string) => string | undefined,
  options: CoverageLineOptions = {},
): string {
  if (item.title && item.title.trim()) return item.title.trim();
  const maxNames = options.maxNames ?? 2;
  const maxSources = options.maxSources ?? 2;
  // The most specific heading: a storyline's headings run from general to specific ("Russian
  // invasion of Ukraine", then "Operation Spider's Web"), and ten lines that all begin with the
  // war's name would not tell the reader which event each one is.
  const topic = [...(item.topics ?? [])].reverse().find((h) => h.trim())?.trim() ?? '';
  const names: string[] = [];
  const seen = new Set<string>();
  for (const id of item.entities ?? []) {
    if (names.length >= maxNames) break;
    if (options.skip?.has(id)) continue;
    const name = nameOf(id);
    // A name the topic already says ("Gaza war" and "Gaza") adds nothing.
    if (!name || seen.has(name) || (topic && topic.includes(name))) continue;
    seen.add(name);
    names.push(name);
  }
  const sources = (item.source ?? '').split(/\s*,\s*/).filter(Boolean).slice(0, maxSources);
  if (topic) return names.length ? t('coverageFactsTopic', [topic, names.join(', ')]) : topic;
  if (names.length) return sources.length ? t('coverageFactsBy', [formatList(sources), formatList(names)]) : t('coverageFactsAbout', formatList(names));
  if (sources.length) return t('coverageFactsReported', formatList(sources));
  return item.date ? t('coverageFactsDated', item.date) : t('coverageFactsUndated');
}

const TRACKING = /^(utm_|fbclid$|gclid$|mc_|ocid$|cmpid$|at_)/;

/** URL identity for "same article": no hash, no tracking parameters, no trailing slash, lower-case host. */
export function normalizeUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    const s = u.toString();
    return s.endsWith('/') && u.pathname !== '/' ? s.slice(0, -1) : s;
  } catch {
    return url.trim();
  }
}
