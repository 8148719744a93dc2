/**
 * People who have died (issue #4): the compiler reads a date of death where the reference states
 * it in a structured position (lib/dataset/death-dates.ts), the pack image stores it as a coded
 * date, and the card of a person dead by the article's date gives the life span and former roles.
 */
import { describe, expect, it } from 'vitest';
import { diedBefore, statedDeath } from '../lib/dataset/death-dates';
import { compileEntities } from '../lib/dataset/compile-entities';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack, PackEntity } from '../lib/dataset/schema';
import { describeEntity } from '../lib/entities/describe';
import { freezeEntityIndex } from '../lib/entities/frozen-index';
import { buildKnowledge } from '../lib/knowledge';
import { entityFilesDir } from './_entity-files';

const DATE_PAGES = 'wikipedia:date-pages (CC BY-SA 4.0, 2024-04-26)';

describe('statedDeath: only the description\'s structured end', () => {
  it('reads a life span that starts at the birth year, "(died …)" and "; died …"', () => {
    expect(statedDeath({ type: 'person', born: '1880-01-26', description: 'An American general (1880–1964)' })).toEqual({ died: '1964', form: 'life span' });
    expect(statedDeath({ type: 'person', born: '1902', description: 'An aviator (1902–1974) (died 1974)' })?.died).toBe('1974');
    expect(statedDeath({ type: 'person', description: 'A pope 2013–2025 (died 21 April 2025)' })?.died).toBe('2025-04-21');
    expect(statedDeath({ type: 'person', born: '1926', description: 'An ambassador (1981–1984); died 2013' })).toEqual({ died: '2013', form: '; died' });
    expect(statedDeath({ type: 'person', born: '0742', description: 'A king (died 814)' })?.died).toBe('0814');
  });
  it('leaves a range of office, an open life span, prose and a non-person alone', () => {
    // A term of office, not a life: it does not start at the birth year.
    expect(statedDeath({ type: 'person', born: '1931', description: 'Ambassador to a country (1986–1989)' })).toBeNull();
    expect(statedDeath({ type: 'person', description: 'A general (1880–1964)' })).toBeNull();
    expect(statedDeath({ type: 'person', born: '1906-10-22', description: 'A mathematician (d. 1978). (1906–)' })).toBeNull();
    expect(statedDeath({ type: 'person', description: 'A president; died in a crash in May 2024' })).toBeNull();
    expect(statedDeath({ type: 'person', description: 'A philosopher (died -478)' })).toBeNull();
    expect(statedDeath({ type: 'organization', born: '1880', description: 'A newspaper (1880–1964)' })).toBeNull();
  });
  it('diedBefore compares as far as both dates go', () => {
    expect(diedBefore('1961', '2019-03-01')).toBe(true);
    expect(diedBefore('2025-04-21', '2025-04-20')).toBe(false);
    expect(diedBefore('2025-04-21', '2025-04-22')).toBe(true);
    // A death "in 2025" is not known to precede an article of 2025.
    expect(diedBefore('2025', '2025-06-01')).toBe(false);
    expect(diedBefore(undefined, '2025-06-01')).toBe(false);
    expect(diedBefore('1961', null)).toBe(true);
  });
});

describe('compileEntities keeps the stated date of death', () => {
  it('puts died on the pack record and counts it in the report', async () => {
    const general = { id: 'enwiki:Test_General', name: 'Testa Generalo', type: 'person', born: '1880-01-26', description: 'A general (1880–1964)', popularity: 99, source: DATE_PAGES, aliases: [] };
    const diplomat = { id: 'pocom:1', name: 'Otta Diplomata', type: 'person', born: '1931', description: 'Ambassador to a country (1986–1989)', popularity: 99, source: DATE_PAGES, aliases: [] };
    const { entities, report } = await compileEntities(entityFilesDir([], [], [general, diplomat]));
    expect(entities.find((e) => e.name === 'Testa Generalo')?.died).toBe('1964');
    expect(entities.find((e) => e.name === 'Otta Diplomata')?.died).toBeUndefined();
    expect(report.join('\n')).toMatch(/person with a stated date of death: 1/);
  });
});

