/**
 * Giving the main thread back to the page (issue #7: no content-script task over 50 ms).
 *
 * Work that may be long (the article walk, mapping mentions, drawing) runs in slices: a
 * `SliceClock` says when the current slice has used its budget, and `yieldToPage()` ends the
 * task so input, rendering and the page's own scripts run before we continue.
 *
 * scheduler.yield() where the engine has it (Chromium: the continuation keeps its priority);
 * else a MessageChannel message (a new task without setTimeout's 4 ms clamp on nested timers);
 * else setTimeout(0).
 */

/** Default slice budget (ms): well under the 50 ms long-task line, with room for GC and layout. */
export const SLICE_MS = 10;

type YieldingScheduler = { yield?: () => Promise<void> };

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

function viaMessageChannel(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/** End the current task; resolves in a later one. */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield.call(sched);
  if (typeof MessageChannel === 'function') return viaMessageChannel();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Decided on first use, not at module evaluation: the eager script bundles this module too. */
const preciseNow = (): number => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());

/** Time spent in the current slice; `due()` once it passed the budget. */
export class SliceClock {
  private start: number;
  /** Number of slices ended so far (for diagnostics and tests). */
  slices = 0;

  /**
   * `now`: the clock. The eager script passes Date.now: millisecond resolution is enough for a
   * 10 ms slice, and a fresh isolated world pays for the first touch of every Web API (issue #8).
   */
  constructor(readonly budgetMs: number = SLICE_MS, private readonly now: () => number = preciseNow) {
    this.start = now();
  }

  due(): boolean {
    return this.now() - this.start >= this.budgetMs;
  }

  /** Yield to the page when the slice is used up; resolves false when `signal` aborted meanwhile. */
  async maybeYield(signal?: AbortSignal, pause: () => Promise<void> = yieldToPage): Promise<boolean> {
    if (this.due()) {
      this.slices++;
      await pause();
      this.start = this.now();
    }
    return !signal?.aborted;
  }

  /** Start a fresh slice (after awaiting something else that already gave the page its turn). */
  reset(): void {
    this.start = this.now();
  }
}

/**
 * Drive a step generator (see lib/article/walk.ts: each `yield` is a point where the work may
 * pause) one slice at a time. Resolves null when `signal` aborts between slices.
 */
export async function driveSteps<T>(steps: Generator<unknown, T>, clock: SliceClock, signal?: AbortSignal, pause?: () => Promise<void>): Promise<T | null> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (!(await clock.maybeYield(signal, pause))) {
      steps.return(undefined as T);
      return null;
    }
  }
}

/**
 * Resolves in a task just after the page's next rendering update, when style and layout are
 * fresh, so a layout query right then (checkVisibility) costs no recalculation of its own (issue
 * #7: on a page that keeps changing itself, our first visibility check recalculated the style of
 * the whole page inside our task). Falls back to `fallbackMs` where no frame comes (hidden tab,
 * no requestAnimationFrame) or the signal aborts.
 */
export function afterRendering(signal?: AbortSignal, fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, fallbackMs);
    signal?.addEventListener('abort', finish, { once: true });
    // A rAF callback runs just before the frame's style and layout: the next task runs after them.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => void yieldToPage().then(finish));
  });
}
