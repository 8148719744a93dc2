/**
 * Small waiting helpers for the content script: yield to the page between heavy steps, and a
 * bounded wait for late-loading content (one MutationObserver with a deadline — never polling).
 */

/** Pages whose body has less text than this may still be loading their article (SPA shells). */
export const SHELL_TEXT = 2000;
/** How long to wait for late content, after first load or after an SPA navigation. */
export const LATE_CONTENT_MS = 6000;

/** Body text without scripts/styles (SPA shells often inline their state as JSON). Cheap: no layout. */
export function visibleTextLength(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  return withoutScripts(body, body.textContent?.length ?? 0);
}

function withoutScripts(body: HTMLElement, n: number): number {
  for (const el of Array.from(body.querySelectorAll('script, style, noscript, template'))) n -= el.textContent?.length ?? 0;
  return n;
}

/**
 * Too little visible text to be the article yet (an app shell may still be loading it)? The same
 * answer as `visibleTextLength(doc) < SHELL_TEXT`, but a body whose whole text is already short
 * needs no script/style query: on a short page that is not an article that query, with the
 * element wrappers it makes, is part of what the eager script costs it (issue #8).
 */
export function isShellText(doc: Document): boolean {
  const body = doc.body;
  if (!body) return true;
  const all = body.textContent?.length ?? 0;
  return all < SHELL_TEXT || withoutScripts(body, all) < SHELL_TEXT;
}

/**
 * Watches `root` for any change from now on (#8). The returned question, asked once, says whether
 * the document is still as it was (no mutation came) and stops watching; asked again it says
 * false. The observer also stops on the first change, so one never asked costs nothing more.
 * Where MutationObserver is missing the answer is false (not known to be unchanged).
 */
export function watchForChanges(root: Node): () => boolean {
  if (typeof MutationObserver !== 'function') return () => false;
  let changed = false;
  let asked = false;
  const observer = new MutationObserver(() => {
    changed = true;
    observer.disconnect();
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return () => {
    if (asked) return false;
    asked = true;
    if (!changed && observer.takeRecords().length > 0) changed = true;
    observer.disconnect();
    return !changed;
  };
}

/** Give the main thread back to the page (scheduler.yield where available). */
export { yieldToPage as pause } from './yield';

/** What the waits below need of an AbortSignal (one satisfies it; so does `cancellation()`'s). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/**
 * A plain cancel flag for the eager script's late-content wait (issue #8): an AbortController
 * would be one more Web API interface for a fresh isolated world to set up (AbortController,
 * AbortSignal, EventTarget) on every short page, for a flag.
 */
export function cancellation(): { signal: CancelSignal; abort(): void } {
  const listeners: (() => void)[] = [];
  const signal = {
    aborted: false,
    addEventListener(_type: 'abort', listener: () => void): void {
      listeners.push(listener);
    },
  };
  return {
    signal,
    abort() {
      if (signal.aborted) return;
      signal.aborted = true;
      for (const listener of listeners.splice(0)) listener();
    },
  };
}

export function sleep(ms: number, signal: CancelSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const t = setTimeout(() => resolve(!signal.aborted), ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve(false)), { once: true });
  });
}

/**
 * Resolve true as soon as `check()` passes after the page's DOM settles (no mutation for
 * `settleMs`), false at `timeoutMs` or on abort. `check` runs at most once per quiet period.
 *
 * `timerless`: no timer for the deadline — it is noticed on the first mutation (or settle) after
 * it, and a page that never changes again leaves the promise pending (its observer costs nothing
 * while the page is still). For the eager script, whose verdict is already public before it waits:
 * a 6 s deadline timer was one more task entry into its isolated world on every short page that is
 * not an article, ~0.4 ms of main-thread time each (issue #8).
 */
export function waitForContent(doc: Document, check: () => boolean, signal: CancelSignal, timeoutMs = 5000, settleMs = 400, timerless = false): Promise<boolean> {
  return new Promise((resolve) => {
    const root = doc.body ?? doc.documentElement;
    if (signal.aborted || !root) return resolve(false);
    let settle: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (v: boolean): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(settle);
      if (deadline !== undefined) clearTimeout(deadline);
      resolve(v);
    };
    // Date.now, not performance.now: one Web API less for the eager script's fresh world (#8).
    const endsAt = timerless ? Date.now() + timeoutMs : Infinity;
    const pastDeadline = (): boolean => timerless && Date.now() >= endsAt && (finish(false), true);
    const observer = new MutationObserver(() => {
      clearTimeout(settle);
      if (pastDeadline()) return;
      settle = setTimeout(() => {
        if (pastDeadline()) return;
        try {
          if (check()) finish(true);
        } catch {
          finish(false);
        }
      }, settleMs);
    });
    observer.observe(root, { childList: true, subtree: true });
    const deadline = timerless ? undefined : setTimeout(() => finish(false), timeoutMs);
    signal.addEventListener('abort', () => finish(false), { once: true });
  });
}
