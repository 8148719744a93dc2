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
 *       <ul data-testid="card-coverage"><li>date · title · source</li>…</ul>
 *       <a class="more" href="…">Learn more</a>
 *     </div>
 */
import type { LinkedEntity } from '../report';

export const CARD_TAG = 'backstory-card';

export interface CardCoverageItem {
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
  coverage: CardCoverageItem[];
  url: string | null;
}

const TYPE_LABEL: Record<string, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
};

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

/** A coverage date as the reader's locale writes it ("May 4, 2025"); YYYY and YYYY-MM stay as they are. */
export function cardDate(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return date ?? '';
  try {
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  } catch {
    return date!;
  }
}

export function cardModel(entity: LinkedEntity): CardModel {
  const type = TYPE_LABEL[entity.type] ?? entity.type;
  // "Place · country" above a description that only says "Country" says it twice.
  const subtype = entity.subtype && entity.subtype.toLowerCase() !== (entity.description ?? '').trim().toLowerCase() ? entity.subtype : null;
  return {
    name: entity.name,
    type: subtype ? `${type} · ${subtype}` : type,
    description: entity.description,
    note: entity.note ?? null,
    mentions: entity.mentions.length,
    coverage: (entity.coverage ?? []).slice(0, 3).map((c) => ({
      label: c.title || c.source || 'Earlier coverage',
      date: c.date,
      // Titles built from facts often already name the outlet ("… — Reuters"): don't repeat it.
      source: c.title && c.source && !c.title.includes(c.source) ? c.source : '',
      url: safeUrl(c.url),
      why: c.why,
      fromHistory: c.origin === 'history',
    })),
    url: safeUrl(entity.url),
  };
}

const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  width: 320px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px); overflow: auto;
  margin: 0; padding: 12px 14px; text-align: left;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1d1f; background: #ffffff; border: 1px solid #c9c9cf; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
}
.card:focus { outline: 2px solid #2a6fdb; outline-offset: 2px; }
.name { font-size: 16px; font-weight: 650; margin: 0; }
.type { font-size: 12px; color: #5a5a66; margin: 2px 0 8px; text-transform: none; }
p { margin: 0 0 8px; }
.note { font-style: italic; }
.count { font-size: 12px; color: #5a5a66; }
h2 { font-size: 12px; font-weight: 600; margin: 8px 0 4px; color: #5a5a66; }
ul { list-style: none; margin: 0 0 8px; padding: 0; }
li { margin: 0 0 6px; font-size: 13px; }
.date { font-variant-numeric: tabular-nums; color: #5a5a66; margin-right: 6px; }
.src { color: #5a5a66; }
a { color: #1a56c4; }
a:focus-visible { outline: 2px solid #2a6fdb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { color: #ececf1; background: #1f1f24; border-color: #4a4a55; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
  .type, .count, h2, .date, .src { color: #b4b4c0; }
  a { color: #8ab4f8; }
}
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

/** Build the card's DOM for a model (no layout, no document attachment). */
export function renderCard(doc: Document, model: CardModel): HTMLElement {
  const card = el(doc, 'div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', model.name);
  card.setAttribute('data-testid', 'card');
  card.tabIndex = -1;
  const name = el(doc, 'div', 'name', model.name);
  name.setAttribute('data-testid', 'card-name');
  const type = el(doc, 'div', 'type', model.type);
  type.setAttribute('data-testid', 'card-type');
  const desc = el(doc, 'p', 'desc', model.description);
  desc.setAttribute('data-testid', 'card-description');
  card.append(name, type, desc);
  if (model.note) card.append(el(doc, 'p', 'note', model.note));
  card.append(el(doc, 'p', 'count', model.mentions === 1 ? 'Mentioned once here' : `Mentioned ${model.mentions} times here`));
  const list = el(doc, 'ul');
  list.setAttribute('data-testid', 'card-coverage');
  if (model.coverage.length) {
    card.append(el(doc, 'h2', undefined, 'Earlier coverage'));
    for (const c of model.coverage) {
      const li = el(doc, 'li');
      if (c.date) li.append(el(doc, 'span', 'date', cardDate(c.date)));
      if (c.url) {
        const a = el(doc, 'a', undefined, c.label);
        a.href = c.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.append(a);
      } else {
        li.append(el(doc, 'span', undefined, c.label));
      }
      const extra = [c.source, c.fromHistory ? 'you read this earlier' : ''].filter(Boolean).join(' · ');
      if (extra) li.append(el(doc, 'span', 'src', ` — ${extra}`));
      if (c.why) li.title = c.why;
      list.append(li);
    }
  }
  card.append(list);
  if (model.url) {
    const more = el(doc, 'a', 'more', 'Learn more');
    more.href = model.url;
    more.target = '_blank';
    more.rel = 'noopener noreferrer';
    card.append(more);
  }
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

/**
 * Where to put a card of size w×h next to `anchor` inside a vw×vh viewport: below the name if it
 * fits, else above, else on the side with more room with a `maxHeight` (the card scrolls) — so
 * it stays inside the viewport and never covers the name.
 */
export function placeCard(anchor: Box, w: number, h: number, vw: number, vh: number, gap = 6, margin = 8): { left: number; top: number; maxHeight?: number } {
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - h;
  let top: number;
  let maxHeight: number | undefined;
  if (below + h <= vh - margin) top = below;
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

/** One card at a time; the host element exists in the page only while a card is shown. */
export class HoverCard {
  private hostEl: HTMLElement | null = null;
  private cardEl: HTMLElement | null = null;
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

  show(model: CardModel, anchor: Box, key: unknown): void {
    this.hide();
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
    const card = renderCard(doc, model);
    card.style.visibility = 'hidden';
    root.append(style, card);
    doc.documentElement.append(host);
    const win = doc.defaultView;
    const rect = card.getBoundingClientRect();
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const pos = placeCard(anchor, rect.width || 320, rect.height || 160, vw, vh);
    card.style.left = `${pos.left}px`;
    card.style.top = `${pos.top}px`;
    if (pos.maxHeight !== undefined) card.style.maxHeight = `${pos.maxHeight}px`;
    card.style.visibility = '';
    this.hostEl = host;
    this.cardEl = card;
    this.shownFor = key;
  }

  /** Move keyboard focus into the card (for Enter on a focused mention). */
  focus(): void {
    this.cardEl?.focus();
  }

  hide(): void {
    this.hostEl?.remove();
    this.hostEl = null;
    this.cardEl = null;
    this.shownFor = null;
  }
}
