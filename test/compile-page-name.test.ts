/**
 * A person's Wikipedia page title as the common name news writes (issue #4, pack recall): the
 * record "Elizabeth Cheney" is written "Liz Cheney", so without the title the news salience never
 * counts her and the linker never links her. Own fixtures (invented names).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEntities } from '../lib/dataset/compile-entities';
import { pageNameOfPerson } from '../lib/dataset/page-name';
import { buildEntityIndex } from '../lib/entities/index';
import { linkText } from '../lib/entities/link';

const wiki = (title: string) => `https://en.wikipedia.org/wiki/${title}`;

describe('pageNameOfPerson', () => {
  it('gives the page title when the record names the person otherwise', () => {
    expect(pageNameOfPerson({ type: 'person', url: wiki('Liz_Quarrington') }, 'Elizabeth Quarrington', ['Quarrington'])).toBe('Liz Quarrington');
  });
  it('drops the page qualifier and keeps accents', () => {
    expect(pageNameOfPerson({ type: 'person', url: wiki('Greg_Ostrovi%C4%87_(politician)') }, 'Gregory F. Ostrović', [])).toBe('Greg Ostrović');
  });
  it('reads a family name behind a suffix ("Donald S. Beyer, Jr." is "Don Beyer")', () => {
    expect(pageNameOfPerson({ type: 'person', url: wiki('Don_Quellbeyer') }, 'Donald S. Quellbeyer, Jr.', [])).toBe('Don Quellbeyer');
  });
  it('gives nothing when the title is the name or an alias already (case and accents aside)', () => {
    expect(pageNameOfPerson({ type: 'person', url: wiki('Carla_Gim%C3%A9nez') }, 'Carla Gimenez', [])).toBeNull();
    expect(pageNameOfPerson({ type: 'person', url: wiki('Liz_Quarrington') }, 'Elizabeth Quarrington', ['liz quarrington'])).toBeNull();
  });
  it("gives nothing for another person's page (a merged record's wrong URL): the family name differs", () => {
    expect(pageNameOfPerson({ type: 'person', url: wiki('Ursel_von_der_Wendt') }, 'Viktor Ormandy', ['Ormandy'])).toBeNull();
  });
  it('gives nothing for non-persons, one-word titles, other wikis and titles with commas or digits', () => {
    expect(pageNameOfPerson({ type: 'place', url: wiki('Alton,_Illinois') }, 'Alton', [])).toBeNull();
    expect(pageNameOfPerson({ type: 'person', url: wiki('Quarrington') }, 'Elizabeth Quarrington', [])).toBeNull();
    expect(pageNameOfPerson({ type: 'person', url: 'https://es.wikipedia.org/wiki/Liz_Quarrington' }, 'Elizabeth Quarrington', [])).toBeNull();
    expect(pageNameOfPerson({ type: 'person', url: wiki('John_Quarrington,_Baron_Quarrington') }, 'John Quarrington', [])).toBeNull();
    expect(pageNameOfPerson({ type: 'person' }, 'Elizabeth Quarrington', [])).toBeNull();
  });
});

describe('compileEntities: the page title counts for news salience and links', async () => {
  const d = mkdtempSync(path.join(tmpdir(), 'backstory-page-name-'));
  const w = (f: string, rows: object[]) => writeFileSync(path.join(d, f), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  w('entities.jsonl', [{ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', source: 'wikidata (CC0)' }]);
  w('entities_more.jsonl', [
    // Roles ended before 2012: kept only when the news names her, and the news writes only the page title.
    { id: 'Q9100001', name: 'Elizabeth Quarrington', type: 'person', country: 'US', url: wiki('Liz_Quarrington'), roles: [{ title: 'Director of the Office', from: '1999-01-01', to: '2005-01-01' }], source: 'eps:us (CC0)' },
  ]);
  const corpus = path.join(d, 'coverage.jsonl');
  // Summaries too short for the gold draw: outside the eval's reserve, so counted.
  const items = [0, 1, 2].map((i) => ({ id: `huffpost-10${i}`, title: 'Hearing Opens', summary: 'Liz Quarrington testifies.' }));
  writeFileSync(corpus, items.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const { entities } = await compileEntities(d, { newsCorpus: corpus });
  const record = entities.find((e) => e.id === 'Q9100001');

  it('keeps the record the news names by its page title, with the title as an alias', () => {
    expect(record).toBeDefined();
    expect(record!.aliases).toContain('Liz Quarrington');
  });
  it('links the common name to the record', () => {
    expect(linkText('On Monday, Liz Quarrington told the committee she would run.', buildEntityIndex(entities))).toContain('Q9100001');
  });
});
