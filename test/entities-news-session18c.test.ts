/**
 * A body whose generic-word name no other country's body bears (issue #4, session 18, newsprec22):
 * the compiler reads which generic names ("State Department") the reference data gives to one
 * country's bodies only (lib/dataset/one-country-names.ts) and flags the record (`oneCountryName`);
 * the linker keeps such a body on a page about another country ("Former Guatemalan President …
 * barred from entering the U.S. after the State Department accuses him"), where a generically
 * named one ("Supreme Court") is that country's own. Own records and sentences.
 */
import { describe, expect, it } from 'vitest';
import { institutionNameCountries, namesOneCountrysBody } from '../lib/dataset/one-country-names';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack, PackEntity } from '../lib/dataset/schema';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const org = (id: string, name: string, country: string | undefined, aliases: string[] = []) =>
  E({ id, name, type: 'organization', subtype: 'government_body', aliases, ...(country ? { country } : {}) });
const place = (id: string, name: string, country: string, aliases: string[] = []) => E({ id, name, type: 'place', subtype: 'country', aliases, country });

const reference = [
  place('us', 'United States', 'US', ['US']), place('ca', 'Canada', 'CA'), place('cr', 'Costa Rica', 'CR'), place('fl', 'Florida', 'US'), place('il', 'Israel', 'IL'),
  org('dos', 'United States Department of State', 'US', ['State Department', 'US State Department']),
  org('fl-dos', 'Florida Department of State', 'US'),
  org('scotus', 'Supreme Court of the United States', 'US', ['Supreme Court']),
  org('scc', 'Supreme Court of Canada', 'CA'),
  org('moh-il', 'Ministry of Health (Israel)', 'IL', ['Health Ministry']),
  org('moh-cr', 'Ministry of Health of Costa Rica', 'CR'),
  org('fec', 'Federal Election Commission', 'US'),
  org('cne', 'Federal Election Commission', undefined),
];

describe('generic body names of one country (compiler)', () => {
  const countries = institutionNameCountries(reference);
  const flagged = (id: string) => namesOneCountrysBody(reference.find((e) => e.id === id)!, countries);

  it('flags a name only one country\'s bodies bear, also as "<place> N" and "N of …"', () => {
    expect(countries.get('department of state')).toBe('US');
    expect(flagged('dos')).toBe(true);
  });
  it('does not flag a name another country\'s body bears as "N of <place>"', () => {
    expect(countries.get('supreme court')).toBeNull();
    expect(flagged('scotus')).toBe(false);
  });
  it('reads "Health Ministry" as "Ministry of Health", which several countries\' bodies bear', () => {
    expect(countries.get('ministry of health')).toBeNull();
    expect(flagged('moh-il')).toBe(false);
  });
  it('does not flag a name a record without a country bears too', () => {
    expect(flagged('fec')).toBe(false);
  });
});

describe('a body of one country\'s name on a page about another country (linker)', () => {
  const text = 'Former Guatemalan President Alejandro Giammattei is barred from entering the U.S. after the State Department accuses him of corruption.';
  const people = [E({ id: 'giammattei', name: 'Alejandro Giammattei', type: 'person', country: 'GT', prominence: 60 }), E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 100 })];
  const department = (flag: boolean) => E({ id: 'dos', name: 'United States Department of State', type: 'organization', subtype: 'government_body', aliases: ['State Department'], country: 'US', prominence: 85, ...(flag ? { oneCountryName: true as const } : {}) });

  it('keeps the flagged body', () => {
    expect(linkKeys(buildEntityIndex([...people, department(true)]), text, '2024-01-17')).toContain('dos:State Department');
  });
  it('leaves a generically named body out as before', () => {
    expect(linkKeys(buildEntityIndex([...people, department(false)]), text, '2024-01-17')).not.toContain('dos:State Department');
  });
  it('survives the runtime pack', () => {
    const pack: Pack = { format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [], entities: [department(true) as PackEntity], coverage: [] };
    expect(decodeRuntimePack(encodeRuntimePack(pack)).knowledge.entities.entities[0]!.oneCountryName).toBe(true);
  });
});
