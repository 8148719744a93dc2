/** Hover card placement near the viewport edges: inside the viewport, never over the name. */
import { describe, expect, it, vi } from 'vitest';
import { placeCard } from '../lib/page/card';

const overlaps = (a: { top: number; bottom: number }, top: number, h: number) => top < a.bottom && top + h > a.top;

describe('placeCard near the edges', () => {
  it('a name at the bottom-right: the card goes above and is pulled left inside the viewport', () => {
    const anchor = { left: 640, top: 470, right: 690, bottom: 490 };
    const pos = placeCard(anchor, 320, 240, 700, 500);
    expect(pos.left + 320).toBeLessThanOrEqual(700 - 8);
    expect(pos.top).toBeGreaterThanOrEqual(8);
    expect(overlaps(anchor, pos.top, 240)).toBe(false);
    expect(pos.maxHeight).toBeUndefined();
  });

  it('a card taller than either side: the roomier side, shortened (scrolls), never over the name', () => {
    for (let top = 30; top < 560; top += 13) {
      const anchor = { left: 20, top, right: 90, bottom: top + 20 };
      const h = 500;
      const pos = placeCard(anchor, 320, h, 1024, 600);
      const height = Math.min(h, pos.maxHeight ?? h);
      expect(overlaps(anchor, pos.top, height), `name at ${top}`).toBe(false);
      expect(pos.top, `name at ${top}`).toBeGreaterThanOrEqual(8);
      expect(pos.top + height, `name at ${top}`).toBeLessThanOrEqual(600 - 8);
    }
  });

  it('goes on the side the pointer came from when it fits there, else below', () => {
    const anchor = { left: 100, top: 300, right: 160, bottom: 320 };
    expect(placeCard(anchor, 320, 200, 1024, 768).top).toBe(326);
    expect(placeCard(anchor, 320, 200, 1024, 768, 'above').top).toBe(300 - 6 - 200);
    // No room above: below after all, still off the name.
    const high = { left: 100, top: 120, right: 160, bottom: 140 };
    const pos = placeCard(high, 320, 200, 1024, 768, 'above');
    expect(pos.top).toBe(146);
    expect(overlaps(high, pos.top, 200)).toBe(false);
  });

  it('picks the side with more room', () => {
    const nearTop = placeCard({ left: 0, top: 100, right: 10, bottom: 120 }, 320, 700, 1024, 600);
    expect(nearTop.top).toBe(126);
    expect(nearTop.maxHeight).toBe(600 - 8 - 126);
    const nearBottom = placeCard({ left: 0, top: 480, right: 10, bottom: 500 }, 320, 700, 1024, 600);
    expect(nearBottom.maxHeight).toBe(480 - 6 - 8);
    expect(nearBottom.top).toBe(8);
  });
});

describe('card text', () => {
  it('dates in the reader\'s words; partial dates as they are', async () => {
    const { cardDate } = await import('../lib/page/card');
    expect(cardDate('2025-05-04')).toMatch(/2025/);
    expect(cardDate('2025-05-04')).not.toBe('2025-05-04');
    expect(cardDate('2025-05')).toBe('2025-05');
    expect(cardDate(null)).toBe('');
  });

  it('drops this year from a date, and reuses one formatter for every card date', async () => {
    const { cardDate } = await import('../lib/page/card');
    const today = new Date(Date.UTC(2025, 10, 1));
    expect(cardDate('2025-05-04', today)).not.toMatch(/2025/);
    expect(cardDate('2024-05-04', today)).toMatch(/2024/);
    // toLocaleDateString builds a new Intl.DateTimeFormat inside the engine on every call (~0.5 ms
    // each, #8); the card's dates go through one reused formatter instead.
    const perCall = vi.spyOn(Date.prototype, 'toLocaleDateString');
    const dates = Array.from({ length: 9 }, (_, i) => cardDate(`2023-0${i + 1}-1${i}`));
    expect(perCall).not.toHaveBeenCalled();
    expect(new Set(dates).size).toBe(9);
    perCall.mockRestore();
  });

  it('the type line is the type in words, never the dataset\'s subtype code', async () => {
    const { cardModel } = await import('../lib/page/card');
    const iran = { id: 'Q794', name: 'Iran', type: 'place' as const, mentions: [] };
    expect(cardModel({ ...iran, subtype: 'country', description: 'Country' }).type).toBe('Place');
    expect(cardModel({ ...iran, subtype: 'country', description: 'Country in Western Asia' }).type).toBe('Place');
    // Seen in the review: "Organisation · government_body" above "Government body in United States".
    const body = { id: 'Q-biden-admin', name: 'Biden administration', type: 'organization' as const, mentions: [] };
    expect(cardModel({ ...body, subtype: 'government_body', description: 'Government body in United States' }).type).toBe('Organisation');
    // A less prominent person's field words (the linker's evidence) are no kind either.
    const writer = { id: 'Q-writer', name: 'Ann Writer', type: 'person' as const, mentions: [] };
    expect(cardModel({ ...writer, subtype: 'arts letters', description: 'Person from France' }).type).toBe('Person');
  });
});
