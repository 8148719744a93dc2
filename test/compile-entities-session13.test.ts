/**
 * Compiler rules (issue #4, session 13), on own tiny reference files: a Wikidata person record and
 * a Wikipedia date-page record (`enwiki:`) of the same English Wikipedia page are one person.
 */
import { describe, expect, it } from 'vitest';
import { compileEntities } from '../lib/dataset/compile-entities';
import { personPageKey, samePersonByPage } from '../lib/dataset/page-name';
import { entityFilesDir } from './_entity-files';

const DATE_PAGES = 'wikipedia:date-pages (CC BY-SA 4.0, 2024-04-26)';

describe('personPageKey / samePersonByPage', () => {
  it("keys a person by their English Wikipedia page, qualifier kept; nothing else has one", () => {
    expect(personPageKey({ type: 'person', url: 'https://en.wikipedia.org/wiki/Bob_Menendez' })).toBe('bob menendez');
    expect(personPageKey({ type: 'person', url: 'https://en.wikipedia.org/wiki/Chris_Murphy_(Connecticut_politician)' })).toBe('chris murphy (connecticut politician)');
    expect(personPageKey({ type: 'place', url: 'https://en.wikipedia.org/wiki/Berlin' })).toBeNull();
    expect(personPageKey({ type: 'person', url: 'https://www.wikidata.org/wiki/Q888132' })).toBeNull();
  });
  it('wants the same family name and, when both are known, the same birth year', () => {
    expect(samePersonByPage({ name: 'Robert Menendez', born: '1954-01-01' }, { name: 'Bob Menendez', born: '1954-01-01' })).toBe(true);
    expect(samePersonByPage({ name: 'George Bush' }, { name: 'George W. Bush Jr.', born: '1946-07-06' })).toBe(true);
    expect(samePersonByPage({ name: 'Viktor Orbán' }, { name: 'Ursula von der Leyen' })).toBe(false);
    expect(samePersonByPage({ name: 'Ramazan Kadyrov', born: '1976-10-05' }, { name: 'Ramzan Kadyrov', born: '1951-08-23' })).toBe(false);
  });
});

describe('compileEntities: one person with a Wikidata and a date-page record', async () => {
  const d = entityFilesDir(
    [
      { id: 'Q888132', name: 'Robert Menendez', type: 'person', country: 'US', born: '1954-01-01', shortNames: ['Menendez'], url: 'https://en.wikipedia.org/wiki/Bob_Menendez', roles: [{ title: 'United States senator', from: '2006-01-17', to: null }], source: 'core' },
      { id: 'Q9001', name: 'Viktor Orbán', type: 'person', country: 'HU', url: 'https://en.wikipedia.org/wiki/Ursula_von_der_Leyen', source: 'core' },
    ],
    [],
    [
      { id: 'enwiki:Bob_Menendez', name: 'Bob Menendez', type: 'person', country: 'US', born: '1954-01-01', shortNames: ['Menendez'], url: 'https://en.wikipedia.org/wiki/Bob_Menendez', source: DATE_PAGES, popularity: 100, aliases: [] },
      { id: 'enwiki:Ursula_von_der_Leyen', name: 'Ursula von der Leyen', type: 'person', country: 'DE', born: '1958-10-08', url: 'https://en.wikipedia.org/wiki/Ursula_von_der_Leyen', source: DATE_PAGES, popularity: 100, aliases: [] },
    ],
  );
  const { entities } = await compileEntities(d);
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('merges the date-page record into the Wikidata one: one record, both names, the QID kept', () => {
    expect(byId.has('enwiki:Bob_Menendez')).toBe(false);
    const e = byId.get('Q888132')!;
    expect(e.name).toBe('Robert Menendez');
    expect(e.aliases).toContain('Bob Menendez');
    expect(e.roles?.[0]?.title).toBe('United States senator');
  });
  it("keeps apart a record that carries another person's page", () => {
    expect(byId.has('Q9001')).toBe(true);
    expect(byId.has('enwiki:Ursula_von_der_Leyen')).toBe(true);
  });
});
