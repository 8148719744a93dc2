/**
 * News salience: how many items of the news corpus (coverage.jsonl: WCEP event summaries and
 * HuffPost headlines) name a candidate entity, for the pack compiler's selection (issue #4: the
 * pack must know the people, companies, agencies and places news actually mentions, and the
 * breadth files' own ranks — roles, popularity within a source — cannot see that).
 *
 * Only counts leave this module: no corpus text enters the pack, only which records are kept.
 *
 * Honesty: the entity eval's news gold (test/eval/entities-gold-news) is drawn from the same
 * corpus. `newsGoldReserve` is the gold's own draw order, and every item it reserves for
 * evaluation (every gold file so far, and the next draws) is left out of the counts, so a name
 * does not enter the pack because an evaluation item names it. The eval checks its items against
 * the same function.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { aliasForm, createTable, findMatches, insertAlias, hitEntity } from '../entities/matcher';
import { Shape, tokenize, type Token } from '../entities/normalize';

/** One item of coverage.jsonl, the fields read here. */
export interface NewsCorpusItem {
  id: string;
  title?: string;
  summary?: string;
  /** ISO date (coverage.jsonl's own field). */
  date?: string;
}

/** The gold draw: items whose summary has at least this many characters… */
export const NEWS_GOLD_MIN_SUMMARY = 60;
/** …sorted by sha256(salt + id). */
export const NEWS_GOLD_SALT = 'news-gold:';
/** Reserved for evaluation: the first N WCEP and HuffPost items of that order. The gold files up to
 *  session 13's dev-extra5 use WCEP 0–299 and HuffPost 0–99; session 14 grew the reserve by 45 + 15
 *  (WCEP 300–344, HuffPost 100–114) before drawing dev-extra6 from it, so the pack it was scored
 *  against never counted its items; session 15 grew it again by 45 + 15 (WCEP 345–389, HuffPost
 *  115–129) for dev-extra7. A further draw needs these raised and the pack rebuilt first. */
export const RESERVED_WCEP = 390;
export const RESERVED_HUFFPOST = 130;

const isWcep = (id: string) => id.startsWith('wcep-');

/** The gold's draw order: eligible items, WCEP and HuffPost apart, each sorted by sha256("news-gold:" + id). */
export function newsGoldOrder(items: Iterable<NewsCorpusItem>): { wcep: string[]; huffpost: string[] } {
  const keyed: { id: string; key: string }[] = [];
  for (const it of items) {
    if (typeof it.summary !== 'string' || it.summary.length < NEWS_GOLD_MIN_SUMMARY) continue;
    keyed.push({ id: it.id, key: createHash('sha256').update(NEWS_GOLD_SALT + it.id).digest('hex') });
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const wcep: string[] = [], huffpost: string[] = [];
  for (const k of keyed) (isWcep(k.id) ? wcep : huffpost).push(k.id);
  return { wcep, huffpost };
}

/** Ids of the items reserved for the entity eval: never counted by the compiler. */
export function newsGoldReserve(items: Iterable<NewsCorpusItem>): Set<string> {
  const { wcep, huffpost } = newsGoldOrder(items);
  return new Set([...wcep.slice(0, RESERVED_WCEP), ...huffpost.slice(0, RESERVED_HUFFPOST)]);
}

/** coverage.jsonl's items (id, title, summary, date). */
export function readNewsCorpus(file: string): NewsCorpusItem[] {
  const out: NewsCorpusItem[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let r: { id?: unknown; title?: unknown; summary?: unknown; date?: unknown };
    try { r = JSON.parse(line) as typeof r; } catch { continue; }
    if (typeof r.id !== 'string') continue;
    out.push({
      id: r.id,
      title: typeof r.title === 'string' ? r.title : undefined,
      summary: typeof r.summary === 'string' ? r.summary : undefined,
      date: typeof r.date === 'string' ? r.date : undefined,
    });
  }
  return out;
}

/**
 * English given names and the short forms news writes for them ("Matt Whitaker" of the record
 * "Matthew Whitaker", "Mike Lee" of "Michael Lee"). Only for the count: a record the news names by
 * its short form is still named by the news. Common forms only; a short form that is a given name
 * in its own right for someone else ("Will", "Pat") is left out, as "Will Smith" is not William Smith.
 */
const GIVEN_NAME_SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  alexander: ['Alex'], andrew: ['Andy'], anthony: ['Tony'], benjamin: ['Ben'], charles: ['Chuck'],
  christopher: ['Chris'], daniel: ['Dan'], david: ['Dave'], deborah: ['Debbie'], donald: ['Don'],
  douglas: ['Doug'], edward: ['Ed', 'Ted'], elizabeth: ['Liz'], frederick: ['Fred'], gerald: ['Jerry'],
  gregory: ['Greg'], james: ['Jim'], jeffrey: ['Jeff'], jennifer: ['Jen'], jonathan: ['Jon'],
  joseph: ['Joe'], kenneth: ['Ken'], lawrence: ['Larry'], matthew: ['Matt'], michael: ['Mike'],
  mitchell: ['Mitch'], nicholas: ['Nick'], peter: ['Pete'], philip: ['Phil'], raymond: ['Ray'],
  rebecca: ['Becky'], richard: ['Rick'], robert: ['Bob'], ronald: ['Ron'], samuel: ['Sam'],
  stephen: ['Steve'], steven: ['Steve'], susan: ['Sue'], thomas: ['Tom'], timothy: ['Tim'],
  william: ['Bill'], zachary: ['Zach'],
};

