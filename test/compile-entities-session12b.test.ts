/**
 * Compiler rules (issue #4, session 12, second wave), on own tiny reference files (no ../shared
 * needed): "<Institution> of <Country>" records also answer to "<Demonym> <Institution>".
 */
import { describe, expect, it } from 'vitest';
import { compileEntities, demonymInstitutionVariants } from '../lib/dataset/compile-entities';
import { entityFilesDir } from './_entity-files';

describe('demonymInstitutionVariants', () => {
  it('puts the nationality adjective before the institution named "of <country>"', () => {
    expect(demonymInstitutionVariants(['Federal Police of Brazil'], ['Brazil', 'Brasil'], ['Brazilian'])).toEqual(['Brazilian Federal Police']);
    expect(demonymInstitutionVariants(['Supreme Court of the United States', 'SCOTUS'], ['United States'], ['American'])).toEqual(['American Supreme Court']);
  });
  it('needs the own country after "of", a head of two capitalised words, not "The …" nor a comma', () => {
    expect(demonymInstitutionVariants(['Federal Police of Argentina'], ['Brazil'], ['Brazilian'])).toEqual([]);
    expect(demonymInstitutionVariants(['Government of Brazil'], ['Brazil'], ['Brazilian'])).toEqual([]);
    expect(demonymInstitutionVariants(['The Catholic University of America'], ['America'], ['American'])).toEqual([]);
    expect(demonymInstitutionVariants(['Trade Representative, Office of United States'], ['United States'], ['American'])).toEqual([]);
  });
});

describe('compileEntities: demonym variants of a state body', async () => {
  const d = entityFilesDir(
    [
      { id: 'Q155', name: 'Brazil', type: 'place', subtype: 'country', aliases: ['Brasil'], country: 'BR', source: 'core' },
      { id: 'Q9700', name: 'Federal Police of Brazil', type: 'organization', subtype: 'government_body', country: 'BR', source: 'core' },
      { id: 'Q9701', name: 'Communist Party of Brazil', type: 'organization', subtype: 'political_party', country: 'BR', source: 'core' },
      // A variant that is another record's name is not made.
      { id: 'Q9702', name: 'Federal Senate of Brazil', type: 'organization', subtype: 'government_body', country: 'BR', source: 'core' },
      { id: 'Q9703', name: 'Brazilian Federal Senate', type: 'organization', subtype: 'government_body', country: 'BR', source: 'core' },
    ],
    [],
  );
  const { entities } = await compileEntities(d, { moreLimit: 1000 });
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('adds the variant to a state body only, when no other record has it', () => {
    expect(byId.get('Q9700')?.aliases).toContain('Brazilian Federal Police');
    expect(byId.get('Q9701')?.aliases ?? []).not.toContain('Brazilian Communist Party');
    expect(byId.get('Q9702')?.aliases ?? []).not.toContain('Brazilian Federal Senate');
  });
});
