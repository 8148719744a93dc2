/**
 * Which blocks inside the chosen article root are page furniture rather than article text:
 * credit and "follow us" lines, bylines and datelines, reading-time stamps, link lists, the
 * leftovers of teaser widgets ("Undo", "Sponsored"), and headings left with nothing under them
 * once their boxes were dropped.
 *
 * Every rule here is a general signal (text shape, link density of the block and of the box
 * around it, block order), never a site's class name. All of it is linear in the blocks: it
 * runs in the live page on every article.
 */
import { similarity } from './metadata';
import type { BlockKind } from './types';
import { textWeight } from './weight';

/** What the filters need to know about a collected block (extract.ts's candidate). */
export interface BlockInfo {
  el: Element;
  kind: BlockKind;
  text: string;
  /** Characters of link text in the block (all of it when the block sits inside a link). */
  linkLen: number;
}

/** Text and link-text totals of an element's collected blocks (chooseRoot's score map). */
export interface BoxTotals {
  text: number;
  links: number;
}

/** Reader-facing boilerplate lines inside an article body. */
const BOILERPLATE_TEXT = [
  /^(?:featured |header |top |lead |main )?(?:image|photo|picture|video|illustration|graphic)s?(?: credit| courtesy| source| by)?\s*[:|]/i,
  /^(?:featured |header )?(?:image|photo|picture)s? credit\b/i,
  /^(?:credits?|source|photo|via)\s*:/i,
  /click the \+?follow button/i,
  /^(?:follow us|share this|share on|sign up for|subscribe to|read more:|related:|advertisement$|recommended:|more from)/i,
  /^(?:©|copyright\s|all rights reserved)/i,
  /^(?:top |lead |header |main )?(?:photo|image|picture|illustration|video)s? (?:by|courtesy of)\b/i,
  /^follow (?:us|\p{Lu})/iu,
  // Labels of ad slots and loaders: the whole line is the label.
  /^(?:advertising|advertisement|sponsored(?: content)?|anzeige|publicité|publicidad|pubblicità|loading)\W*$/i,
];
/** Short lines that are furniture only when they do not read as a sentence (no final stop). */
const FURNITURE_LINE = [
  /(?:getty images|\/afp|\/reuters|ap photo|shutterstock|istock|\/epa)\s*$/i,
  /^(?:last |first )?(?:updated|published|posted)\b/i,
  /\b(?:first )?(?:published|updated)\b.*\b(?:19|20)\d\d\b/i,
  /^[Bb]y\s+\p{Lu}/u,
  // Reading-time stamps: "Oct 18, 2019 · 8 min read".
  /\b\d+\s*(?:min(?:ute)?s?|mins?\.?)\s+read\b/i,
];
/** A date or a clock time: "04.05.2015", "2015-05-04", "May 4, 2015", "13h36", "11:10 PM". */
const DATE_OR_TIME = /\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b\p{L}{3,9}\.? \d{1,2},? (?:19|20)\d\d\b|\b\d{1,2} \p{L}{3,9}\.? (?:19|20)\d\d\b|\b\d{1,2}(?::|h)\d\d\b/u;
/** Separators that string a dateline's parts together ("Site | date • updated | by name"). */
const DATELINE_SEPARATORS = /\s[|•·]\s/g;