/**
 * A person's name as news writes it with the short form of the given name: "Matthew G. Whitaker"
 * → ["Matt Whitaker"] (middle initials dropped, as news drops them). Empty when the first word is
 * not one of GIVEN_NAME_SHORT_FORMS or the name has no family name after it.
 */
export function shortGivenNameForms(name: string): string[] {
  const words = name.split(' ').filter((w) => w && !/^\p{Lu}\.$/u.test(w));
  if (words.length < 2) return [];
  const shorts = GIVEN_NAME_SHORT_FORMS[words[0]!.toLowerCase()];
  return shorts ? shorts.map((s) => [s, ...words.slice(1)].join(' ')) : [];
}

/** The all-caps words of a name (bits, see NameCounter.capsWords) are all caps in the text. */
function capsHold(caps: number, tokens: Token[], from: number): boolean {
  for (let k = 0; caps !== 0; k++, caps >>>= 1) if (caps & 1 && tokens[from + k]!.shape !== Shape.Upper) return false;
  return true;
}

/** The text of an item that is counted: title and summary (a WCEP title repeats the summary's start; an item counts once). */
function itemText(it: NewsCorpusItem): string {
  const title = (it.title ?? '').replace(/…$/, '');
  const summary = it.summary ?? '';
  return summary.startsWith(title) ? summary : `${it.title ?? ''}\n\n${summary}`;
}

/**
 * Counts, for each name, the corpus items that name it, matched as the linker matches names
 * (folded tokens, its case rules; longest match wins, so "Washington" inside "Washington Post" is
 * the newspaper's when the table holds both). Names are given as the strings a record would be
 * keyed by; `count` returns per name index the number of items (not occurrences) naming it.
 */
export class NameCounter {
  private readonly table = createTable();
  private size = 0;

  /** Per name, bit k set = its k-th token is an all-caps word before any capitalised one ("ON AIR
   *  Fitness"): counted only where the text writes it in capitals too, not in a title-case
   *  headline's "On Air". */
  private readonly capsWords: number[] = [];

  /** Adds a name; returns its index, or -1 when it has no tokens. */
  add(name: string): number {
    const i = this.size;
    if (insertAlias(this.table, name, i, false) === null) return -1;
    let words = tokenize(name);
    // aliasForm keys "the Kremlin" as "kremlin": the same token positions.
    if (words.length > 1 && words[0]!.norm === 'the' && words[0]!.shape === Shape.Lower) words = words.slice(1);
    let caps = 0;
    // Token positions as the key's (aliasForm splits some names differently: then no caps rule).
    // Only capitals before the name's first capitalised word: a surname in capitals after the given
    // name is the European Parliament's style ("Roberta METSOLA"), which news writes "Roberta Metsola".
    if (words.length === aliasForm(name)?.ends.length) {
      const firstCap = words.findIndex((w) => w.shape === Shape.Cap);
      const upTo = firstCap < 0 ? words.length : firstCap;
      for (let k = 0; k < upTo && k < 30; k++) if (words[k]!.shape === Shape.Upper && words[k]!.end - words[k]!.start >= 2) caps |= 1 << k;
    }
    this.capsWords[i] = caps;
    this.size++;
    return i;
  }

  get names(): number {
    return this.size;
  }

  /** Items naming each name (document frequency), skipping the `reserved` item ids. */
  count(items: Iterable<NewsCorpusItem>, reserved: ReadonlySet<string>): Uint32Array {
    return this.countStandalone(items, reserved).df;
  }

  /**
   * `df` as count() gives it, and `standalone`: the items naming each name at least once not as
   * the front of a longer capitalised name ("Lisa Marie" in "Lisa Marie Montgomery", "David
   * Wilson" in "David Wilson Smith"): the next word, one space on, is not capitalised. In a title
   * put before the summary every occurrence counts as standalone (headlines are title case).
   */
  countStandalone(items: Iterable<NewsCorpusItem>, reserved: ReadonlySet<string>): { df: Uint32Array; standalone: Uint32Array } {
    const df = new Uint32Array(this.size);
    const standalone = new Uint32Array(this.size);
    const seen = new Int32Array(this.size).fill(-1);
    const seenAlone = new Int32Array(this.size).fill(-1);
    let doc = 0;
    for (const it of items) {
      doc++;
      if (reserved.has(it.id)) continue;
      const text = itemText(it);
      const tokens = tokenize(text);
      // A prepended title is often title case ("Ann Coulter Slams …"): its next capital says nothing.
      const prose = text.length - (it.summary ?? '').length;
      let coveredTo = 0;
      // Matches come ordered by start, longest first: keep the longest at each start and skip
      // those inside an earlier longer one.
      for (const m of findMatches(this.table, tokens)) {
        if (m.from < coveredTo) continue;
        coveredTo = m.to;
        const next = tokens[m.to];
        const alone = tokens[m.from]!.start < prose || !(next && next.shape === Shape.Cap && text.slice(tokens[m.to - 1]!.end, next.start) === ' ');
        for (const p of m.hits) {
          const e = hitEntity(p);
          if (!capsHold(this.capsWords[e]!, tokens, m.from)) continue;
          if (alone && seenAlone[e] !== doc) { seenAlone[e] = doc; standalone[e]!++; }
          if (seen[e] === doc) continue;
          seen[e] = doc;
          df[e]!++;
        }
      }
    }
    return { df, standalone };
  }
}
