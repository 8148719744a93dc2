/**
 * The hover card: a `<backstory-card>` element (appended to <html> only while a card shows) with
 * an open shadow root, so page CSS cannot reach in and ours cannot leak out. Plain DOM, every
 * string set with textContent — page and dataset text is never parsed as HTML. Units are px/em
 * (the page's root font size must not leak in through rem). Stable hooks: data-testid="card",
 * "card-name", "card-type", "card-description", "card-coverage" (PLAN.md).
 *
 *   <backstory-card>#shadow-root
 *     <style/>
 *     <div class="card" role="dialog" data-testid="card">
 *       <div class="name" data-testid="card-name"/> <div class="type" data-testid="card-type"/>
 *       <p data-testid="card-description"/> <p class="note"/> <p class="count"/>
 *       <h2>Earlier coverage</h2>
 *       <ul data-testid="card-coverage"><li title="full title, source, why"><span.meta>date · source</span><a.line>title</a></li>…</ul>
 *       <p class="more-items">N more in the toolbar button</p>  (when the entity has more than three)
 *       <a class="more" href="…">Learn more</a>
 *
 * Theme: the page's own colour scheme around the name (pageTheme), not the system's.
 *     </div>
 */
import type { LinkedEntity } from '../report';
import { applyMessagesLocale, dateFormat, t, tn, uiLanguage, type MessageKey } from '../i18n';

export const CARD_TAG = 'backstory-card';

export interface CardCoverageItem {
  /** The item's full title (shown clamped to two lines; the whole of it in the tooltip). */
  label: string;
  date: string | null;
  source: string;
  url: string | null;
  why: string;
  fromHistory: boolean;
}

export interface CardModel {
  name: string;
  type: string;
  description: string;
  note: string | null;
  mentions: number;
  /** The three most relevant earlier items (the ranking's order). */
  coverage: CardCoverageItem[];
  /** Earlier items the card leaves to the popup. */
  moreCoverage: number;
  /**
   * The worker has not sent the cards' coverage yet (#8: it follows the highlights in
   * cs:report-details): the card says it is looking instead of showing an empty list, which would
   * read as "no earlier coverage"; the open card is redrawn when the coverage arrives.
   */
  coveragePending: boolean;
  url: string | null;
}

/** The card's colour scheme: the page's own, so a dark site gets a dark card. */
export type CardTheme = 'light' | 'dark';

const TYPE_LABEL: Record<string, MessageKey> = {
  person: 'cardTypePerson',
  organization: 'cardTypeOrganization',
  place: 'cardTypePlace',
  event: 'cardTypeEvent',
};

/** Earlier items the card shows; the rest are in the popup. */
export const CARD_COVERAGE_ITEMS = 3;

/** Only web links leave the card (no javascript:, data:, or extension URLs from a pack). */
export function safeUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A coverage date, short, in the reader's locale: "May 4, 2025"; this year's dates drop the year
 * when `today` is given ("May 4"). YYYY and YYYY-MM stay as they are.
 */
export function cardDate(date: string | null | undefined, today?: Date): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return date ?? '';
  try {
    const sameYear = today !== undefined && today.getUTCFullYear() === Number(m[1]);
    // One reused formatter (lib/i18n.ts dateFormat): toLocaleDateString built a new
    // Intl.DateTimeFormat for every date of every card (#8, as in the popup).
    return dateFormat(uiLanguage(), true, 'short', !sameYear).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  } catch {
    return date!;
  }
}

export function cardModel(entity: LinkedEntity): CardModel {
  const typeKey = TYPE_LABEL[entity.type];
  // The type alone: the dataset's subtype is a code ("government_body", and for persons the
  // linker's field words, "arts letters"), not text for readers, and the description below
  // already says the kind in words ("Government body in United States", "Capital of Ukraine").
  const type = typeKey ? t(typeKey) : entity.type;
  const all = entity.coverage ?? [];
  return {
    name: entity.name,
    type,
    description: entity.description,
    note: entity.note ?? null,
    mentions: entity.mentions.length,
    coverage: all.slice(0, CARD_COVERAGE_ITEMS).map((c) => ({
      label: c.title || c.source || t('cardCoverageUntitled'),
      date: c.date,
      // Titles built from facts often already name the outlet ("… — Reuters"): don't repeat it.
      source: c.title && c.source && !c.title.includes(c.source) ? c.source : '',
      url: safeUrl(c.url),
      why: c.why,
      fromHistory: c.origin === 'history',
    })),
    moreCoverage: Math.max(0, all.length - CARD_COVERAGE_ITEMS),
    coveragePending: entity.coverage === undefined,
    url: safeUrl(entity.url),
  };
}