/** Does the line read as running text (ends like a sentence or has a sentence break inside)? */
function readsAsSentence(t: string): boolean {
  return /[.!?]["”’)]?$/.test(t) || /[.!?]\s/.test(t);
}

/** A list item or table cell among 5+ items or rows. */
export function inLongList(el: Element): boolean {
  let tag = el.tagName.toUpperCase();
  if (tag === 'TD' || tag === 'TH') {
    el = el.parentElement!;
    tag = 'TR';
  }
  if (tag !== 'LI' && tag !== 'TR') return false;
  let n = 0;
  for (let c = el.parentElement?.firstElementChild; c; c = c.nextElementSibling) if (c.tagName.toUpperCase() === tag && ++n >= 5) return true;
  return false;
}

/**
 * Link text of the block with links to a place on the same page ("#section-2": headings that
 * link to themselves, a table of contents) counted at 0.3, as Readability does: they do not
 * lead the reader away, so they are not navigation.
 */
function weightedLinkLength(b: BlockInfo): number {
  const around = b.el.closest('a');
  if (around) return isFragmentLink(around) ? b.linkLen * 0.3 : b.linkLen;
  let n = 0;
  for (const a of Array.from(b.el.getElementsByTagName('a'))) {
    const len = (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    n += isFragmentLink(a) ? len * 0.3 : len;
  }
  return Math.min(n, b.linkLen);
}

function isFragmentLink(a: Element): boolean {
  return (a.getAttribute('href') ?? '').trim().startsWith('#');
}

/** A short dateline: a date or time strung with separators, not a sentence. */
function isDateline(t: string): boolean {
  if (t.length > 160 || readsAsSentence(t)) return false;
  return (t.match(DATELINE_SEPARATORS)?.length ?? 0) >= 1 && DATE_OR_TIME.test(t);
}

export function isBoilerplate(b: BlockInfo, title: string): boolean {
  const t = b.text;
  // Credit and "follow us" lines are short; a long paragraph that merely starts with "©" is not one.
  if (t.length < 200 && BOILERPLATE_TEXT.some((re) => re.test(t))) return true;
  if (b.kind === 'heading' && title && t.toLowerCase() === title.toLowerCase()) return true;
  // Bylines ("By Jane Doe · 8 June 2025"), datelines, photo credits, reading times.
  if (t.length < 120 && !readsAsSentence(t) && FURNITURE_LINE.some((re) => re.test(t))) return true;
  if (isDateline(t)) return true;
  // Link lists and lone links: navigation that slipped through.
  // A long list of linked items inside the article (contents, references, a table of releases) is content.
  if (t.length > 0 && b.linkLen / t.length > 0.5 && (b.kind !== 'paragraph' || t.length < 200) && !inLongList(b.el)) {
    if (weightedLinkLength(b) / t.length > 0.5) return true;
  }
  return false;
}

/**
 * A short block whose surrounding box is otherwise all links: the label or button of a teaser
 * widget ("Undo", "Sponsored by …", "ADVERTISING" over an ad's credit link). The box is the
 * nearest ancestor (below the article root, at most 4 levels up) in which the block's own text
 * is at most half; "otherwise all links" means the rest of its text is over 60% link text.
 */
export function inLinkBox(b: BlockInfo, root: Element, totals: Map<Element, BoxTotals>): boolean {
  const len = b.text.length;
  // Headings are judged by what follows them; a plain item of a link list, or a cell in a row
  // of links, is the list's or table's own content.
  if (len === 0 || len >= 120 || b.kind !== 'paragraph' || b.el.closest('li, td, th')) return false;
  let level = 0;
  for (let a = b.el.parentElement; a && a !== root && level < 4; a = a.parentElement, level++) {
    const s = totals.get(a);
    if (!s || s.text < len * 2) continue;
    const rest = s.text - len;
    return (s.links - b.linkLen) > rest * 0.6;
  }
  return false;
}

/** The rank of a heading block: h1 = 1 … h6 = 6; a pseudo-heading (bold line, styled div) ranks 7. */
function rankOf(b: BlockInfo): number {
  const m = /^H([1-6])$/.exec(b.el.tagName.toUpperCase());
  return m ? Number(m[1]) : 7;
}

/**
 * Headings with nothing of the article under them: the next kept block is a heading of the
 * same or a higher rank, or there is none ("Featured", "Other people are reading" whose teaser
 * list was dropped, "What's next" over a loader). `isHeading` says which kept blocks are headings.
 */
export function dropEmptySections<T extends BlockInfo>(kept: T[], isHeading: (b: T) => boolean): T[] {
  // Backwards, so a heading whose only content was an empty subsection goes too.
  const out: T[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const b = kept[i]!;
    // Table cells that read as headings are column labels, not sections.
    if (isHeading(b) && !b.el.closest('td, th')) {
      const next = out[out.length - 1];
      if (!next) continue;
      if (isHeading(next) && rankOf(next) <= rankOf(b)) continue;
    }
    out.push(b);
  }
  return out.reverse();
}

/** A heading that reads as a sentence: the article's standfirst, not a section title. */
function isDek(text: string): boolean {
  const w = textWeight(text);
  return w >= 80 && (text.split(' ').length >= 12 || w >= text.length * 2);
}

/**
 * Headings above the first text: the headline again (its words are the title's), a kicker
 * ("World —", "Highlights": up to three words over another heading), or the standfirst (a
 * sentence-long heading, kept as a paragraph). Any other heading there opens the first
 * section ("Why CPU monitoring matters") and stays.
 */
export function dropLeadingHeadings<T extends BlockInfo>(kept: T[], title: string): T[] {
  const out = kept.slice();
  for (let i = 0; i < out.length && out[i]!.kind === 'heading'; ) {
    const b = out[i]!;
    if (isDek(b.text)) {
      out[i] = { ...b, kind: 'paragraph' };
      break;
    }
    const h1 = b.el.tagName.toUpperCase() === 'H1';
    const kicker = !h1 && b.text.split(' ').length <= 3 && out[i + 1]?.kind === 'heading';
    if ((title && similarity(b.text, title) >= 0.75) || kicker) {
      out.splice(i, 1);
      continue;
    }
    i++;
  }
  return out;
}

/**
 * Headings whose own box lost all its other text to the filters: the title of a "related
 * stories" or "most read" box whose links were dropped ("Other people are reading"). The box
 * is the nearest ancestor (below the root) holding more than the heading; what it held
 * besides must be mostly links and not trivially short, so a heading that merely shared its
 * <header> with a dropped dateline stays.
 */
export function dropOrphanHeadings<T extends BlockInfo>(kept: T[], root: Element, totals: Map<Element, BoxTotals>): T[] {
  if (!kept.some((b) => b.kind === 'heading')) return kept;
  // Kept text per ancestor, up to the root: same walk as the scoring, over the kept blocks only.
  const keptText = new Map<Element, number>();
  for (const b of kept) {
    for (let a = b.el.parentElement; a && a !== root; a = a.parentElement) keptText.set(a, (keptText.get(a) ?? 0) + b.text.length);
  }
  return kept.filter((b) => {
    if (b.kind !== 'heading') return true;
    const len = b.text.length;
    for (let a = b.el.parentElement; a && a !== root; a = a.parentElement) {
      const box = totals.get(a);
      if (!box || box.text <= len) continue;
      const other = box.text - len;
      const keptOther = (keptText.get(a) ?? 0) - len;
      const otherLinks = box.links - b.linkLen;
      return !(keptOther <= 0 && other >= Math.max(40, len) && otherLinks >= other * 0.5);
    }
    return true;
  });
}
