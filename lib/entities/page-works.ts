/**
 * Works and characters a page names (issue #4, session 19, pagesprec24; the unlabelled-pages audit's
 * work-title and character-name classes). A film, show or book is often named like a place: a review
 * page's "Columbus is a stunner of a debut … Columbus is currently streaming on Hulu", a filmography's
 * "'Palm Springs': Film Review". Once the page calls a name a work, its bare uses on that page are the
 * work, not the city (a review names the work, then repeats it bare). Likewise "Haley Lu Richardson
 * stars as Casey": the page's later bare "Casey" is the character, not the person introduced elsewhere
 * on the page whose given name it is (Casey Affleck).
 * Near the cue, not page-wide (session 20): in the blocks that hold a cue every use of the name is
 * the work; elsewhere a use in a place's grammar ("a coma in Columbus", "Columbus, Indiana") is the
 * place again, so a page about a city that once names the film of its name keeps the city.
 * Asked per name, not per page: the linker asks of a place or organisation about to link and of
 * each introduced person's given name; a page holding no cue word at all (one regex, once) answers
 * no, and otherwise each ask looks only at where the name is written on the page (String.indexOf,
 * then the character either side and a sticky regex), and is remembered. Scanning every block's
 * tokens or every position for the cues cost 3-5 % of linking the news items (paired process CPU).
 */

