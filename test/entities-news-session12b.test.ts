/**
 * Linker mechanisms for unseen news (issue #4, session 12, second wave): general shapes found in the
 * error classes of a new dev file, not rules for one item's words. Own sentences, own small entity
 * list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 98 }),
  E({ id: 'Q99', name: 'California', type: 'place', subtype: 'region', country: 'US', prominence: 75 }),
  E({ id: 'Q1397', name: 'Ohio', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  // Reference data's "City, State" aliases: they pick the city among its namesakes.
  E({ id: 'portsmouth-oh', name: 'Portsmouth', type: 'place', subtype: 'city', aliases: ['Portsmouth, Ohio'], country: 'US', population: 20_000, prominence: 55 }),
  E({ id: 'portsmouth-uk', name: 'Portsmouth', type: 'place', subtype: 'city', country: 'GB', population: 200_000, prominence: 62 }),
  E({ id: 'fullerton', name: 'Fullerton', type: 'place', subtype: 'city', aliases: ['Fullerton, California'], country: 'US', population: 140_000, prominence: 65 }),
  E({ id: 'Q1400', name: 'Pennsylvania', type: 'place', subtype: 'region', aliases: ['Pennsylvania, United States'], country: 'US', prominence: 70 }),
  E({ id: 'tz', name: 'Tanzania', type: 'place', subtype: 'country', aliases: ['Tanzania, United Republic of'], country: 'TZ', prominence: 85 }),
  E({ id: 'stc-yemen', name: 'Southern Transitional Council', type: 'organization', subtype: 'armed_group', country: 'YE', prominence: 62 }),
  E({ id: 'stc-telecom', name: 'Saudi Telecom Company', type: 'organization', subtype: 'company', aliases: ['STC'], country: 'SA', prominence: 70 }),
  E({ id: 'cjng', name: 'Jalisco Cartel New Generation', type: 'organization', subtype: 'armed_group', aliases: ['Jalisco New Generation Cartel'], country: 'MX', prominence: 62 }),
  E({ id: 'Q805', name: 'Yemen', type: 'place', subtype: 'country', country: 'YE', prominence: 90 }),
  E({ id: 'Q1212', name: 'Montana', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q801', name: 'Israel', type: 'place', subtype: 'country', country: 'IL', prominence: 95 }),
  E({ id: 'Q39', name: 'Switzerland', type: 'place', subtype: 'country', country: 'CH', prominence: 95 }),
  E({ id: 'maiduguri', name: 'Maiduguri', type: 'place', subtype: 'city', country: 'NG', population: 800_000, prominence: 62 }),
  E({ id: 'Q1028', name: 'Morocco', type: 'place', subtype: 'country', country: 'MA', prominence: 90 }),
  E({ id: 'Q736', name: 'Ecuador', type: 'place', subtype: 'country', country: 'EC', prominence: 90 }),
  E({ id: 'the-union', name: 'The Union', type: 'organization', subtype: 'media', country: 'US', prominence: 55 }),
]);

function links(text: string, date: string | null = '2024-06-01'): string[] {
  return linkKeys(index, text, date);
}

describe('a "City, State" alias names two places', () => {
  it('links the city and its state (or country) apart, the alias still choosing the city', () => {
    expect(links('A gunman opened fire at a school in Fullerton, California, on Monday.')).toEqual(['fullerton:Fullerton', 'Q99:California']);
    expect(links('Flooding hit Portsmouth, Ohio, overnight.')).toEqual(['portsmouth-oh:Portsmouth', 'Q1397:Ohio']);
    expect(links('A tornado struck Pennsylvania, United States.')).toEqual(['Q1400:Pennsylvania', 'Q30:United States']);
  });
  it('keeps an alias whose part after the comma names no place of that country', () => {
    expect(links('Officials in Tanzania, United Republic of, said so.')).toEqual(['tz:Tanzania, United Republic of']);
  });
});

describe('an acronym the text defines after a linked full name', () => {
  it('links the acronym in parentheses and its later uses to that entity, letters in any order', () => {
    expect(links('The Southern Transitional Council (STC) captures Aden. The STC rejects the talks.'))
      .toEqual(['stc-yemen:Southern Transitional Council', 'stc-yemen:STC', 'stc-yemen:STC']);
    expect(links('Leaders of the Jalisco New Generation Cartel (CJNG) are arrested; CJNG gunmen respond.'))
      .toEqual(['cjng:Jalisco New Generation Cartel', 'cjng:CJNG', 'cjng:CJNG']);
  });
  it('takes a use over from the pack\'s reading of the letters, on that page only', () => {
    expect(links('In Yemen, the Southern Transitional Council (STC) said STC forces withdrew.'))
      .toEqual(['Q805:Yemen', 'stc-yemen:Southern Transitional Council', 'stc-yemen:STC', 'stc-yemen:STC']);
  });
  it('needs letters that are initials of the name', () => {
    expect(links('The Southern Transitional Council (SPLA) met in Yemen.')).toEqual(['stc-yemen:Southern Transitional Council', 'Q805:Yemen']);
  });
});

describe('a place after an unknown capitalised word and a hyphen', () => {
  it('is the last part of another name', () => {
    expect(links('A fire breaks out at a bar in Crans-Montana, Switzerland.')).toEqual(['Q39:Switzerland']);
  });
  it('stays the place after a known name, a prefix, or in a route between two places', () => {
    expect(links('Talks on Morocco-Israel ties resume.')).toEqual(['Q1028:Morocco', 'Q801:Israel']);
    expect(links('Anti-Israel protests spread in Montana.')).toEqual(['Q801:Israel', 'Q1212:Montana']);
    expect(links('Gunmen attack a bus on the Damboa-Maiduguri highway.')).toEqual(['maiduguri:Maiduguri']);
  });
});

describe('a country after "<Lands> of"', () => {
  it('is where those lands lie, not part of their name', () => {
    expect(links('Tortoises are released onto Floreana in the Galápagos Islands of Ecuador.')).toEqual(['Q736:Ecuador']);
  });
});

describe('a name after a state\'s formal head and "of"', () => {
  it('stands alone only when it is a place', () => {
    expect(links('He delivers the State of the Union address to Congress.')).toEqual([]);
    expect(links('Officials of the State of Israel attended.')).toEqual(['Q801:Israel']);
  });
});
