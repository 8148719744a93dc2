/**
 * The visible byline: the first author element in document order (rel=author, itemprop~=author,
 * or a byline/author/dateline class or id), found the way Readability finds it so the two
 * agree on what a page's byline is:
 *  - hidden subtrees and modal dialogs are never entered;
 *  - an element is tested for being a byline BEFORE it is judged unlikely, so a
 *    class="byline-footer" still counts, but nothing INSIDE an unlikely box (site header,
 *    comments, related links, sidebars) or a navigation/menu/dialog role is looked at;
 *  - schema.org author markup names the person in an itemprop=name descendant: prefer it.
 * Beyond Readability, site navigation and forms (<nav>, <form>, <menu>) are never entered.
 * One pass, stops at the first hit.
 */
import { formWrapsContent, pageBody } from './page-body';
import { isHiddenByMarkup } from './textmap';
import { collapsedLengthUpTo } from './walk';

const BYLINE = /byline|author|dateline|writtenby|p-author/i;
/** Readability's unlikely-candidate words (class or id) and the words that rescue a box. */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = /^(?:menu|menubar|complementary|navigation|alert|alertdialog|dialog)$/;
const NEVER_ENTER = new Set(['head', 'nav', 'form', 'menu', 'script', 'style', 'noscript', 'template', 'svg']);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function isByline(el: Element, ci: string): boolean {
  if (el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').includes('author') || (ci.length > 1 && BYLINE.test(ci))) {
    // Far over the limit (a whole container): skip without reading all its text; collapsed
    // length never exceeds the raw trimmed length, so this rejects nothing Readability keeps (#7).
    if (collapsedLengthUpTo(el, 100) >= 100) return false;
    const n = (el.textContent ?? '').trim().length;
    return n > 0 && n < 100;
  }
  return false;
}

/** The first [itemprop~=name]-ish descendant of a byline element, in document order. */
function nameInside(el: Element): Element | null {
  let found: Element | null = null;
  walk(el, (d) => {
    if (d !== el && (d.getAttribute('itemprop') ?? '').includes('name')) {
      found = d;
      return 'stop';
    }
    return 'enter';
  });
  return found;
}

type Step = 'enter' | 'skip' | 'stop';

/** Pre-order walk under root; the visitor decides whether to enter an element's children. */
function walk(root: Element, visit: (el: Element) => Step): void {
  let el: Element | null = root;
  while (el) {
    const step = visit(el);
    if (step === 'stop') return;
    if (step === 'enter' && el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    if (!el || el === root) return;
    el = el.nextElementSibling;
  }
}

export function bylineFromMarkup(doc: Document): string | null {
  const body = pageBody(doc);
  if (!body) return null;
  let found: string | null = null;
  walk(body, (el) => {
    const tag = el.localName;
    if ((NEVER_ENTER.has(tag) && !(tag === 'form' && formWrapsContent(el))) || isHiddenByMarkup(el)) return 'skip';
    if (el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog') return 'skip';
    const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (isByline(el, ci)) {
      found = collapse((nameInside(el) ?? el).textContent ?? '');
      return 'stop';
    }
    // Readability keeps unlikely boxes inside tables and code, and never drops <body> or <a>.
    if (tag !== 'body' && tag !== 'a' && ci.length > 1 && UNLIKELY.test(ci) && !MAYBE.test(ci) && !el.closest('table, code')) return 'skip';
    const role = el.getAttribute('role');
    if (role && UNLIKELY_ROLES.test(role)) return 'skip';
    return 'enter';
  });
  return found;
}

/** "By Jane Doe", "By Jane Doe and Sam Roe", "BY JANE DOE, Reuters": a line a reader reads as the byline. */
const BY_LINE = /^by\s+\p{Lu}/iu;
const SENTENCE_END = /[.!?]["”’)]?$/;

/**
 * The byline when no markup names it (class-free or generated class names): the first short
 * "By <Name>" line among the lines just before and at the start of the article text. Short (a
 * name or two and perhaps an outlet), no sentence ending, capitalised words after "By".
 */
export function bylineFromLines(lines: readonly string[]): string | null {
  for (const raw of lines) {
    const t = collapse(raw);
    if (t.length > 80 || !BY_LINE.test(t) || SENTENCE_END.test(t)) continue;
    const all = t.split(' ');
    // The name ends where the dateline or the buttons begin ("By Jo Roe March 18 at 3:57 PM Follow @jo").
    let end = 1;
    while (end < all.length && !ENDS_NAME.test(all[end]!)) end++;
    // A date run into the name without a space ("Nolan22 Dec"): keep the name's letters.
    const glued = end < all.length ? /^(\p{Lu}\p{Ll}+)\d/u.exec(all[end]!) : null;
    if (glued) all[end++] = glued[1]!;
    const words = all.slice(1, end);
    if (words.length === 0 || words.length > 10) continue;
    // Names: most words capitalised ("and", "de", "van" aside).
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (caps >= 2 || (caps === 1 && words.length === 1)) return all.slice(0, end).join(' ').replace(/[\s,|•·—–-]+$/, '');
  }
  return null;
}

/** A word that is no longer part of the name: digits, a month, a separator, a button or handle. */
const ENDS_NAME = /\d|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|updated|published|posted|follow|[|•·—–]|@.*)\.?,?$/i;
