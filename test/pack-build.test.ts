/**
 * buildPack determinism and licences. The entity part reads a slice of ../shared (skipped when
 * absent); the coverage part uses a tiny corpus written here in our own words.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../lib/dataset/build-pack';
import { encodePack, parsePack } from '../lib/dataset/pack';
import { ENTITIES } from './entities-fixture';
import { newsGoldReserve, RESERVED_WCEP } from '../lib/dataset/news-salience';

const SHARED = path.resolve(__dirname, '../../shared/data/entities');

function ownCorpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-pack-'));
  const file = path.join(dir, 'coverage.jsonl');
  const items = [
    { id: 'wcep-2025-06-01-001', title: 'Putin and Zelenskyy traded accusations after a drone raid.', summary: 'Putin and Zelenskyy traded accusations after a drone raid.', date: '2025-06-01', source: 'Example Wire', url: 'https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_1', dataset: 'wikipedia-current-events', topics: ['Russo-Ukrainian war'] },
    { id: 'wcep-2025-06-02-001', title: 'Iran weighed an offer from the United States.', summary: 'Iran weighed an offer from the United States.', date: '2025-06-02', source: 'Example Daily', url: 'https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_2', dataset: 'wikipedia-current-events', topics: ['Iran–United States relations'] },
    { id: 'wcep-2025-06-03-001', title: 'A quiet day with nothing to link.', summary: 'A quiet day with nothing to link.', date: '2025-06-03', source: 'Example Daily', url: 'https://en.wikipedia.org/wiki/Portal:Current_events/2025_June_3', dataset: 'wikipedia-current-events', topics: [] },
  ];
  writeFileSync(file, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  return file;
}

describe('buildPack: coverage-only build against given entities', () => {
  it('is deterministic and carries the coverage licence', async () => {
    const corpus = ownCorpus();
    const a = encodePack((await buildPack({ coverage: corpus, linkAgainst: ENTITIES })).pack);
    const b = encodePack((await buildPack({ coverage: corpus, linkAgainst: ENTITIES })).pack);
    expect(a).toBe(b);
    const p = parsePack(a);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.entities).toHaveLength(0);
    expect(p.value.coverage.length).toBeGreaterThanOrEqual(2);
    expect(p.value.coverage.find((c) => c.date === '2025-06-01')?.entities).toEqual(expect.arrayContaining(['Q7747', 'Q3874799']));
    expect(p.value.licenses.map((l) => l.id)).toContain('coverage-wcep');
    expect(p.value.coverage.every((c) => c.title === undefined)).toBe(true);
  });
  it('--prose keeps titles', async () => {
    const { pack } = await buildPack({ coverage: ownCorpus(), linkAgainst: ENTITIES, prose: true });
    expect(pack.coverage.some((c) => typeof c.title === 'string')).toBe(true);
  });
});

describe.skipIf(!existsSync(SHARED))('buildPack: entities from ../shared (first 400 lines of each file)', () => {
  it('is byte-identical across two builds, valid, and licensed', async () => {
    const opts = { entitiesDir: SHARED, entityOptions: { lineLimit: 400, wordCorpus: '' } };
    const a = encodePack((await buildPack(opts)).pack);
    const b = encodePack((await buildPack(opts)).pack);
    expect(a).toBe(b);
    const p = parsePack(a);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.entities.length).toBeGreaterThan(500);
    const ids = new Set(p.value.licenses.map((l) => l.id));
    for (const e of p.value.entities) for (const s of e.sources) expect(ids.has(s), `licence for source ${s}`).toBe(true);
    expect(p.value.licenses.every((l) => l.attribution.length > 10)).toBe(true);
    // Facts only: no reference description prose in the pack.
    expect(a).not.toMatch(/"description":/);
  }, 60_000);
});

describe.skipIf(!existsSync(SHARED))('buildPack: records for the news corpus\'s own names (news-names.ts)', () => {
  it('adds a record for a name unreserved items repeat, none for one only reserved items repeat, licensed by its coverage source', async () => {
    // RESERVED_WCEP + 20 own-words items: the eval reserve takes the first RESERVED_WCEP of the gold's draw order.
    const ids = Array.from({ length: RESERVED_WCEP + 20 }, (_, n) => `wcep-2024-01-${String(1 + (n % 28)).padStart(2, '0')}-${String(n).padStart(3, '0')}`);
    const filler = 'Officials met on Tuesday to talk about the weather and the roads, a spokesperson said.';
    const items = ids.map((id) => ({ id, title: filler, summary: filler, date: id.slice(5, 15), source: 'Example Wire', dataset: 'wikipedia-current-events' }));
    const reserve = newsGoldReserve(items);
    const free = items.filter((i) => !reserve.has(i.id)), held = items.filter((i) => reserve.has(i.id));
    for (const it of [free[0]!, free[1]!]) it.summary = it.title = 'A flood reaches homes in Zarvanytsia after a week of heavy rain.';
    for (const it of [held[0]!, held[1]!]) it.summary = it.title = 'A storm reaches homes in Kvitnevyi after a week of heavy rain.';
    const dir = mkdtempSync(path.join(tmpdir(), 'backstory-names-'));
    const corpus = path.join(dir, 'coverage.jsonl');
    writeFileSync(corpus, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
    const { pack } = await buildPack({ entitiesDir: SHARED, entityOptions: { lineLimit: 400, wordCorpus: corpus } });
    const news = pack.entities.filter((e) => e.id.startsWith('news:'));
    expect(news.map((e) => [e.id, e.name, e.type, e.sources.join()])).toEqual([['news:zarvanytsia', 'Zarvanytsia', 'place', 'coverage-wcep']]);
    expect(pack.licenses.some((l) => l.id === 'coverage-wcep')).toBe(true);
    const off = await buildPack({ entitiesDir: SHARED, entityOptions: { lineLimit: 400, wordCorpus: corpus }, newsNames: false });
    expect(off.pack.entities.some((e) => e.id.startsWith('news:'))).toBe(false);
  }, 120_000);
});
