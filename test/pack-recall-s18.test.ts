/**
 * Compiler (issue #4, session 18, recall of all names): extension seats past the popular file's
 * company and government-body quotas, taken only by records whose names no taken record carries
 * (lib/dataset/quota-extension.ts). The names are made up.
 */
import { describe, expect, it } from 'vitest';
import { extensionSeat, nameKeys, QUOTA_EXTENSION, TakenNames } from '../lib/dataset/quota-extension';

const rec = (name: string, aliases: string[] = []) => ({ name, aliases });
const never = () => false;
const ORDINARY = new Set(['kernel', 'harvest']);
const ordinary = (w: string) => ORDINARY.has(w);

describe('quota extension seats', () => {
  const taken = new TakenNames();
  taken.add(rec('Vellmora', ['Vellmora Region']));
  taken.add(rec('Quarrindale Pictures', ['Quarrindale']));

  it('folds a name and its aliases into keys', () => {
    expect(nameKeys(rec('Ébrisko Mining', ['ÉBRISKO']))).toEqual(['ebrisko mining', 'ebrisko']);
  });

  it('seats a company past its quota while extension seats are left', () => {
    const max = 10;
    expect(extensionSeat('company', max, max, rec('Tovnaro Utility'), taken, never)).toBe(true);
    expect(extensionSeat('company', max + QUOTA_EXTENSION.company! - 1, max, rec('Tovnaro Utility'), taken, never)).toBe(true);
    expect(extensionSeat('company', max + QUOTA_EXTENSION.company!, max, rec('Tovnaro Utility'), taken, never)).toBe(false);
  });

  it('is no seat while the quota itself has room (the quota seats it)', () => {
    expect(extensionSeat('company', 3, 10, rec('Tovnaro Utility'), taken, never)).toBe(false);
  });

  it('refuses a record named or aliased like a record already taken (a region, a better-known company)', () => {
    expect(taken.shares(rec('Vellmora Hotels', ['Vellmora']))).toBe(true);
    expect(extensionSeat('company', 10, 10, rec('Vellmora Hotels', ['Vellmora']), taken, never)).toBe(false);
    expect(extensionSeat('company', 10, 10, rec('Quarrindale Group', ['QUARRINDALE']), taken, never)).toBe(false);
    expect(extensionSeat('government_body', 10, 10, rec('Vellmora'), taken, never)).toBe(false);
  });

  it('refuses a record named or aliased by one ordinary word, not one whose longer name holds it', () => {
    expect(extensionSeat('company', 10, 10, rec('Kernel Group', ['Kernel']), taken, ordinary)).toBe(false);
    expect(extensionSeat('company', 10, 10, rec('Harvest'), taken, ordinary)).toBe(false);
    expect(extensionSeat('company', 10, 10, rec('Harvests'), taken, ordinary)).toBe(false);
    expect(extensionSeat('company', 10, 10, rec('Tovnaros'), taken, ordinary)).toBe(true);
    expect(extensionSeat('company', 10, 10, rec('Kernel Group'), taken, ordinary)).toBe(true);
  });

  it('lets a capital acronym another record carries through, not a word', () => {
    const t = new TakenNames();
    t.add(rec('Department of Corrections', ['DOC']));
    expect(extensionSeat('government_body', 10, 10, rec('Department of Conservation', ['DOC']), t, never)).toBe(true);
    expect(extensionSeat('government_body', 10, 10, rec('Department of Conservation', ['Corrections']), new TakenNames(), never)).toBe(true);
    t.add(rec('Corrections Hub'));
    expect(extensionSeat('company', 10, 10, rec('Corrections Hub Ltd', ['Corrections Hub']), t, never)).toBe(false);
  });

  it('gives kinds without extension seats none', () => {
    expect(QUOTA_EXTENSION.media ?? 0).toBe(0);
    expect(extensionSeat('media', 10, 10, rec('The Tovnaro Courier'), taken, never)).toBe(false);
  });
});
