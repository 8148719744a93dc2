/**
 * Page-class linker mechanisms, session 21 (issue #4, pagesprec27). Own sentences, own small entity
 * lists; each case fails without its mechanism and has the neighbouring reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { pageLinkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;

describe('an article-led name opening a longer one (link.ts insideLongerName)', () => {
  const index = buildEntityIndex([
    E({ id: 'state', name: 'The State', type: 'organization', subtype: 'media', country: 'US', prominence: 55, commonWord: true }),
    E({ id: 'leader', name: 'The Leader', type: 'organization', subtype: 'media', country: 'US', prominence: 55, commonWord: true }),
    E({ id: 'london', name: 'London', type: 'place', subtype: 'capital', country: 'GB', population: 9_000_000, prominence: 95 }),
  ]);
  it('"the State of the Union", "the Leader of the …": one longer name, not the newspaper', () => {
    expect(pageLinkKeys(index, ['The speaker postponed the State of the Union by a week.', 'She was chosen as the Leader of the Opposition.'])).toEqual([]);
  });
  it('a name without the article keeps "of the <Name>" after it', () => {
    expect(pageLinkKeys(index, ['The London of the Victorians was a port.'])).toEqual(['london:London']);
  });
});

describe("an event edition's year between the host and the event (name-continuations.ts)", () => {
  const index = buildEntityIndex([
    E({ id: 'london', name: 'London', type: 'place', subtype: 'capital', country: 'GB', population: 9_000_000, prominence: 95 }),
    E({ id: 'tokyo', name: 'Tokyo', type: 'place', subtype: 'capital', country: 'JP', population: 14_000_000, prominence: 95 }),
  ]);
  it('"the London 2012 Olympic Games", "Tokyo 2020 Olympics" do not link the city', () => {
    expect(pageLinkKeys(index, ['Crowds filled the London 2012 Olympic Games stadium.', 'The Tokyo 2020 Olympics were postponed.'])).toEqual([]);
  });
  it('a year after the city that starts no event name leaves the city', () => {
    expect(pageLinkKeys(index, ['He left London 2012 behind him and moved on.', 'By 2020 Tokyo had new stadiums; Tokyo 2019 saw record visitors.'])).toEqual([
      'london:London', 'tokyo:Tokyo', 'tokyo:Tokyo',
    ]);
  });
});

describe("football's World Cup in a block about another sport (sport-context.ts)", () => {
  const index = buildEntityIndex([
    E({ id: 'fifa-wc', name: 'FIFA World Cup', aliases: ['World Cup'], type: 'event', prominence: 90 }),
  ]);
  it('does not link a bare "World Cup" where the block names rugby or cricket and not football', () => {
    expect(pageLinkKeys(index, ['Its teams play rugby union and cricket; the national side are the reigning World Cup champions.'])).toEqual([]);
  });
  it('links it where the block speaks of football, or names no other sport', () => {
    expect(pageLinkKeys(index, ['Football fans and rugby fans alike watched the World Cup.', 'The World Cup drew record crowds.'])).toEqual([
      'fifa-wc:World Cup', 'fifa-wc:World Cup',
    ]);
  });
});
