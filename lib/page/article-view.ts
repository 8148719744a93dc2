/**
 * One analysed article on the live page: the report, its blocks, and everything drawn for it —
 * entity and opinion highlight layers, the hover card, optional keyboard wrappers, reveal. Built
 * by the content script after the background answers; `destroy()` takes every trace away.
 */
import { blockOffsetOf, buildTextMap, rangeForOffsets, type TextMap } from '../article/textmap';
import type { PageReport } from '../report';
import type { PageDetails } from '../analyze';
import { cardModel, HoverCard, type Box, type CardSide } from './card';
import { ENTITY_HIGHLIGHT, FLASH_HIGHLIGHT, OPINION_HIGHLIGHT, clearHighlight, highlightApi, setHighlight } from './highlights';
import { attachHover, CLOSE_DELAY } from './hover';
import { MENTION_ATTR, unwrapMentions, wrapMentions, type Wrap } from './keyboard';
import { mapBlock, mapMentions, mentionsByParagraph, opinionRanges, type BlockRef, type MentionTarget } from './mentions';

export interface ViewSettings {
  entityMarks: boolean;
  opinionHighlight: boolean;
  keyboardLinks: boolean;
}

const FLASH_MS = 1600;

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      if (p?.offsetNode) return { node: p.offsetNode, offset: p.offset };
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      if (r) return { node: r.startContainer, offset: r.startOffset };
    }
  } catch {
    /* some engines throw outside the viewport */
  }
  return null;
}

const inside = (r: DOMRect | Box, x: number, y: number, slack = 1): boolean =>
  x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack;

