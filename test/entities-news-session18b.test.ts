/**
 * A person's field against the occupation written before the name (issue #4, session 18, newsprec21).
 * The compiler reads the field of a person from the reference description's words and stores it as
 * the person's `subtype` (lib/dataset/person-fields.ts); the linker rules a namesake out when the noun
 * right before the name writes another field (lib/entities/occupation-namesakes.ts). Own records and
 * sentences; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { compileEntities } from '../lib/dataset/compile-entities';
import { personFieldCode } from '../lib/dataset/person-fields';
import { linkKeys, testEntity } from './_entity-fixtures';
import { entityFilesDir } from './_entity-files';

const E = testEntity;

describe('personFieldCode reads the fields a description names', () => {
  it('names one field, or several in a fixed order', () => {
    expect(personFieldCode('English footballer')).toBe('sport');
    expect(personFieldCode('Scottish historian (born 1950)')).toBe('letters');
    expect(personFieldCode('American politician, actor and writer')).toBe('arts letters politics');
    expect(personFieldCode('Union Army general')).toBe('military');
  });
  it('reads no rank in "Attorney General" or "general manager", and nothing in no description', () => {
    expect(personFieldCode('Attorney General of Ohio')).toBeUndefined();
    expect(personFieldCode('American general manager')).toBeUndefined();
    expect(personFieldCode(undefined)).toBeUndefined();
  });
});

describe('the compiler stores the field of a person without roles only', async () => {
  const d = entityFilesDir(
    [
      { id: 'Q90001', name: 'Hamish Rosslyn', type: 'person', country: 'GB', description: 'Scottish historian', source: 'core' },
      { id: 'Q90002', name: 'Dale Pickering', type: 'person', country: 'US', description: 'American businessman and politician', roles: [{ title: 'Member of the House', from: '2019-01-03', to: null, asOf: '2026-01-01' }], source: 'core' },
    ],
    [],
  );
  const { entities } = await compileEntities(d);
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('as its subtype', () => {
    expect(byId.get('Q90001')?.subtype).toBe('letters');
    expect(byId.get('Q90002')?.subtype).toBeUndefined();
  });
});

describe('an occupation before the name against the field the compiler stored', () => {
  const index = buildEntityIndex([
    E({ id: 'historian', name: 'David Ross', type: 'person', subtype: 'letters', prominence: 40 }),
    E({ id: 'host', name: 'Tucker Carlson', type: 'person', subtype: 'letters', prominence: 40 }),
    E({ id: 'mp', name: 'Dale Pickering', type: 'person', subtype: 'politics', prominence: 60, roles: [{ title: 'Member of the House', from: '2019-01-03' }] }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-05-11');
  it('rules the namesake out: a lower-case noun, a title-case headline, a club manager', () => {
    expect(links('The club signed striker David Ross on Friday.')).toEqual([]);
    expect(links('Cubs Manager David Ross And TV Star Become Parents')).toEqual([]);
    expect(links('The Cubs manager David Ross said the team was ready.')).toEqual([]);
  });
  it('keeps the record where the fields agree, nothing is written, or a campaign has the manager', () => {
    expect(links('A new book by historian David Ross is out.')).toEqual(['historian:David Ross']);
    expect(links('David Ross said the archive was open.')).toEqual(['historian:David Ross']);
    expect(links('The campaign manager David Ross said so.')).toEqual(['historian:David Ross']);
  });
  it('leaves nouns of many lines of work alone ("Putin Defender", "government critic")', () => {
    expect(links('California Church Talk By Putin Defender Tucker Carlson')).toEqual(['host:Tucker Carlson']);
    expect(links('The government critic Tucker Carlson spoke.')).toEqual(['host:Tucker Carlson']);
  });
  it('never rules out a holder of office: politicians had other careers', () => {
    expect(links('The businessman Dale Pickering launched his campaign.')).toEqual(['mp:Dale Pickering']);
  });
});
