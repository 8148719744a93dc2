/** Hover intent: open after the delay, close after leaving; the pointer never closes a keyboard-opened card. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachHover, type HoverHost } from '../lib/page/hover';

type Name = 'putin' | 'kyiv';
const RECTS: Record<Name, { left: number; top: number; right: number; bottom: number }> = {
  putin: { left: 100, top: 100, right: 140, bottom: 118 },
  kyiv: { left: 300, top: 100, right: 330, bottom: 118 },
};

function setup() {
  const win = Object.assign(new EventTarget(), {
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 16) as unknown as number,
    cancelAnimationFrame: (id: number) => clearTimeout(id),
  });
  const doc = Object.assign(new EventTarget(), { defaultView: win }) as unknown as Document;
  let shown: Name | null = null;
  const sides: string[] = [];
  const host: HoverHost<Name> = {
    hitTest(x, y) {
      for (const [n, r] of Object.entries(RECTS) as [Name, (typeof RECTS)[Name]][]) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { target: n, rect: r };
      return null;
    },
    open: (t, _rect, side) => {
      shown = t;
      sides.push(side);
    },
    close: () => void (shown = null),
    current: () => shown,
    onCard: () => false,
  };
  const abort = new AbortController();
  attachHover(doc, host, abort.signal, { open: 300, close: 300 });
  const move = (x: number, y: number) => {
    const e = new Event('pointermove') as Event & { clientX: number; clientY: number; pointerType: string };
    Object.assign(e, { clientX: x, clientY: y, pointerType: 'mouse' });
    doc.dispatchEvent(e);
  };
  const scroll = () => win.dispatchEvent(new Event('scroll'));
  return { move, scroll, shown: () => shown, sides, keyboardOpen: (n: Name) => void (shown = n), abort };
}

describe('hover intent', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('opens after the intent delay, not before; closes ~300 ms after the pointer leaves', () => {
    const h = setup();
    h.move(120, 110);
    vi.advanceTimersByTime(200);
    expect(h.shown()).toBeNull();
    vi.advanceTimersByTime(200);
    expect(h.shown()).toBe('putin');
    h.move(5, 5);
    vi.advanceTimersByTime(200);
    expect(h.shown()).toBe('putin');
    vi.advanceTimersByTime(200);
    expect(h.shown()).toBeNull();
  });

  it('a scroll closes the card the pointer opened, not one opened from the keyboard', () => {
    const h = setup();
    h.move(120, 110);
    vi.advanceTimersByTime(400);
    expect(h.shown()).toBe('putin');
    h.scroll();
    expect(h.shown()).toBeNull();
    // Focusing an off-screen name scrolls the page right after its card opened.
    h.keyboardOpen('kyiv');
    h.scroll();
    expect(h.shown()).toBe('kyiv');
  });

  it('a pointer crossing a name without resting opens nothing, however long the crossing takes', () => {
    const h = setup();
    // 4 px every 16 ms (250 px/s) along a 40 px name, back and forth for 800 ms: over the
    // name far longer than the open delay, but never still.
    for (let i = 0; i < 50; i++) {
      const x = 100 + ((i * 4) % 80 < 40 ? (i * 4) % 40 : 40 - ((i * 4) % 40));
      h.move(x, 110);
      vi.advanceTimersByTime(16);
    }
    expect(h.shown()).toBeNull();
    // It rests: the card opens once the pointer has been still for the rest time.
    vi.advanceTimersByTime(60);
    expect(h.shown()).toBeNull();
    vi.advanceTimersByTime(60);
    expect(h.shown()).toBe('putin');
  });

  it("a hand's tremor of a few pixels still counts as resting", () => {
    const h = setup();
    h.move(120, 110);
    for (let i = 0; i < 20; i++) {
      h.move(120 + (i % 2) * 3, 110 + (i % 3));
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(100);
    expect(h.shown()).toBe('putin');
  });

  it('crossing one name on the way to another opens only the second', () => {
    const h = setup();
    // From the left of Putin to Kyiv, 2 px per frame (~125 px/s, a slow hand or a name at 200 %
    // zoom): 320 ms over Putin, more than the open delay.
    for (let x = 80; x <= 315; x += 2) {
      h.move(x, 110);
      vi.advanceTimersByTime(16);
      expect(h.shown()).toBeNull();
    }
    vi.advanceTimersByTime(400);
    expect(h.shown()).toBe('kyiv');
  });

  it('the card goes on the side the pointer came from, away from where it is heading', () => {
    const h = setup();
    // Down onto Putin from the line above: the card goes above (the reader is moving down).
    for (const y of [70, 85, 100, 110]) {
      h.move(120, y);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(400);
    expect(h.shown()).toBe('putin');
    // Up onto Kyiv from below, then along the line onto it from the side: below both times.
    h.move(315, 150);
    vi.advanceTimersByTime(16);
    h.move(315, 110);
    vi.advanceTimersByTime(400);
    expect(h.shown()).toBe('kyiv');
    h.move(200, 110);
    vi.advanceTimersByTime(400);
    h.move(310, 110);
    vi.advanceTimersByTime(400);
    expect(h.sides).toEqual(['above', 'below', 'below']);
  });

  it('a passing pointer does not open anything', () => {
    const h = setup();
    h.move(120, 110);
    vi.advanceTimersByTime(100);
    h.move(200, 300);
    vi.advanceTimersByTime(600);
    expect(h.shown()).toBeNull();
  });

  it('a card opened from the keyboard stays while the mouse moves elsewhere', () => {
    const h = setup();
    h.keyboardOpen('kyiv');
    h.move(5, 5);
    vi.advanceTimersByTime(100);
    h.move(6, 7);
    vi.advanceTimersByTime(1000);
    expect(h.shown()).toBe('kyiv');
    // hovering another name still takes over after the intent delay
    h.move(120, 110);
    vi.advanceTimersByTime(400);
    expect(h.shown()).toBe('putin');
  });

  it('a pointer card replaced by a keyboard card: the pending close does not take the keyboard card', () => {
    const h = setup();
    h.move(120, 110);
    vi.advanceTimersByTime(400);
    expect(h.shown()).toBe('putin');
    h.move(5, 5);
    vi.advanceTimersByTime(50);
    h.keyboardOpen('kyiv');
    vi.advanceTimersByTime(600);
    expect(h.shown()).toBe('kyiv');
  });
});
