import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileCoverage, categoryLabel } from '../lib/dataset/compile-coverage';
import { coverageLine, coverageUrl, currentEventsDayUrl } from '../lib/coverage/facts';
import { CoverageRecord } from '../lib/dataset/schema';

// Our own fixture lines, in the corpus's shape (not corpus text).
const lines = [
  { id: 'wcep-2025-06-01-001', title: 'Alpha meets Beta in Gamma.', summary: 'Alpha meets Beta in Gamma. Talks go on.', date: '2025-06-01', source: 'Wire One, Wire Two', url: 'https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_1', dataset: 'wikipedia-current-events', topics: ['Gamma talks'] },
  { id: 'wcep-2025-06-02-001', title: 'Nothing known here.', summary: 'Nothing known here.', date: '2025-06-02', source: 'Wire One', url: 'https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_2', dataset: 'wikipedia-current-events' },
  { id: 'huffpost-1', title: 'Alpha says things', summary: 'More about Alpha.', date: '2021-01-02', source: 'HuffPost', url: 'https://www.huffpost.com/entry/x', dataset: 'huffpost-news-category-v3', category: 'WORLD NEWS' },
  { id: 'huffpost-2', title: 'Beta sings', summary: 'Beta on stage.', date: '2021-01-03', source: 'HuffPost', url: 'https://www.huffpost.com/entry/y', dataset: 'huffpost-news-category-v3', category: 'ENTERTAINMENT' },
];
const file = path.join(mkdtempSync(path.join(tmpdir(), 'cov-')), 'c.jsonl');
writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\nnot json\n');
const link = (text: string) => ['Alpha', 'Beta', 'Gamma'].filter((w) => text.includes(w)).map((w) => `id:${w}`);

describe('compileCoverage', () => {
  it('keeps facts only by default, rebuilds the day page URL, drops unlinked items', async () => {
    const { items, report } = await compileCoverage(file, link, { prose: false });
    expect(items.map((i) => i.id)).toEqual(['wcep-2025-06-01-001']);
    const [a] = items;
    expect(a).toEqual({ id: 'wcep-2025-06-01-001', date: '2025-06-01', source: 'Wire One, Wire Two', entities: ['id:Alpha', 'id:Beta', 'id:Gamma'], topics: ['Gamma talks'] });
    expect(CoverageRecord.safeParse(a).success).toBe(true);
    expect(coverageUrl(a!)).toBe(lines[0]!.url);
    expect(report.join('\n')).toMatch(/no linked entity/);
    expect(report.join('\n')).toMatch(/malformed/);
  });
  it('keeps HuffPost news items when asked, with category as topic, and prose when asked', async () => {
    const { items } = await compileCoverage(file, link, { prose: true, huffpost: true });
    const h = items.find((i) => i.id === 'huffpost-1')!;
    expect(h.topics).toEqual(['World News']);
    expect(h.url).toBe('https://www.huffpost.com/entry/x');
    expect(h.title).toBe('Alpha says things');
    expect(items.some((i) => i.id === 'huffpost-2')).toBe(false);
  });
  it('is deterministic', async () => {
    const a = await compileCoverage(file, link, { prose: false });
    const b = await compileCoverage(file, link, { prose: false });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('coverageLine', () => {
  const names: Record<string, string> = { q1: 'Donald Trump', q2: 'Vladimir Putin', q3: 'Russia' };
  it.each([
    // Topic first, then who (outlets are shown beside the title); without a topic, who reported on whom.
    [{ topics: ['Russo-Ukrainian war'], entities: ['q1', 'q2'], source: 'CNN, Reuters', date: '2025-05-19' }, 'Russo-Ukrainian war: Donald Trump, Vladimir Putin'],
    [{ topics: ['Russia–Ukraine talks'], entities: ['q3', 'q2'], source: 'CNN', date: '2025-05-19' }, 'Russia–Ukraine talks: Vladimir Putin'],
    // Headings run from general to specific: the line names the most specific one.
    [{ topics: ['Russo-Ukrainian war', 'Russia–Ukraine talks', ' '], entities: ['q1'], source: 'CNN', date: '2025-05-19' }, 'Russia–Ukraine talks: Donald Trump'],
    [{ topics: [], entities: ['q3'], source: 'Reuters', date: '2025-05-19' }, 'Reuters on Russia'],
    [{ topics: [], entities: ['q2', 'q3'], source: 'CNN, Reuters, AP', date: '2025-05-19' }, 'CNN and Reuters on Vladimir Putin and Russia'],
    [{ topics: [], entities: ['q3'], source: '', date: '2025-05-19' }, 'News about Russia'],
    [{ topics: [], entities: ['zz'], source: 'AP', date: '2025-05-19' }, 'Reported by AP'],
    [{ topics: [], entities: ['zz'], source: '', date: '2025-05-19' }, 'News item of 2025-05-19'],
    [{ title: 'A title we own', topics: [], entities: [], source: '', date: null }, 'A title we own'],
  ])('%o → %s', (item, line) => {
    expect(coverageLine(item, (id) => names[id])).toBe(line);
  });
  it('builds Current events day URLs and category labels', () => {
    expect(currentEventsDayUrl('2025-06-01')).toBe('https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_1');
    expect(categoryLabel('U.S. NEWS')).toBe('U.S. News');
  });
});