const pack = (entities: PackEntity[]): Pack => ({ format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [], entities, coverage: [] });

describe('the pack image stores died as a coded date', () => {
  const people: PackEntity[] = [
    { id: 'Q1', name: 'Testa Generalo', type: 'person', aliases: [], shortNames: [], sources: [], roles: [], born: '1880-01-26', died: '1964-04-05' },
    { id: 'Q2', name: 'Rex Antiquus', type: 'person', aliases: [], shortNames: [], sources: [], roles: [], born: '0742', died: '0814' },
  ];
  it('reads it back and keeps a codable date out of the inline text', () => {
    const rt = decodeRuntimePack(encodeRuntimePack(pack(people.map((e) => structuredClone(e)))));
    expect(rt.knowledge.entities.entities.map((e) => e.died)).toEqual(['1964-04-05', '0814']);
    const { sections } = freezeEntityIndex(buildKnowledge([pack(people.map((e) => structuredClone(e)))]).entities, 'e');
    const text = new TextDecoder().decode(sections['e.inlineBytes'] as Uint8Array);
    expect(text).not.toContain('1964');
    expect(text).toContain('0814');
  });
});

describe('the card of a person who has died', () => {
  const leader: PackEntity = {
    id: 'Q9', name: 'Testa Leadero', type: 'person', aliases: [], shortNames: [], sources: [], country: 'FR', born: '1930-05-01', died: '2022-03-10',
    // A 2022 snapshot left the role open.
    roles: [{ title: 'President of the Senate', from: '2014-10-01', to: null, asOf: '2022-07-23' }],
  };
  it('reads the role as current before the death, as former with the life span after it', () => {
    expect(describeEntity(leader, '2019-06-01')).toMatch(/^President of the Senate \(since October 2014\)/);
    expect(describeEntity(leader, '2019-06-01')).not.toMatch(/1930–2022/);
    expect(describeEntity(leader, '2025-06-01')).toMatch(/^Former President of the Senate \(2014–2022\).*\(1930–2022\)$/);
    expect(describeEntity(leader, null)).toMatch(/^Former President of the Senate.*\(1930–2022\)$/);
  });
  it('gives a person without roles the life span instead of the birth year', () => {
    const artist: PackEntity = { id: 'Q8', name: 'Arta Pictora', type: 'person', aliases: [], shortNames: [], sources: [], roles: [], country: 'FR', born: '1886', died: '1961' };
    expect(describeEntity(artist, '1950-01-01')).toMatch(/\(born 1886\)$/);
    expect(describeEntity(artist, '2025-01-01')).toMatch(/\(1886–1961\)$/);
    expect(describeEntity({ ...artist, born: undefined }, '2025-01-01')).toMatch(/\(died 1961\)$/);
  });
});

describe('a merge keeps a date of death only where the birth years agree', () => {
  it('does not give a namesake\'s death to the record it is merged into', async () => {
    const governor = { id: 'Q900001', name: 'Scotto Walkerson', type: 'person', country: 'US', born: '1967-11-02', description: 'American politician; Former Governor of a state (2011–2019)', roles: [{ title: 'Governor of a state', from: '2011-01-03', to: '2019-01-07' }], source: 'test' };
    const singer = { id: 'enwiki:Scotto_Walkerson_(singer)', name: 'Scotto Walkerson', type: 'person', country: 'US', born: '1943-01-09', description: 'A singer-songwriter (1943–2019)', popularity: 99, source: DATE_PAGES, aliases: [] };
    const { entities, report } = await compileEntities(entityFilesDir([], [governor], [singer]));
    expect(report.join('\n')).toMatch(/merged: same name\+type\+country \(popular into more\): 1/);
    const merged = entities.find((e) => e.id === 'Q900001');
    expect(merged?.born).toBe('1967-11-02');
    expect(merged?.died).toBeUndefined();
  });
});
