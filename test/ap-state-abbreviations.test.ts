/**
 * AP-style state abbreviations (issue #4): curated/aliases.json gives the US state records the
 * abbreviations news writes after a city or in a legislator's party tag ("Fresno, Calif.",
 * "(D-Calif.)"), only where the written form is no word, name or other place. Own sentences, own
 * small entity list; the aliases are the curated file's.
 */
import { describe, expect, it } from 'vitest';
import curatedAliases from '../lib/dataset/curated/aliases.json';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const aliasesOf = (id: string) => (curatedAliases as { id: string; aliases?: string[] }[]).filter((a) => a.id === id).flatMap((a) => a.aliases ?? []);
const E = testEntity;
const state = (id: string, name: string) => E({ id, name, type: 'place', subtype: 'region', country: 'US', prominence: 72, aliases: aliasesOf(id) });
const index = buildEntityIndex([
  state('Q99', 'California'), state('Q16551', 'Vermont'), state('Q812', 'Florida'), state('Q1509', 'Tennessee'), state('Q1391', 'Maryland'), state('Q1428', 'Georgia'),
  E({ id: 'Q230', name: 'Georgia', type: 'place', subtype: 'country', country: 'GE', prominence: 85 }),
  E({ id: 'fresno', name: 'Fresno', type: 'place', subtype: 'city', country: 'US', population: 540_000, prominence: 60 }),
]);
const links = (text: string) => linkKeys(index, text, '2024-06-01');

describe('AP state abbreviations', () => {
  it('link after a city and in a party tag', () => {
    expect(links('Police in Fresno, Calif., arrested a man.')).toEqual(['fresno:Fresno', 'Q99:Calif']);
    expect(links('Rep. Peter Welch (D-Vt.) wrote to the agency.')).toEqual(['Q16551:Vt']);
    expect(links('The storm hit Florida before moving into Tenn. on Sunday.')).toEqual(['Q812:Florida', 'Q1509:Tenn']);
  });
  it('leave out forms that are words or other places: "MD" the doctor, "Ga." beside Georgia the country', () => {
    expect(links('Ask your doctor, an MD, about the dose.')).toEqual([]);
    expect(aliasesOf('Q1428')).not.toContain('Ga.');
  });
});
