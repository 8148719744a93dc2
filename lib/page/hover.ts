/**
 * Hover intent for linked names. Pointer moves are sampled once per frame; a name under the
 * pointer for ~300 ms opens its card, but only once the pointer rests there (it has stayed within
 * a few pixels for ~100 ms): a pointer crossing one name on its way to another opens nothing, so
 * no card pops up over the name it is heading for (at 200 % zoom a long name takes the pointer
 * longer than the delay to cross). Leaving both name and card for ~300 ms closes the card; Esc
 * closes. Every listener and timer hangs off `signal`, so teardown is one abort().
 */
import type { Box, CardSide } from './card';

export interface HoverHost<T> {
  /** The linked name under viewport point (x, y) and the line box it occupies there. */
  hitTest(x: number, y: number): { target: T; rect: Box } | null;
  /**
   * `side`: where the card should go — the side the pointer came from ('above' when it came down
   * onto the name), so the card covers text the pointer has passed, not the lines it is heading
   * for.
   */
  open(target: T, rect: Box, side: CardSide): void;
  close(): void;
  /** What the card currently shows, or null. */
  current(): T | null;
  /** Is this event target the card (or inside it)? */
  onCard(node: EventTarget | null): boolean;
}

export const OPEN_DELAY = 300;
export const CLOSE_DELAY = 300;
/** The pointer rests when it has stayed within REST_SLOP px (a hand's tremor) for REST_MS. */
export const REST_MS = 100;
export const REST_SLOP = 6;

export function attachHover<T>(
  doc: Document,
  host: HoverHost<T>,
  signal: AbortSignal,
  delays: { open: number; close: number; rest?: number } = { open: OPEN_DELAY, close: CLOSE_DELAY, rest: REST_MS },
): void {
  const restMs = delays.rest ?? REST_MS;
  const win = doc.defaultView!;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: T | null = null;
  let last: { target: T; rect: Box } | null = null;
  let frame = 0;
  let point: { x: number; y: number; target: EventTarget | null } | null = null;
  /**
   * The card this module opened. The pointer closes only that one: a card opened from the
   * keyboard stays while the mouse rests elsewhere (Firefox sends pointer moves when the page
   * under a resting pointer changes, which used to close a focused name's card after 300 ms).
   */
  let ours: T | null = null;
  /** Where the pointer last moved more than REST_SLOP, and when (Date.now()). */
  let still = { x: 0, y: 0, at: 0 };
  /** The sample before this one, and the side of the pending name the pointer came from. */
  let previous: { x: number; y: number } | null = null;
  let side: CardSide = 'below';

  const cancelOpen = (): void => {
    clearTimeout(openTimer);
    openTimer = undefined;
    pending = null;
  };
  const cancelClose = (): void => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const scheduleClose = (): void => {
    if (closeTimer !== undefined || host.current() === null || host.current() !== ours) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      if (host.current() !== null && host.current() === ours) host.close();
    }, delays.close);
  };

  const process = (): void => {
    try {
      step();
    } catch (err) {
      // Never throw into the page's event loop.
      console.debug('[backstory] hover failed', err);
    }
  };
  const step = (): void => {
    frame = 0;
    const p = point;
    if (!p || signal.aborted) return;
    if (Math.abs(p.x - still.x) > REST_SLOP || Math.abs(p.y - still.y) > REST_SLOP) still = { x: p.x, y: p.y, at: Date.now() };
    const before = previous;
    previous = { x: p.x, y: p.y };
    if (host.onCard(p.target)) {
      cancelOpen();
      cancelClose();
      return;
    }
    const hit = host.hitTest(p.x, p.y);
    last = hit;
    if (!hit) {
      cancelOpen();
      scheduleClose();
      return;
    }
    if (host.current() === hit.target) {
      cancelOpen();
      cancelClose();
      return;
    }
    if (host.current() !== null) scheduleClose();
    if (pending === hit.target) return;
    cancelOpen();
    pending = hit.target;
    side = before && before.y < hit.rect.top ? 'above' : 'below';
    armOpen(delays.open);
  };
  /** After `ms`, open the pending name's card if the pointer is still on it and has come to rest. */
  const armOpen = (ms: number): void => {
    openTimer = setTimeout(() => {
      openTimer = undefined;
      const want = pending;
      if (want === null || !last || last.target !== want) {
        pending = null;
        return;
      }
      // Still moving over the name (crossing it): wait until it has rested for restMs.
      const restedFor = Date.now() - still.at;
      if (restedFor < restMs) {
        armOpen(restMs - restedFor);
        return;
      }
      pending = null;
      cancelClose();
      try {
        host.open(want, last.rect, side);
        ours = want;
      } catch (err) {
        console.debug('[backstory] card failed', err);
      }
    }, ms);
  };

  doc.addEventListener(
    'pointermove',
    (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      point = { x: e.clientX, y: e.clientY, target: e.target };
      if (!frame) frame = win.requestAnimationFrame(process);
    },
    { passive: true, signal },
  );
  // Pointer left the window.
  doc.addEventListener(
    'pointerout',
    (e: PointerEvent) => {
      if (e.relatedTarget === null) {
        point = null;
        previous = null;
        last = null;
        cancelOpen();
        scheduleClose();
      }
    },
    { passive: true, signal },
  );
  // The card is fixed to the viewport: a scroll would leave it beside the wrong words. Only the
  // card the pointer opened closes; a card opened from the keyboard follows its name (focusing an
  // off-screen name scrolls the page, which used to close the card it had just opened).
  win.addEventListener(
    'scroll',
    () => {
      cancelOpen();
      if (host.current() !== null && host.current() === ours) host.close();
    },
    { passive: true, capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    cancelOpen();
    cancelClose();
    if (frame) win.cancelAnimationFrame(frame);
  });
}
