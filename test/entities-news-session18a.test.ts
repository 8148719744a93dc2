/**
 * An organisation's country read against the page's nationality adjectives (issue #4, session 18,
 * newsprec20): between bodies of one name and several countries the adjectives help say which
 * ("The Australian government … the Department of Home Affairs"); a tie between the countries a
 * page names is broken by them ("Brazilian president … Supreme Court chief … U.S. sanctions");
 * a country or adjective written right before a generically named body says whose it is ("The
 * Chinese Ministry of Finance"). Own sentences, own small entity list; each case fails without
 * its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { demonymCounts, organisationsOfCountries, supportWithDemonyms } from '../lib/entities/owner-country';
import { tokenize } from '../lib/entities/normalize';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const homeAffairsZA = E({ id: 'dha-za', name: 'Department of Home Affairs', type: 'organization', subtype: 'government_body', country: 'ZA', prominence: 40 });
const homeAffairsAU = E({ id: 'dha-au', name: 'Department of Home Affairs', type: 'organization', subtype: 'government_body', country: 'AU', prominence: 38 });
const scotus = E({ id: 'scotus', name: 'Supreme Court of the United States', type: 'organization', subtype: 'government_body', aliases: ['Supreme Court'], country: 'US', prominence: 85 });
const usa = E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 100 });
const lula = E({ id: 'lula', name: 'Luiz Inácio Lula da Silva', type: 'person', country: 'BR', prominence: 80 });
const moraes = E({ id: 'moraes', name: 'Alexandre de Moraes', type: 'person', country: 'BR', prominence: 60 });
const bolsonaro = E({ id: 'bolsonaro', name: 'Jair Bolsonaro', type: 'person', country: 'BR', prominence: 80 });
const rubio = E({ id: 'rubio', name: 'Marco Rubio', type: 'person', country: 'US', prominence: 80 });
const financeCN = E({ id: 'mof-cn', name: "Ministry of Finance of the People's Republic of China", type: 'organization', subtype: 'government_body', aliases: ['Ministry of Finance'], country: 'CN', prominence: 38 });
const nscUS = E({ id: 'nsc-us', name: 'National Security Council', type: 'organization', subtype: 'government_body', country: 'US', prominence: 38 });
const china = E({ id: 'cn', name: 'China', type: 'place', subtype: 'country', country: 'CN', prominence: 100 });

const index = buildEntityIndex([homeAffairsZA, homeAffairsAU, scotus, usa, lula, moraes, bolsonaro, rubio, financeCN, nscUS, china]);
const links = (text: string) => linkKeys(index, text, '2025-06-03');

describe('namesake bodies of several countries', () => {
  it('"The Australian government … the Department of Home Affairs" is Australia\'s department', () => {
    expect(links('The Australian government dismisses the Secretary of the Department of Home Affairs.')).toEqual(['dha-au:Department of Home Affairs']);
    // Without a cue the pack's ranking stands.
    expect(links('The Secretary of the Department of Home Affairs resigns.')).toEqual(['dha-za:Department of Home Affairs']);
  });

  it('tells organisations of several countries from one country\'s', () => {
    expect(organisationsOfCountries([homeAffairsZA, homeAffairsAU])).toBe(true);
    expect(organisationsOfCountries([homeAffairsZA, usa])).toBe(false);
    expect(organisationsOfCountries([scotus])).toBe(false);
  });
});

describe('a tie between the countries a page names', () => {
  const brazil = 'Brazilian president Luiz Inácio Lula da Silva says that he will defend Supreme Court chief Alexandre de Moraes from U.S. sanctions, which U.S. Secretary of State Marco Rubio threatened over the trial of former Brazilian president Jair Bolsonaro.';
  it('is broken by the nationality adjectives: the US court is not Brazil\'s', () => {
    expect(links(brazil)).not.toContain('scotus:Supreme Court');
  });
  it('leaves a page that names the body\'s country most', () => {
    expect(links('The Supreme Court rules on a U.S. law; Marco Rubio and the U.S. Senate react, while Brazilian observers watch.')).toContain('scotus:Supreme Court');
  });
  it('counts capitalised nationality adjectives only', () => {
    const counts = demonymCounts([{ tokens: tokenize('The Brazilian president and a brazilian nut; the Korean talks.') }]);
    expect(counts.get('BR')).toBe(1);
    expect(counts.get('KR')).toBe(1);
    expect(counts.get('KP')).toBe(1);
    expect(supportWithDemonyms(new Map([['BR', 2], ['US', 3]]), counts).get('BR')).toBe(3);
  });
});

describe('a body named by words every country\'s bodies share', () => {
  it('is not another country\'s on a page whose only cue is an adjective', () => {
    expect(links('The Syrian presidential office announces the creation of the National Security Council.')).toEqual([]);
    expect(links('The American president convenes the National Security Council.')).toEqual(['nsc-us:National Security Council']);
  });
});

describe('a country written right before a generically named body', () => {
  it('"The Chinese Ministry of Finance" on a page that names no country', () => {
    expect(links('The Chinese Ministry of Finance announces new tariffs.')).toEqual(['mof-cn:Ministry of Finance']);
  });
  it('"The United States Supreme Court" on a page that names China more', () => {
    expect(links('The United States Supreme Court upholds a law about a company that China owns, while China protests and China threatens.')).toContain('scotus:United States Supreme Court');
  });
});
