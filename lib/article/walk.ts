/**
 * Machinery for walking a big live DOM without stalling the page (issue #7).
 *
 * - Step generators: the extractor is written as a generator that `yield`s at safe points (every
 *   few dozen elements, after each block, between phases). `runSteps` runs one to its end in one
 *   go (CLI, tests, linkedom); the content script drives the same generator in time slices
 *   (lib/page/yield.ts `driveSteps`), so both produce the same extraction.
 * - `collapsedLengthUpTo`: `el.textContent.replace(/\s+/g, ' ').length`, but only as far as a
 *   decision needs it (one full textContent per container is quadratic on deep DOMs where every
 *   level mixes loose text with a child container).
 */

import { isWhitespace } from './whitespace';

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
/** `data.replace(/\s+/g, ' ').length` and its ends, counted without building the collapsed string. */
function ofText(data: string): Collapsed {
  const n = data.length;
  if (n === 0) return EMPTY;
  let len = 0;
  let inRun = false;
  for (let i = 0; i < n; i++) {
    if (isWhitespace(data.charCodeAt(i))) {
      if (!inRun) len++;
      inRun = true;
    } else {
      len++;
      inRun = false;
    }
  }
  return { len, lead: isWhitespace(data.charCodeAt(0)), trail: inRun };
}

function concat(a: Collapsed, b: Collapsed): Collapsed {
  if (a.len === 0) return b;
  if (b.len === 0) return a;
  // "x " + " y" collapses the meeting run to one space.
  return { len: a.len + b.len - (a.trail && b.lead ? 1 : 0), lead: a.lead, trail: b.trail };
}

/**
 * `min(collapsed, limit + 1)` where collapsed = `(el.textContent ?? '').replace(/\s+/g, ' ').length`:
 * every descendant Text node counts (script and style too, as textContent does); comments do not.
 * Stops as soon as the length passes `limit` (the length only grows as text is appended), so asking
 * "is this container mostly its own loose text?" costs about that loose text, not the whole
 * subtree — on a deep DOM where every level asks, that is the difference between linear and
 * quadratic.
 */
export function collapsedLengthUpTo(el: Element, limit: number): number {
  let acc = EMPTY;
  let n: Node | null = el.firstChild;
  while (n) {
    if (n.nodeType === 3 || n.nodeType === 4) {
      acc = concat(acc, ofText((n as CharacterData).data));
      if (acc.len > limit) return limit + 1;
    } else if (n.nodeType === 1 && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    // next in document order within el
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    if (!n || n === el) break;
    n = n.nextSibling;
  }
  return acc.len;
}
