/**
 * Page-class linker mechanisms, session 20 second wave (issue #4, pagesprec26). Own sentences, own
 * small entity lists; each case fails without its mechanism and has the neighbouring reading that
 * must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { pageLinkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;


describe('a defined acronym opening a longer name (defined-acronyms.ts)', () => {
  const index = buildEntityIndex([
    E({ id: 'otc', name: 'Organisation for Trade Cooperation', type: 'organization', subtype: 'international organization', prominence: 40 }),
  ]);
  const definition = 'Norway joined the Organisation for Trade Cooperation (OTC) in 1961.';
  it('does not link the initials inside the longer name, in running text or in a reference', () => {
    expect(pageLinkKeys(index, [definition, 'The OTC Better Living Index ranks members.', '^ "Norway". OTC Better Living Index. 2016. Retrieved 30 November 2016.'])).toEqual([
      'otc:Organisation for Trade Cooperation', 'otc:OTC',
    ]);
  });
  it('links the initials before a title, a month, a lower-case word or a stop', () => {
    expect(pageLinkKeys(index, [definition, 'The OTC Secretary spoke in March. OTC members agreed with the OTC.'])).toEqual([
      'otc:Organisation for Trade Cooperation', 'otc:OTC', 'otc:OTC', 'otc:OTC', 'otc:OTC',
    ]);
  });
});

describe("a list going on from a release's name, and \"OS X\" (product-names.ts)", () => {
  const index = buildEntityIndex([
    E({ id: 'monterey', name: 'Monterey', type: 'place', subtype: 'city', country: 'US', population: 28_000, prominence: 40 }),
    E({ id: 'ventura', name: 'Ventura', type: 'place', subtype: 'city', country: 'US', population: 110_000, prominence: 40 }),
    E({ id: 'yosemite', name: 'Yosemite', type: 'place', subtype: 'landmark', country: 'US', prominence: 50 }),
  ]);
  it('names releases, not the places', () => {
    expect(pageLinkKeys(index, ['Apple shipped macOS Monterey, Ventura and Yosemite in turn.', 'Before that came OS X Yosemite.'])).toEqual([]);
  });
  it('leaves a list after a place, and a place far after a release', () => {
    expect(pageLinkKeys(index, ['They drove from Monterey, Ventura and Yosemite.', 'Users of macOS Monterey live in Ventura.'])).toEqual([
      'monterey:Monterey', 'ventura:Ventura', 'yosemite:Yosemite', 'ventura:Ventura',
    ]);
  });
});