/** sRGB relative luminance (0 black … 1 white) of a computed `rgb()`/`rgba()`/`color(srgb …)` value, with its alpha. */
export function parseColor(value: string): { luminance: number; alpha: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim())
    ?? /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  const scale = value.trim().startsWith('color(') ? 1 : 255;
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => lin(Math.min(1, Number(x) / scale)));
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { luminance: 0.2126 * r! + 0.7152 * g! + 0.0722 * b!, alpha: a };
}

/** Luminance below which a background reads as dark (the midpoint in contrast terms). */
const DARK_BELOW = 0.18;

/**
 * The colour scheme the page shows around `from`: the first (mostly) opaque background colour up
 * the tree decides; with none (a transparent page), the root's `color-scheme` decides what the
 * canvas is — dark only if the page opts into dark and the reader prefers dark; a page that says
 * nothing has a white canvas. Background images are not looked at: where the text colour is light
 * and no background colour says otherwise, the page is dark. The reader's prefers-color-scheme is
 * the answer when nothing can be read at all.
 */
export function pageTheme(doc: Document, from: Element | null): CardTheme {
  const win = doc.defaultView;
  const prefersDark = (): boolean => {
    try {
      return !!win?.matchMedia?.('(prefers-color-scheme: dark)').matches;
    } catch {
      return false;
    }
  };
  if (!win?.getComputedStyle) return prefersDark() ? 'dark' : 'light';
  try {
    for (let node: Element | null = from ?? doc.body; node; node = node.parentElement) {
      const bg = parseColor(win.getComputedStyle(node).backgroundColor);
      if (bg && bg.alpha >= 0.5) return bg.luminance < DARK_BELOW ? 'dark' : 'light';
    }
    const text = from ? parseColor(win.getComputedStyle(from).color) : null;
    if (text && text.alpha >= 0.5 && text.luminance > 0.5) return 'dark';
    const scheme = win.getComputedStyle(doc.documentElement).colorScheme ?? '';
    const offersDark = /\bdark\b/.test(scheme);
    const offersLight = /\blight\b/.test(scheme);
    if (offersDark && (!offersLight || prefersDark())) return 'dark';
    return 'light';
  } catch {
    return prefersDark() ? 'dark' : 'light';
  }
}

