/**
 * Small waiting helpers for the content script: yield to the page between heavy steps, and a
 * bounded wait for late-loading content (one MutationObserver with a deadline — never polling).
 */

/** Give the main thread back to the page (scheduler.yield where available). */
export function pause(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const t = setTimeout(() => resolve(!signal.aborted), ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve(false)), { once: true });
  });
}

/**
 * Resolve true as soon as `check()` passes after the page's DOM settles (no mutation for
 * `settleMs`), false at `timeoutMs` or on abort. `check` runs at most once per quiet period.
 */
export function waitForContent(doc: Document, check: () => boolean, signal: AbortSignal, timeoutMs = 5000, settleMs = 400): Promise<boolean> {
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
      clearTimeout(deadline);
      resolve(v);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        try {
          if (check()) finish(true);
        } catch {
          finish(false);
        }
      }, settleMs);
    });
    observer.observe(root, { childList: true, subtree: true });
    const deadline = setTimeout(() => finish(false), timeoutMs);
    signal.addEventListener('abort', () => finish(false), { once: true });
  });
}
