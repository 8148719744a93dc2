/**
 * Hover intent for linked names. Pointer moves are sampled once per frame; a name under the
 * pointer for ~300 ms opens its card; leaving both name and card for ~300 ms closes it; Esc
 * closes. Every listener and timer hangs off `signal`, so teardown is one abort().
 */
import type { Box } from './card';

export interface HoverHost<T> {
  /** The linked name under viewport point (x, y) and the line box it occupies there. */
  hitTest(x: number, y: number): { target: T; rect: Box } | null;
  open(target: T, rect: Box): void;
  close(): void;
  /** What the card currently shows, or null. */
  current(): T | null;
  /** Is this event target the card (or inside it)? */
  onCard(node: EventTarget | null): boolean;
}

export const OPEN_DELAY = 300;
export const CLOSE_DELAY = 300;

export function attachHover<T>(doc: Document, host: HoverHost<T>, signal: AbortSignal, delays = { open: OPEN_DELAY, close: CLOSE_DELAY }): void {
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
    openTimer = setTimeout(() => {
      openTimer = undefined;
      const want = pending;
      pending = null;
      if (want !== null && last && last.target === want) {
        cancelClose();
        try {
          host.open(want, last.rect);
          ours = want;
        } catch (err) {
          console.debug('[backstory] card failed', err);
        }
      }
    }, delays.open);
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
