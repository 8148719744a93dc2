import { describe, expect, it } from 'vitest';
import { lazily } from '../lib/lazy';
import { BgToCs, CsToBg, UiToCs } from '../lib/messaging';

describe('lazily (module-level values built on first use, #7)', () => {
  it('builds nothing until first used, then exactly once', () => {
    let built = 0;
    const v = lazily(() => {
      built++;
      return { n: 2, twice(this: { n: number }) { return this.n * 2; } };
    });
    expect(built).toBe(0);
    expect(v.n).toBe(2);
    expect(v.twice()).toBe(4); // methods run against the built value
    expect('twice' in v).toBe(true);
    expect(built).toBe(1);
  });

  it('the lazily built message schemas still reject what they rejected', () => {
    expect(BgToCs.safeParse({ type: 'bg:report-id' }).success).toBe(true);
    expect(BgToCs.safeParse({ type: 'bg:other' }).success).toBe(false);
    expect(UiToCs.safeParse({ type: 'ui:reveal', paragraph: -1 }).success).toBe(false);
    expect(CsToBg.safeParse({ type: 'cs:not-article', url: 'x'.repeat(9000), title: '', signals: [] }).success).toBe(false);
    expect(CsToBg.safeParse({ type: 'cs:not-article', url: 'https://a.example/', title: 't', signals: [] }).success).toBe(true);
  });
});