const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  width: 320px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px); overflow: auto;
  margin: 0; padding: 12px 14px; text-align: start;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1d1f; background: #ffffff; border: 1px solid #c9c9cf; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  color-scheme: light;
}
.card:focus { outline: 2px solid #2a6fdb; outline-offset: 2px; }
.name { font-size: 16px; font-weight: 650; margin: 0; }
.type { font-size: 12px; color: #55555f; margin: 2px 0 8px; text-transform: none; }
p { margin: 0 0 8px; }
.note { font-style: italic; }
.count { font-size: 12px; color: #55555f; }
h2 { font-size: 12px; font-weight: 600; margin: 10px 0 4px; color: #55555f; text-transform: none; letter-spacing: 0; }
ul { list-style: none; margin: 0 0 8px; padding: 0; }
li { margin: 0 0 7px; font-size: 13px; line-height: 1.35; }
.meta { display: block; font-size: 12px; color: #55555f; font-variant-numeric: tabular-nums; }
.line {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
  overflow: hidden; overflow-wrap: anywhere;
}
.more-items { font-size: 12px; color: #55555f; margin: -2px 0 8px; }
.pending { font-size: 12px; color: #55555f; font-style: italic; margin: 0 0 8px; }
a { color: #1a56c4; text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 2px solid #2a6fdb; outline-offset: 1px; }
.card.dark { color: #ececf1; background: #202127; border-color: #5c5c68; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.55); color-scheme: dark; }
.card.dark .type, .card.dark .count, .card.dark h2, .card.dark .meta, .card.dark .more-items, .card.dark .pending { color: #b8b8c4; }
.card.dark a { color: #8ab4f8; }
.card.dark:focus, .card.dark a:focus-visible { outline-color: #8ab4f8; }
@media (prefers-reduced-motion: no-preference) {
  .card { animation: bs-in 120ms ease-out; }
  @keyframes bs-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function newTabLink(doc: Document, cls: string | undefined, text: string, href: string, label: string): HTMLAnchorElement {
  const a = el(doc, 'a', cls, text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.setAttribute('aria-label', label);
  return a;
}

/**
 * Build the card's DOM for a model (no layout, no document attachment). Each earlier item is two
 * short lines — "date · source" and the title clamped to two lines — with the whole title, the
 * source and why it was picked in the item's tooltip.
 */
export function renderCard(doc: Document, model: CardModel, theme: CardTheme = 'light', today?: Date): HTMLElement {
  const card = el(doc, 'div', theme === 'dark' ? 'card dark' : 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', model.name);
  card.setAttribute('aria-description', t('cardCloseHint'));
  card.setAttribute('data-testid', 'card');
  card.setAttribute('data-theme', theme);
  applyMessagesLocale(card); // the page's lang/dir must not apply to our English (or translated) text
  card.tabIndex = -1;
  const name = el(doc, 'div', 'name', model.name);
  name.setAttribute('data-testid', 'card-name');
  const type = el(doc, 'div', 'type', model.type);
  type.setAttribute('data-testid', 'card-type');
  const desc = el(doc, 'p', 'desc', model.description);
  desc.setAttribute('data-testid', 'card-description');
  card.append(name, type, desc);
  if (model.note) card.append(el(doc, 'p', 'note', model.note));
  card.append(el(doc, 'p', 'count', tn('cardMentions', model.mentions)));
  const list = el(doc, 'ul');
  list.setAttribute('data-testid', 'card-coverage');
  if (model.coverage.length) {
    const heading = el(doc, 'h2', undefined, t('cardCoverageHeading'));
    heading.id = 'bs-card-coverage';
    list.setAttribute('aria-labelledby', heading.id);
    card.append(heading);
    for (const c of model.coverage) {
      const li = el(doc, 'li');
      const meta = [cardDate(c.date, today), c.source, c.fromHistory ? t('cardReadEarlier') : ''].filter(Boolean).join(' · ');
      if (meta) li.append(el(doc, 'span', 'meta', meta));
      li.append(c.url ? newTabLink(doc, 'line', c.label, c.url, t('cardItemOpens', c.label)) : el(doc, 'span', 'line', c.label));
      li.title = [c.label, c.source, c.why].filter(Boolean).join('\n');
      list.append(li);
    }
  }
  card.append(list);
  if (model.coveragePending) {
    const pending = el(doc, 'p', 'pending', t('cardCoveragePending'));
    pending.setAttribute('data-testid', 'card-coverage-pending');
    pending.setAttribute('role', 'status');
    card.append(pending);
  }
  if (model.moreCoverage > 0) card.append(el(doc, 'p', 'more-items', tn('cardMoreInPopup', model.moreCoverage)));
  if (model.url) card.append(newTabLink(doc, 'more', t('cardLearnMore'), model.url, t('cardLearnMoreLabel', model.name)));
  return card;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A card squeezed between the name and the viewport edge keeps at least this height (it scrolls). */
const MIN_CARD_HEIGHT = 72;

/** The side of its name a card goes on, when it fits there. */
export type CardSide = 'below' | 'above';

/**
 * Where to put a card of size w×h next to `anchor` inside a vw×vh viewport: on the `prefer` side
 * of the name if it fits, else below, else above, else on the side with more room with a
 * `maxHeight` (the card scrolls) — so it stays inside the viewport and never covers the name.
 */
export function placeCard(anchor: Box, w: number, h: number, vw: number, vh: number, prefer: CardSide = 'below', gap = 6, margin = 8): { left: number; top: number; maxHeight?: number } {
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - h;
  let top: number;
  let maxHeight: number | undefined;
  if (prefer === 'above' && above >= margin) top = above;
  else if (below + h <= vh - margin) top = below;
  else if (above >= margin) top = above;
  else {
    const roomBelow = vh - margin - below;
    const roomAbove = anchor.top - gap - margin;
    if (roomBelow >= roomAbove) {
      top = below;
      maxHeight = Math.max(MIN_CARD_HEIGHT, Math.floor(roomBelow));
    } else {
      maxHeight = Math.max(MIN_CARD_HEIGHT, Math.floor(roomAbove));
      top = anchor.top - gap - maxHeight;
    }
  }
  const left = Math.min(Math.max(margin, anchor.left), Math.max(margin, vw - w - margin));
  return maxHeight === undefined ? { left: Math.round(left), top: Math.round(top) } : { left: Math.round(left), top: Math.round(top), maxHeight };
}

/** The page element under the name's box (for its colours), or null. */
function elementAt(doc: Document, anchor: Box): Element | null {
  try {
    const x = (anchor.left + anchor.right) / 2;
    const y = (anchor.top + anchor.bottom) / 2;
    const hit = doc.elementFromPoint?.(x, y) ?? null;
    return hit && hit.localName !== CARD_TAG ? hit : null;
  } catch {
    return null;
  }
}

/** One card at a time; the host element exists in the page only while a card is shown. */
export class HoverCard {
  private hostEl: HTMLElement | null = null;
  private cardEl: HTMLElement | null = null;
  /** The open card's theme and name box, to redraw it in place (refresh). */
  private theme: CardTheme = 'light';
  private anchor: Box | null = null;
  private side: CardSide = 'below';
  /** What the card currently shows (the caller's key, e.g. the mention). */
  shownFor: unknown = null;

  constructor(private readonly doc: Document) {}

  get host(): HTMLElement | null {
    return this.hostEl;
  }

  get isOpen(): boolean {
    return this.hostEl !== null;
  }

  /** True when `node` (e.g. an event target) is the card or inside it. */
  contains(node: EventTarget | null): boolean {
    return !!this.hostEl && !!node && (node === this.hostEl || (node instanceof Node && this.hostEl.contains(node)));
  }

  /** `side`: where the card goes when it fits (the pointer's side: lib/page/hover.ts). */
  show(model: CardModel, anchor: Box, key: unknown, side: CardSide = 'below'): void {
    this.hide();
    this.side = side;
    const doc = this.doc;
    const host = doc.createElement(CARD_TAG);
    // The host takes no room and ignores page CSS; the card inside is position: fixed.
    for (const [k, v] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
      ['display', 'block'],
    ] as const) {
      host.style.setProperty(k, v, 'important');
    }
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    this.theme = pageTheme(doc, elementAt(doc, anchor));
    const card = renderCard(doc, model, this.theme, new Date());
    card.style.visibility = 'hidden';
    root.append(style, card);
    doc.documentElement.append(host);
    this.hostEl = host;
    this.cardEl = card;
    this.shownFor = key;
    this.move(anchor);
    card.style.visibility = '';
  }

  /**
   * Redraw the open card with a new model for the same name (its coverage arrived after it
   * opened), in place: same host, theme and anchor; focus inside the card moves to the new card.
   */
  refresh(model: CardModel): void {
    const old = this.cardEl;
    if (!old || !this.anchor) return;
    const card = renderCard(this.doc, model, this.theme, new Date());
    const hadFocus = old.contains(this.hostEl?.shadowRoot?.activeElement ?? null);
    old.replaceWith(card);
    this.cardEl = card;
    this.move(this.anchor);
    if (hadFocus) card.focus();
  }

  /** Place the open card next to `anchor` again (its name moved, e.g. the page scrolled). */
  move(anchor: Box): void {
    const card = this.cardEl;
    const win = this.doc.defaultView;
    if (!card) return;
    this.anchor = anchor;
    card.style.maxHeight = '';
    const rect = card.getBoundingClientRect();
    const pos = placeCard(anchor, rect.width || 320, rect.height || 160, win?.innerWidth ?? 1024, win?.innerHeight ?? 768, this.side);
    card.style.left = `${pos.left}px`;
    card.style.top = `${pos.top}px`;
    if (pos.maxHeight !== undefined) card.style.maxHeight = `${pos.maxHeight}px`;
  }

  /** Move keyboard focus into the card (for Enter on a focused mention). */
  focus(): void {
    this.cardEl?.focus();
  }

  hide(): void {
    this.hostEl?.remove();
    this.hostEl = null;
    this.cardEl = null;
    this.anchor = null;
    this.shownFor = null;
  }
}
