/**
 * The committed default pack (assets/default-pack.json): valid, licensed, within budget, and the
 * linker behaves on seed-like sentences (our own words) with the full entity set.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../lib/dataset/pack';
import type { Pack } from '../lib/dataset/schema';
import { buildEntityIndex, type EntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';

const PACK = path.resolve(__dirname, '../assets/default-pack.json');

describe.skipIf(!existsSync(PACK))('default pack', () => {
  let text: string;
  let pack: Pack;
  let index: EntityIndex;
  beforeAll(() => {
    text = readFileSync(PACK, 'utf8');
    const r = parsePack(text);
    if (!r.ok) throw new Error(r.error);
    pack = r.value;
    index = buildEntityIndex(pack.entities);
  }, 60_000);

  it('is a valid pack with licences for every source', () => {
    expect(pack.id).toBe('default');
    const ids = new Set(pack.licenses.map((l) => l.id));
    for (const e of pack.entities) for (const s of e.sources) expect(ids.has(s)).toBe(true);
    expect(ids.has('coverage-wcep')).toBe(pack.coverage.length > 0);
  });

  it('stays within the size budget (entities ≤ 2 MB gzip, whole pack ≤ 2.5 MB gzip)', () => {
    const gz = gzipSync(text).length;
    expect(gz).toBeLessThan(2.5e6);
    const entityText = pack.entities.map((e) => JSON.stringify(e)).join('\n');
    expect(gzipSync(entityText).length).toBeLessThan(2e6);
  });

  it('carries facts only: no titles or summaries in coverage', () => {
    expect(pack.coverage.every((c) => c.title === undefined && c.summary === undefined)).toBe(true);
  });

  const links = (t: string, date = '2025-06-08') =>
    linkEntities(t.split('\n').map((x) => ({ text: x })), index, { date }).map((e) => `${e.id}:${e.mentions.map((m) => m.text).join('|')}`);

  it.each([
    ['Trump said he had spoken with Putin about Ukraine.', ['Q22686:Trump', 'Q7747:Putin', 'Q212:Ukraine']],
    ['Zelenskyy praised the strike on Russian bombers deep inside Russia.', ['Q3874799:Zelenskyy', 'Q159:Russia']],
    ['The Kremlin declined to comment, and Iran said talks would go on.', ['curated:the-kremlin:Kremlin', 'Q794:Iran']],
    ['Air defences over Kyiv were busy overnight.', ['Q1899:Kyiv']],
    ['He announced it on Truth Social.', ['curated:truth-social:Truth Social']],
  ])('links %s', (t, expected) => {
    expect(links(t)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['El presidente de Turquía viajó a Alemania, Brasil y Estados Unidos.', ['Q43:Turquía', 'Q183:Alemania', 'Q155:Brasil', 'Q30:Estados Unidos']],
    ['Le Royaume-Uni et l’Allemagne ont répondu à la Russie.', ['Q145:Royaume-Uni', 'Q183:Allemagne', 'Q159:Russie']],
    ['Die Türkei und Frankreich unterstützen die Ukraine.', ['Q43:Türkei', 'Q142:Frankreich', 'Q212:Ukraine']],
  ])('links country names written in Spanish, French or German (curated aliases): %s', (t, expected) => {
    expect(links(t)).toEqual(expect.arrayContaining(expected));
  });

  it('reads "ABC" as the Australian broadcaster on a page about Australia', () => {
    expect(links('Speaking in Canberra, the Australian prime minister told the ABC that Australia would act.')).toContain('Q781365:ABC');
  });

  it('keeps the most newsworthy role of a breadth record (a former prime minister, not his later seat)', () => {
    expect(index.byId.get('Q192')?.roles[0]?.title).toMatch(/^Prime Minister/);
    expect(index.byId.get('Q329')?.roles[0]?.title).toMatch(/^President/);
  });

  it('links a name written without its middle initial as the full name ("Mark Warner")', () => {
    expect(links('Senator Mark Warner of Virginia spoke.')).toContain('Q453893:Mark Warner');
  });

  it('reads a bare "Hollywood" as the Los Angeles district (curated) and "Hollywood, Florida" as the Florida city', () => {
    expect(links('The Hollywood legend was honoured at the Oscars.')).toContain('Q34006:Hollywood');
    expect(links('A shooting on a beach in Hollywood, Florida, injured nine people.').join(' ')).toMatch(/Q234453:Hollywood/);
  });

  it('links the Biden administration', () => {
    expect(links('The Biden administration paused the shipments.').join(' ')).toMatch(/Biden administration/);
  });

  it.each([
    'We roasted a turkey and some potatoes.',
    'In May the bill will be debated; mark the date.',
    'Will you sign the bill?',
  ])('does not link ordinary words: %s', (t) => {
    expect(links(t)).toEqual([]);
  });

  it('describes Trump at the article date', () => {
    const trump = index.byId.get('Q22686')!;
    expect(linkEntities([{ text: 'Donald Trump spoke.' }], index, { date: '2019-05-01' })[0]!.description).toMatch(/^President of the United States \(since January 2017\)/);
    expect(linkEntities([{ text: 'Donald Trump spoke.' }], index, { date: '2025-06-08' })[0]!.description).toMatch(/since 20 January 2025 \(also 2017–2021\)/);
    expect(trump.prominence).toBeGreaterThanOrEqual(90);
  });
});
