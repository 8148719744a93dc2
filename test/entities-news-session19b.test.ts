/**
 * Linker precision on news, session 19 second pass (issue #4, newsprec24): an elected member's
 * abbreviated title against a foreign record's listed offices, a title-case headline's own
 * refused name not vouching for its short form, and a weather office's generic name on a page about
 * another country. Own records and sentences; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { writtenApart } from '../lib/entities/common-word-names';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;

describe('"Rep." / "Sen." / "Gov." against a foreign record whose offices are no such seat', () => {
  const index = buildEntityIndex([
    E({ id: 'minister', name: 'Owen Darrow', type: 'person', country: 'BS', prominence: 50, roles: [{ title: 'Attorney General (Bahamas)', from: '2009-01-01', to: '2012' }] }),
    E({ id: 'envoy', name: 'Ruth Callan', type: 'person', country: 'US', prominence: 50, roles: [{ title: 'Ambassador to Chile', from: '2014-01-01', to: '2017' }] }),
    E({ id: 'senator', name: 'Pia Lorenzo', type: 'person', country: 'PH', prominence: 50, roles: [{ title: 'Senator of the Philippines', from: '2016-06-30' }] }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2020-01-31');
  it('rules out the foreign attorney general after "Rep."', () => {
    expect(links('Former Rep. Owen Darrow Drops Out Of Presidential Race')).toEqual([]);
    expect(links('Gov. Owen Darrow signed the bill.')).toEqual([]);
  });
  it('keeps him without the title, a US record, and a foreign senator', () => {
    expect(links('Attorney General Owen Darrow spoke.')).toEqual(['minister:Owen Darrow']);
    expect(links('Sen. Ruth Callan said no.')).toEqual(['envoy:Ruth Callan']);
    expect(links('Sen. Pia Lorenzo said no.')).toEqual(['senator:Pia Lorenzo']);
  });
});

describe("a headline's refused name does not support its own short form", () => {
  const edge = E({ id: 'edge', name: 'The Rim', type: 'person', subtype: 'arts', country: 'IE', shortNames: ['Rim'], commonWord: true, prominence: 36 });
  const index = buildEntityIndex([edge]);
  const ids = (blocks: string[]) => linkEntities(blocks.map((text) => ({ text })), index, { date: '2018-10-03' }).map((e) => e.id);
  it('does not link "Rim" inside a title-case "On The Rim Of"', () => {
    expect(ids(['Strange Planet Found On The Rim Of Solar System'])).toEqual([]);
  });
  it('still links it when the full name is written apart', () => {
    expect(ids(['Strange Planet Found On The Rim Of Solar System', 'The guitarist The Rim played on.'])).toEqual(['edge']);
  });
  it('writtenApart counts only occurrences outside the span, in the block or another', () => {
    const block = 'On The Rim Of Space';
    expect(writtenApart(block, block, 'The Rim', 7, 10)).toBe(false);
    expect(writtenApart(`${block}\nThe Rim said`, block, 'The Rim', 7, 10)).toBe(true);
    expect(writtenApart('The Rim and The Rim', 'The Rim and The Rim', 'The Rim', 4, 7)).toBe(true);
  });
});

describe("a weather office named by words many countries' offices share, on a page about another country", () => {
  const index = buildEntityIndex([
    E({ id: 'met', name: 'Weather Centre', type: 'organization', subtype: 'company', country: 'GB', aliases: ['Meteorological Office'], prominence: 40 }),
    E({ id: 'iceland', name: 'Iceland', type: 'place', subtype: 'country', country: 'IS', prominence: 90 }),
    E({ id: 'uk', name: 'United Kingdom', type: 'place', subtype: 'country', country: 'GB', prominence: 95 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-03-19');
  it("is not the UK's office in an Iceland item", () => {
    expect(links('A volcano erupts in southwestern Iceland, according to the Meteorological Office.')).toEqual(['iceland:Iceland']);
  });
  it('is kept on a page that names its country', () => {
    expect(links('Storms hit the United Kingdom, according to the Meteorological Office.')).toEqual(['uk:United Kingdom', 'met:Meteorological Office']);
  });
});