/** Nouns of a kind of work: "X is a … debut", "the film X". */
const WORK_NOUNS = new Set(['film', 'movie', 'debut', 'documentary', 'sitcom', 'series', 'miniseries', 'novel', 'memoir', 'album', 'musical', 'biopic', 'comedy', 'drama', 'thriller', 'browser']);
/** Words before a work noun that make it a noun ("the film", "her debut"), not a verb ("to film"). */
const WORK_NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'new', 'latest', 'upcoming', "'s", '\u2019s']);
/** "<Name> is (currently|now) streaming", "<Name> is a <up to 4 lower-case words> <work noun>" (no stop between); sticky, at the name's end. */
const WORK_PREDICATE_AFTER = new RegExp(`(?:is|was) (?:(?:currently |now )?streaming\\b|an? (?:[a-z]+ ){0,4}(?:${[...WORK_NOUNS].join('|')})\\b)`, 'y');
/** "'<Name>': Film Review": the name quoted, then ": ", one capitalised kind word or none, "Review"; sticky. */
const REVIEWED_AFTER = /['\u2019"\u201d]:\s+(?:[A-Z][a-z]+\s+)?Review\b/y;
/** Verbs of a cast list before "as <Name>": "stars as Casey". */
const ROLE_VERBS = new Set(['star', 'stars', 'starring', 'starred', 'plays', 'played', 'playing', 'cast']);
/** "<Name>, played by"; sticky. */
const ROLE_AFTER = /, played by\b/y;

/** A word one of which every work cue holds ("miniseries" holds "series", "documentary" "document").
 *  One regex over the page: 17 String.includes cost 3x as much over the news items (~100 vs ~35 ms
 *  per 39k items; two-byte texts have no fast substring search). */
const WORK_CUE_WORDS = /film|movie|debut|document|sitcom|series|novel|memoir|album|musical|biopic|comedy|drama|thriller|browser|streaming|Review/;

/** Words before a name that use it as a place's: "living in Columbus", "a coma at Columbus". */
const LOCATIVE_BEFORE = new Set(['in', 'at', 'near', 'from', 'outside', 'across', 'around', 'into', 'toward', 'towards', 'throughout', 'downtown']);

/** A page's works and roles, read per name on the first ask. */
export class PageWorks {
  /** Per name: the blocks whose text holds a cue calling it a work (empty: none). */
  private readonly works = new Map<string, ReadonlySet<number>>();
  private starts: number[] | undefined;
  private workCue: boolean | undefined;
  private roleCue: boolean | undefined;
  /** `text`: the page's blocks joined by one '\n' each; `blocks`: those blocks (none: one block). */
  constructor(private readonly text: () => string, private readonly blocks: readonly { text: string }[] = []) {}

  /** Does the page hold a work cue's word at all? Most news items do not (771 of 39k): they are
   *  spared the per-name reads. */
  mayNameWorks(): boolean {
    if (this.workCue === undefined) this.workCue = WORK_CUE_WORDS.test(this.text());
    return this.workCue;
  }

  /** Does the page hold a role cue at all: "<verb of a cast list> as " or ", played by"? */
  private mayGiveRoles(): boolean {
    if (this.roleCue === undefined) {
      const text = this.text();
      let cue = text.includes(', played by');
      for (let i = text.indexOf(' as '); !cue && i >= 0; i = text.indexOf(' as ', i + 1)) cue = ROLE_VERBS.has(wordBefore(text, i + 1) ?? '');
      this.roleCue = cue;
    }
    return this.roleCue;
  }

  /**
   * Does the page call `name` (a match's text, "Palm Springs") a work, and is the match (`before`:
   * the word right before it, folded; `block`: its block; `end`: its end in that block) used as one?
   * Not after "a"/"an": "a chance encounter at a Palm Springs wedding" uses the name as a place's,
   * as no one writes a title so. In a block holding a cue, yes; in another block, not in a place's
   * grammar: after a locative word ("in Columbus") or before ", <Capitalised>" ("Columbus, Indiana").
   */
  namesWork(name: string, before: string | undefined, block = 0, end = -1): boolean {
    if (before === 'a' || before === 'an' || !this.mayNameWorks()) return false;
    let w = this.works.get(name);
    if (w === undefined) this.works.set(name, (w = this.cueBlocks(calledWork(this.text(), name))));
    if (w.size === 0 || w.has(block)) return w.size > 0;
    if (before !== undefined && LOCATIVE_BEFORE.has(before)) return false;
    const own = this.blocks[block]?.text;
    return !(own !== undefined && end >= 0 && own.charCodeAt(end) === 44 && own.charCodeAt(end + 1) === 32 && isUpper(own.charCodeAt(end + 2)));
  }

  /** The blocks holding these offsets of the joined text. */
  private cueBlocks(offsets: number[]): ReadonlySet<number> {
    const found = new Set<number>();
    if (offsets.length === 0) return found;
    if (this.starts === undefined) {
      this.starts = [];
      let at = 0;
      for (const b of this.blocks) { this.starts.push(at); at += b.text.length + 1; }
    }
    for (const o of offsets) {
      let b = 0;
      while (b + 1 < this.starts.length && this.starts[b + 1]! <= o) b++;
      found.add(b);
    }
    return found;
  }

  /** Does the page give `name` ("Casey") a role: "stars as Casey", "Casey, played by"? */
  givesRole(name: string): boolean {
    if (!this.mayGiveRoles()) return false;
    const text = this.text();
    return someOccurrence(text, name, (p, end) => {
      if (text.charCodeAt(end) === 44 && sticky(ROLE_AFTER, text, end) && !capitalWordBefore(text, p)) return true;
      return wordBefore(text, p) === 'as' && ROLE_VERBS.has(wordBefore(text, p - 3) ?? '') && !capitalWordAfter(text, end);
    });
  }
}

/** Where `name`'s occurrences (whole capitalised runs) are in a work's phrasing: their offsets.
 *  Each test first reads the one character that it needs (a space, a quote) before any regex runs. */
function calledWork(text: string, name: string): number[] {
  const cues: number[] = [];
  someOccurrence(text, name, (p, end) => {
    if (isWorkCue(text, p, end)) cues.push(p);
    return false;
  });
  return cues;
}

/** Is the occurrence of a name at `p`…`end` in a work's phrasing? */
function isWorkCue(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(end);
  if (isQuoteMark(c)) return isQuoteMark(text.charCodeAt(p - 1)) && sticky(REVIEWED_AFTER, text, end);
  if (c === 32) {
    const n = text.charCodeAt(end + 1);
    if ((n === 105 || n === 119) && sticky(WORK_PREDICATE_AFTER, text, end + 1)) return !capitalWordBefore(text, p);
  }
  const noun = wordBefore(text, p);
  if (noun === undefined || !WORK_NOUNS.has(noun)) return false;
  return WORK_NOUN_DETERMINERS.has(wordBefore(text, p - noun.length - 1) ?? '') && !capitalWordAfter(text, end);
}

/** Does the sticky regex match at `at`? */
function sticky(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The lower-case word ending one space before `p` ("film" in "the film Columbus"), or undefined. */
function wordBefore(text: string, p: number): string | undefined {
  if (p < 2 || text.charCodeAt(p - 1) !== 32) return undefined;
  let k = p - 1;
  while (k > 0 && p - k <= 12) {
    const c = text.charCodeAt(k - 1);
    if (!((c >= 97 && c <= 122) || c === 39 || c === 0x2019)) break;
    k--;
  }
  return k < p - 1 ? text.slice(k, p - 1) : undefined;
}

function isQuoteMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

/** Calls `test` with each occurrence of `name` in `text` that is a whole word (start, end). */
function someOccurrence(text: string, name: string, test: (p: number, end: number) => boolean): boolean {
  for (let p = text.indexOf(name); p >= 0; p = text.indexOf(name, p + 1)) {
    const end = p + name.length;
    if (p > 0 && isLetter(text.charCodeAt(p - 1))) continue;
    if (end < text.length && isLetter(text.charCodeAt(end))) continue;
    if (test(p, end)) return true;
  }
  return false;
}

/** A capitalised word right before `p`, one space between ("New Columbus"): the run is longer than the name. */
function capitalWordBefore(text: string, p: number): boolean {
  if (p < 2 || text.charCodeAt(p - 1) !== 32) return false;
  let k = p - 1;
  while (k > 0 && isLetter(text.charCodeAt(k - 1))) k--;
  return k < p - 1 && isUpper(text.charCodeAt(k));
}

/** A capitalised word right after `end`, one space between ("Casey Affleck"). */
function capitalWordAfter(text: string, end: number): boolean {
  return text.charCodeAt(end) === 32 && isUpper(text.charCodeAt(end + 1));
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && /\p{L}/u.test(String.fromCharCode(c)));
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && /\p{Lu}/u.test(String.fromCharCode(c)));
}
