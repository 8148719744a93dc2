/**
 * Linker mechanisms for unseen news (issue #4, session 14): ships and other generations named after
 * a person or a place the pack knows; a place's own body named with another country's generic body
 * name ("the Ghana Air Force"); longer names inside sentences so full of names that they look
 * like title-case headlines. Own sentences, own small entity list; each case fails without its
 * mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { lowerCaseWords } from '../lib/entities/headline-names';
import { tokenize } from '../lib/entities/normalize';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'lincoln', name: 'Abraham Lincoln', type: 'person', country: 'US', prominence: 90 }),
  E({ id: 'truman', name: 'Harry S. Truman', type: 'person', country: 'US', prominence: 85 }),
  E({ id: 'colon', name: 'Christopher Columbus', type: 'person', aliases: ['Cristóbal Colón'], prominence: 85 }),
  E({ id: 'trump', name: 'Donald Trump', type: 'person', country: 'US', prominence: 99 }),
  E({ id: 'mlk', name: 'Martin Luther King Jr.', type: 'person', aliases: ['Martin Luther King'], country: 'US', prominence: 90 }),
  E({ id: 'rfkjr', name: 'Robert F. Kennedy Jr.', type: 'person', aliases: ['Robert Kennedy'], country: 'US', prominence: 85 }),
  E({ id: 'moscow', name: 'Moscow', type: 'place', subtype: 'capital', aliases: ['Moskva'], country: 'RU', population: 12_000_000, prominence: 92 }),
  E({ id: 'dali', name: 'Dali', type: 'place', subtype: 'city', country: 'CN', population: 600_000, prominence: 50 }),
  E({ id: 'aeroflot', name: 'Aeroflot', type: 'organization', subtype: 'company', country: 'RU', prominence: 70 }),
  E({ id: 'jr', name: 'JR Group', type: 'organization', subtype: 'company', aliases: ['JR'], country: 'JP', prominence: 60 }),
  E({ id: 'indiana', name: 'Indiana', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'miami', name: 'Miami', type: 'place', subtype: 'city', country: 'US', population: 450_000, prominence: 75 }),
  E({ id: 'gaza', name: 'Gaza Strip', type: 'place', subtype: 'region', aliases: ['Gaza'], country: 'PS', prominence: 80 }),
  E({ id: 'ukraine', name: 'Ukraine', type: 'place', subtype: 'country', country: 'UA', prominence: 95 }),
  E({ id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'place', subtype: 'country', country: 'KG', prominence: 80 }),
  E({ id: 'japarov', name: 'Sadyr Japarov', type: 'person', shortNames: ['Japarov'], country: 'KG', prominence: 70 }),
  E({ id: 'ghana', name: 'Ghana', type: 'place', subtype: 'country', country: 'GH', prominence: 85 }),
  E({ id: 'kurdistan', name: 'Kurdistan', type: 'place', subtype: 'region', prominence: 75 }),
  E({ id: 'usaf', name: 'United States Air Force', type: 'organization', aliases: ['Air Force'], country: 'US', prominence: 80 }),
  E({ id: 'pt', name: "Workers' Party", type: 'organization', subtype: 'political_party', country: 'BR', prominence: 70 }),
  E({ id: 'scotus', name: 'Supreme Court of the United States', type: 'organization', aliases: ['Supreme Court'], country: 'US', prominence: 85 }),
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 98 }),
]);

const links = (text: string) => linkKeys(index, text, '2024-06-01');

describe('a ship named after a person or a place', () => {
  it('is the ship after a navy prefix or a vessel noun', () => {
    expect(links('Jets fly from the aircraft carrier USS Abraham Lincoln in the Gulf.')).toEqual([]);
    expect(links('The USS Harry S. Truman collides with a merchant ship.')).toEqual([]);
    expect(links('Spain says the frigate Cristóbal Colón will sail.')).toEqual([]);
    expect(links('The Russian flagship cruiser Moskva sinks. The container ship Dali is freed.')).toEqual([]);
  });
  it('leaves the person, the place and an airline after "carrier" alone', () => {
    expect(links('Abraham Lincoln visited Moscow by ship.')).toEqual(['lincoln:Abraham Lincoln', 'moscow:Moscow']);
    expect(links('Sanctions hit the Russian flag carrier Aeroflot.')).toEqual(['aeroflot:Aeroflot']);
    expect(links('A ship from Moscow arrives.')).toEqual(['moscow:Moscow']);
  });
});

describe('a generational suffix after a person', () => {
  it('names another person than the shorter name\'s record', () => {
    // A title-case headline, where a capitalised word after a name says nothing by itself.
    expect(links('Donald Trump Jr. Met With Emissary For Gulf Princes')).toEqual([]);
    expect(links('Vaccine Opponent Abraham Lincoln Jr.\'s Guests Told To Get Shots')).toEqual([]);
    // In running text, where the suffix's letters start a name the pack knows ("JR", a railway).
    expect(links('Tax returns go to District Attorney Donald Trump Jr. in the U.S.')).toEqual(['Q30:U.S.']);
  });
  it('keeps a record whose own name carries the suffix, and the person without one', () => {
    expect(links('Martin Luther King Jr. marched.')).toEqual(['mlk:Martin Luther King Jr']);
    // The bare name reaching the son's own record: the suffix confirms it.
    expect(links('Health Secretary Robert Kennedy Jr. spoke.')).toEqual(['rfkjr:Robert Kennedy']);
    expect(links('Martin Luther King marched; Donald Trump spoke.')).toEqual(['mlk:Martin Luther King', 'trump:Donald Trump']);
  });
});

describe('a sentence full of names', () => {
  it('counts its lower-case words of 4+ letters, up to a cap', () => {
    expect(lowerCaseWords(tokenize('Indiana Hoosiers Defeat Miami Hurricanes In Title Game'), 2)).toBe(0);
    expect(lowerCaseWords(tokenize('In American football, Indiana Hoosiers defeat Miami Hurricanes to win it all.'), 2)).toBe(2);
  });
  it('lets a capitalised word going on from a name make one longer name, as in running text', () => {
    expect(links('In American football, Indiana Hoosiers defeat Miami Hurricanes.')).toEqual([]);
    expect(links('Israeli Airstrikes Kill Dozens Across Gaza City, Khan Younis, Rafah, Deir Balah overnight, medics said.')).toEqual([]);
  });
  it('leaves a real title-case headline alone, and a title holder\'s name after the place', () => {
    expect(links('Indiana Hoosiers Defeat Miami Hurricanes In Title Game')).toEqual(['indiana:Indiana', 'miami:Miami']);
    expect(links('Former People\'s Deputy of Ukraine Illia Kyva, Defector, Killed Near Moscow overnight, police said.')).toEqual(['ukraine:Ukraine', 'moscow:Moscow']);
    // A first name the pack lacks before a surname it knows.
    expect(links('Kyrgyzstan Sadr Japarov Visits Bishkek, Naryn, Talas, Karakol today, aides said.')).toEqual(['kyrgyzstan:Kyrgyzstan']);
    expect(links('Ukraine President Visits Troops Near Moscow, Kharkiv, Odesa today, aides said.')).toContain('ukraine:Ukraine');
  });
});

describe('a place before a generic body\'s name the pack knows', () => {
  it('is one longer name when the body is another country\'s', () => {
    expect(links('A Ghana Air Force helicopter crashes near the capital.')).not.toContain('ghana:Ghana');
    expect(links('The Kurdistan Workers\' Party announces a ceasefire.')).not.toContain('kurdistan:Kurdistan');
  });
  it('leaves the place\'s own body alone, and the place named on its own', () => {
    expect(links('The United States Supreme Court rules on the case.')).toEqual(['scotus:United States Supreme Court']);
    expect(links('Ghana Air Force chiefs met. Ghana and the U.S. agreed.')).toContain('ghana:Ghana');
  });
});