export class ArticleView {
  private targets: MentionTarget[] = [];
  private byPara = new Map<number, MentionTarget[]>();
  private maps = new Map<number, TextMap>();
  private readonly blockIndex = new Map<Element, number>();
  private readonly card: HoverCard;
  private readonly abort = new AbortController();
  private wraps: Wrap[] = [];
  private spanTarget = new WeakMap<Element, MentionTarget>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private keyboardCloseTimer: ReturnType<typeof setTimeout> | undefined;
  private settings: ViewSettings = { entityMarks: true, opinionHighlight: false, keyboardLinks: false };
  /** The mention span that had focus when its card opened (to return focus on Esc). */
  private returnFocus: HTMLElement | null = null;
  /** Focus we move back ourselves (after Esc) must not reopen the card. */
  private quietFocus: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    readonly report: PageReport,
    private readonly blocks: BlockRef[],
    parentSignal?: AbortSignal,
  ) {
    this.card = new HoverCard(doc);
    blocks.forEach((b, i) => this.blockIndex.set(b.element, i));
    parentSignal?.addEventListener('abort', () => this.destroy(), { once: true, signal: this.abort.signal });
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Map mentions onto the page (yielding between chunks), then draw per settings. */
  async init(settings: ViewSettings, pause?: () => Promise<void>): Promise<void> {
    const { targets, maps } = await mapMentions(this.doc, this.report, this.blocks, pause, this.abort.signal);
    if (this.abort.signal.aborted) return;
    this.setTargets(targets, maps);
    this.settings = { ...settings, keyboardLinks: false };
    this.drawEntities();
    this.drawOpinion();
    if (settings.keyboardLinks) this.setKeyboardLinks(true);
    attachHover(
      this.doc,
      {
        hitTest: (x, y) => this.hitTest(x, y),
        open: (t, rect, side) => this.openCard(t, rect, side),
        close: () => this.closeCard(),
        current: () => (this.card.shownFor as MentionTarget | null) ?? null,
        onCard: (n) => this.card.contains(n),
      },
      this.abort.signal,
    );
    const safe =
      <E extends Event>(fn: (e: E) => void) =>
      (e: E): void => {
        try {
          fn(e);
        } catch (err) {
          console.debug('[backstory] handler failed', err); // never throw into the page
        }
      };
    this.doc.addEventListener('keydown', safe((e: KeyboardEvent) => this.onKeydown(e)), { capture: true, signal: this.abort.signal });
    this.doc.addEventListener('focusin', safe((e: FocusEvent) => this.onFocusIn(e)), { signal: this.abort.signal });
    this.doc.addEventListener('focusout', safe((e: FocusEvent) => this.onFocusOut(e)), { signal: this.abort.signal });
    // A card opened from the keyboard stays beside its name while the page scrolls (once a frame).
    this.doc.defaultView?.addEventListener('scroll', safe(() => this.followScroll()), { passive: true, capture: true, signal: this.abort.signal });
  }

  private scrollFrame = 0;

  private followScroll(): void {
    const span = this.returnFocus;
    if (this.scrollFrame || !span || !this.card.isOpen || this.card.shownFor !== this.spanTarget.get(span)) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.scrollFrame = win.requestAnimationFrame(() => {
      this.scrollFrame = 0;
      if (span.isConnected && this.card.isOpen && this.returnFocus === span) this.card.move(span.getBoundingClientRect());
    });
  }

  /** How many mentions made it onto the page. */
  get mentionCount(): number {
    return this.targets.length;
  }

  private setTargets(targets: MentionTarget[], maps: Map<number, TextMap>): void {
    this.targets = targets;
    this.maps = maps;
    this.byPara = new Map();
    for (const t of targets) {
      let list = this.byPara.get(t.paragraph);
      if (!list) this.byPara.set(t.paragraph, (list = []));
      list.push(t);
    }
  }

  /** Recompute all targets synchronously (after our own DOM change: wrap/unwrap). */
  private remap(): void {
    const maps = new Map<number, TextMap>();
    const targets: MentionTarget[] = [];
    for (const [p, mentions] of mentionsByParagraph(this.report)) {
      const el = this.blocks[p]?.element;
      if (!el) continue;
      const map = buildTextMap(el);
      maps.set(p, map);
      targets.push(...mapBlock(this.doc, p, el, mentions, map));
    }
    this.setTargets(targets, maps);
  }

  /**
   * The rest of the report, which follows the highlights (lib/analyze.ts PageDetails): each
   * entity's card coverage (cards opened from now on show it) and the opinion flags (drawn now if
   * the opinion highlight is on).
   */
  addDetails(details: PageDetails): void {
    if (this.abort.signal.aborted) return;
    for (const entity of this.report.entities) entity.coverage = details.cards[entity.id] ?? [];
    this.report.opinion = details.opinion;
    if (this.settings.opinionHighlight) this.drawOpinion();
    this.refreshOpenCard();
  }

  /**
   * The details will not come (the worker refused or went away): cards stop saying they are
   * looking for earlier coverage and show what they have (none).
   */
  detailsUnavailable(): void {
    if (this.abort.signal.aborted) return;
    for (const entity of this.report.entities) entity.coverage ??= [];
    this.refreshOpenCard();
  }

  /** A card opened before the details came shows them now (it said it was looking). */
  private refreshOpenCard(): void {
    const shown = this.card.shownFor as MentionTarget | null;
    if (this.card.isOpen && shown) this.card.refresh(cardModel(shown.entity));
  }

  update(next: Partial<ViewSettings>): void {
    if (this.abort.signal.aborted) return;
    const prev = this.settings;
    this.settings = { ...prev, ...next, keyboardLinks: prev.keyboardLinks };
    if (next.entityMarks !== undefined && next.entityMarks !== prev.entityMarks) this.drawEntities();
    if (next.opinionHighlight !== undefined && next.opinionHighlight !== prev.opinionHighlight) this.drawOpinion();
    if (next.keyboardLinks !== undefined && next.keyboardLinks !== prev.keyboardLinks) this.setKeyboardLinks(next.keyboardLinks);
  }

  private drawEntities(): void {
    const ranges = this.settings.entityMarks ? this.targets.map((t) => t.range).filter((r): r is Range => r !== null) : [];
    setHighlight(ENTITY_HIGHLIGHT, ranges);
  }

  private drawOpinion(): void {
    setHighlight(OPINION_HIGHLIGHT, this.settings.opinionHighlight ? opinionRanges(this.doc, this.report, this.blocks) : []);
  }

  private setKeyboardLinks(on: boolean): void {
    this.closeCard();
    if (on && this.wraps.length === 0) {
      this.wraps = wrapMentions(this.doc, this.targets);
    } else if (!on && this.wraps.length) {
      unwrapMentions(this.wraps);
      this.wraps = [];
    }
    this.settings = { ...this.settings, keyboardLinks: on };
    this.remap();
    this.spanTarget = new WeakMap();
    for (const w of this.wraps) {
      const t = this.targets.find((x) => x.paragraph === w.target.paragraph && x.start === w.target.start);
      if (t) this.spanTarget.set(w.span, t);
    }
    this.drawEntities();
  }

  /** The linked name at viewport point (x, y), with the line box under the pointer. */
  hitTest(x: number, y: number): { target: MentionTarget; rect: Box } | null {
    if (this.targets.length === 0) return null;
    const caret = caretAt(this.doc, x, y);
    let para = caret ? this.blockOf(caret.node) : undefined;
    const caretInBlock = para !== undefined;
    // Some pages make the caret land on <html> (an overlay or a hit-testing quirk): then ask for
    // every element under the point, topmost first, and take the first inside an article block.
    if (para === undefined) {
      const under = this.doc.elementsFromPoint?.(x, y) ?? [this.doc.elementFromPoint?.(x, y)];
      for (const el of under) if (el && (para = this.blockOf(el)) !== undefined) break;
    }
    if (para === undefined) return null;
    const candidates = this.byPara.get(para);
    if (!candidates) return null;
    // The caret's offset narrows the list; the rect check decides (a caret snaps to the nearest
    // character even in the margin beside a line).
    let ordered = candidates;
    if (caret && caretInBlock && caret.node.nodeType === 3) {
      const el = this.blocks[para]!.element;
      const off = blockOffsetOf(el, caret.node as Text, caret.offset, this.maps.get(para));
      if (off !== null) ordered = [...candidates].sort((a, b) => dist(a, off) - dist(b, off));
    }
    for (const t of ordered) {
      if (!t.range) continue;
      for (const r of Array.from(t.range.getClientRects())) {
        if (r.width > 0 && inside(r, x, y)) return { target: t, rect: r };
      }
    }
    return null;
  }

  /** Index of the article block that contains node, if any. */
  private blockOf(node: Node | null): number | undefined {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (n.nodeType === 1) {
        const i = this.blockIndex.get(n as Element);
        if (i !== undefined) return i;
      }
    }
    return undefined;
  }

  private openCard(t: MentionTarget, rect: Box, side?: CardSide): void {
    if (this.abort.signal.aborted) return;
    this.card.show(cardModel(t.entity), rect, t, side);
  }

  private closeCard(): void {
    this.card.hide();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.card.isOpen) {
      const back = this.returnFocus;
      const focusInCard = this.card.contains(this.doc.activeElement);
      this.returnFocus = null;
      this.closeCard();
      if (back?.isConnected && focusInCard) {
        this.quietFocus = back;
        back.focus({ preventScroll: true });
        this.quietFocus = null;
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      const span = (e.target as Element | null)?.closest?.(`[${MENTION_ATTR}]`) as HTMLElement | null;
      const t = span && this.spanTarget.get(span);
      if (!span || !t) return;
      e.preventDefault();
      this.openForSpan(span, t);
      this.card.focus();
    }
  }

  private openForSpan(span: HTMLElement, t: MentionTarget): void {
    clearTimeout(this.keyboardCloseTimer);
    if (this.card.shownFor !== t) this.card.show(cardModel(t.entity), span.getBoundingClientRect(), t);
    this.returnFocus = span;
  }

  private onFocusIn(e: FocusEvent): void {
    const target = e.target as Element | null;
    if (this.card.contains(target)) {
      clearTimeout(this.keyboardCloseTimer);
      return;
    }
    const span = target?.closest?.(`[${MENTION_ATTR}]`) as HTMLElement | null;
    const t = span && this.spanTarget.get(span);
    if (span && t && span !== this.quietFocus) this.openForSpan(span, t);
  }

  private onFocusOut(e: FocusEvent): void {
    if (!this.returnFocus) return;
    const next = e.relatedTarget;
    if (this.card.contains(next) || (next instanceof Element && this.spanTarget.has(next))) return;
    clearTimeout(this.keyboardCloseTimer);
    this.keyboardCloseTimer = setTimeout(() => {
      const active = this.doc.activeElement;
      if (!this.card.contains(active)) {
        this.closeCard();
        this.returnFocus = null;
      }
    }, CLOSE_DELAY);
  }

  /** Scroll to a paragraph (or a span of it) and flash it briefly. */
  reveal(paragraph: number, start?: number, end?: number): boolean {
    const el = this.blocks[paragraph]?.element;
    if (!el || !el.isConnected) return false;
    let range: Range | null = null;
    if (start !== undefined && end !== undefined) range = rangeForOffsets(el, start, end, this.doc);
    if (!range) {
      range = this.doc.createRange();
      range.selectNodeContents(el);
    }
    const reduce = this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const anchor = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement) as Element | null;
    (anchor ?? el).scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    clearTimeout(this.flashTimer);
    setHighlight(FLASH_HIGHLIGHT, [range]);
    this.flashTimer = setTimeout(() => clearHighlight(FLASH_HIGHLIGHT), FLASH_MS);
    return true;
  }

  destroy(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    clearTimeout(this.flashTimer);
    clearTimeout(this.keyboardCloseTimer);
    this.closeCard();
    if (this.wraps.length) unwrapMentions(this.wraps);
    this.wraps = [];
    const api = highlightApi(this.doc.defaultView as Window & typeof globalThis);
    for (const name of [ENTITY_HIGHLIGHT, OPINION_HIGHLIGHT, FLASH_HIGHLIGHT]) clearHighlight(name, api);
    this.targets = [];
    this.byPara.clear();
  }
}

function dist(t: MentionTarget, off: number): number {
  return off < t.start ? t.start - off : off > t.end ? off - t.end : 0;
}
