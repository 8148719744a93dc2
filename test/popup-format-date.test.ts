/**
 * The popup's dates (components/popup/model.ts formatDate, issue #8): the same text as before,
 * from one reused Intl.DateTimeFormat — not Date.toLocaleDateString, which builds a formatter on
 * every call (the popup's first render formats the article's date and each coverage item's).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../components/popup/model';

const SHORT_UTC: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };

describe('popup formatDate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('words a full date as the locale does, and leaves partial or missing dates alone', () => {
    for (const locale of [undefined, 'en-GB', 'en-US', 'de-DE']) {
      expect(formatDate('2025-01-02', locale)).toBe(new Date(Date.UTC(2025, 0, 2)).toLocaleDateString(locale, SHORT_UTC));
    }
    expect(formatDate('2024-12-31', 'en-GB')).toBe('31 Dec 2024');
    expect(formatDate('2024-05')).toBe('2024-05');
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate(null)).toBe('');
  });

  it('builds no formatter per date: toLocaleDateString (a new Intl.DateTimeFormat each call) is not called', () => {
    const perCall = vi.spyOn(Date.prototype, 'toLocaleDateString');
    const days = Array.from({ length: 12 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
    const once = days.map((d) => formatDate(d, 'fr-FR'));
    expect(days.map((d) => formatDate(d, 'fr-FR'))).toEqual(once);
    expect(perCall).not.toHaveBeenCalled();
  });
});
