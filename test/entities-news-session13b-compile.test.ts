/**
 * Compiler (issue #4, session 13, second wave): records spelled "United States <Name>" also answer
 * to "U.S. <Name>" and "US <Name>", as news writes them ("the U.S. Capitol"); a SEC filer's name
 * loses its filer suffix ("…Ltd/cn") and answers to its words without the legal form.
 */
import { describe, expect, it } from 'vitest';
import { compileEntities, listedCompanyShortName, secFilerName, usInitialsVariants } from '../lib/dataset/compile-entities';
import { entityFilesDir } from './_entity-files';

describe('usInitialsVariants', () => {
  it('writes the initials for "United States" before a capitalised name', () => {
    expect(usInitialsVariants(['United States Capitol'])).toEqual(['U.S. Capitol', 'US Capitol']);
    expect(usInitialsVariants(['USCG', 'United States Coast Guard'])).toEqual(['U.S. Coast Guard', 'US Coast Guard']);
  });
  it('leaves "of America", a lower-case tail and a variant the record already has', () => {
    expect(usInitialsVariants(['United States of America'])).toEqual([]);
    expect(usInitialsVariants(['United States presidential election'])).toEqual([]);
    expect(usInitialsVariants(['United States Navy', 'U.S. Navy'])).toEqual(['US Navy']);
  });
});

describe('compileEntities: U.S. variants', async () => {
  const d = entityFilesDir(
    [
      { id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['United States of America'], country: 'US', source: 'core' },
      { id: 'Q54109', name: 'United States Capitol', type: 'place', subtype: 'landmark', country: 'US', source: 'core' },
      { id: 'Q9801', name: 'United States Mint', type: 'organization', subtype: 'government_body', country: 'US', source: 'core' },
      // A variant that is another record's name is not made.
      { id: 'Q9802', name: 'U.S. Mint', type: 'organization', subtype: 'company', country: 'US', source: 'core' },
    ],
    [],
  );
  const { entities } = await compileEntities(d, { moreLimit: 1000 });
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('adds the variants when no other record has them', () => {
    expect(byId.get('Q54109')?.aliases).toEqual(expect.arrayContaining(['U.S. Capitol', 'US Capitol']));
    expect(byId.get('Q9801')?.aliases ?? []).not.toContain('U.S. Mint');
    expect(byId.get('Q9801')?.aliases ?? []).toContain('US Mint');
    expect(byId.get('Q30')?.aliases ?? []).not.toContain('U.S. of America');
  });
});

describe('SEC filer names', () => {
  it('drop the filer suffix after a slash', () => {
    expect(secFilerName('Sealed Air Corp/de')).toBe('Sealed Air Corp');
    expect(secFilerName('Air France-Klm /fi')).toBe('Air France-Klm');
    expect(secFilerName('Quadient S.A./ADR')).toBe('Quadient S.A.');
    expect(secFilerName('Lamar Advertising Co/new')).toBe('Lamar Advertising Co');
    expect(secFilerName('Apple Inc.')).toBe('Apple Inc.');
  });
  it('give the words before the legal forms when two or more remain', () => {
    expect(listedCompanyShortName('Canadian Pacific Kansas City Ltd')).toBe('Canadian Pacific Kansas City');
    expect(listedCompanyShortName('Q2 Holdings, Inc.')).toBe('Q2 Holdings');
    expect(listedCompanyShortName('Taisho Pharmaceutical Holdings Co Ltd.')).toBe('Taisho Pharmaceutical Holdings');
    expect(listedCompanyShortName('Shimadzu Corporation')).toBeUndefined();
    expect(listedCompanyShortName('The Walt Disney Company')).toBeUndefined();
    expect(listedCompanyShortName('Hella KGaA Hueck & Co.')).toBeUndefined();
  });
});

describe('compileEntities: a SEC filer', async () => {
  const d = entityFilesDir(
    [
      { id: 'cik:16875', name: 'Canadian Pacific Kansas City Ltd/cn', type: 'organization', subtype: 'company', source: 'popular' },
    ],
    [],
  );
  const { entities } = await compileEntities(d, { moreLimit: 1000 });
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('is named without the suffix and answers to its short name', () => {
    expect(byId.get('cik:16875')?.name).toBe('Canadian Pacific Kansas City Ltd');
    expect(byId.get('cik:16875')?.aliases).toContain('Canadian Pacific Kansas City');
  });
});
