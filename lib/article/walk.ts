/**
 * Machinery for walking a big live DOM without stalling the page (issue #7).
 *
 * - Step generators: the extractor is written as a generator that `yield`s at safe points (every
 *   few dozen elements, after each block, between phases). `runSteps` runs one to its end in one
 *   go (CLI, tests, linkedom); the content script drives the same generator in time slices
 *   (lib/page/yield.ts `driveSteps`), so both produce the same extraction.
 * - `CollapsedLengths`: `el.textContent.replace(/\s+/g, ' ').length` for many nested elements in
 *   time linear in the subtree, instead of one full textContent per container (quadratic on deep
 *   DOMs where every level mixes loose text with a child container).
 */

/** A computation that may pause at each `yield`; its return value is the result. */
export type Steps<T> = Generator<void, T, void>;

/** Run steps synchronously to the end. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Whitespace-collapsed text of a subtree, summarised so two summaries concatenate exactly. */
interface Collapsed {
  /** Length of text.replace(/\s+/g, ' '). */
  len: number;
  /** The collapsed text starts / ends with its (single) space. */
  lead: boolean;
  trail: boolean;
}

const EMPTY: Collapsed = { len: 0, lead: false, trail: false };
const LEADING_WS = /^\s/;
const TRAILING_WS = /\s$/;
const WS_RUN = /\s+/g;

function ofText(data: string): Collapsed {
  if (data.length === 0) return EMPTY;
  return { len: data.replace(WS_RUN, ' ').length, lead: LEADING_WS.test(data), trail: TRAILING_WS.test(data) };
}

function concat(a: Collapsed, b: Collapsed): Collapsed {
  if (a.len === 0) return b;
  if (b.len === 0) return a;
  // "x " + " y" collapses the meeting run to one space.
  return { len: a.len + b.len - (a.trail && b.lead ? 1 : 0), lead: a.lead, trail: b.trail };
}

/**
 * Memoised collapsed text lengths for one walk (the DOM must not change between the calls that
 * share an instance). Matches `(el.textContent ?? '').replace(/\s+/g, ' ').length`: every
 * descendant Text node counts (script and style too, as textContent does); comments do not.
 */
export class CollapsedLengths {
  private readonly memo = new Map<Element, Collapsed>();

  of(el: Element): number {
    return this.summary(el).len;
  }

  private summary(el: Element): Collapsed {
    const hit = this.memo.get(el);
    if (hit) return hit;
    let acc = EMPTY;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 || c.nodeType === 4) acc = concat(acc, ofText((c as CharacterData).data));
      else if (c.nodeType === 1) acc = concat(acc, this.summary(c as Element));
    }
    this.memo.set(el, acc);
    return acc;
  }
}
