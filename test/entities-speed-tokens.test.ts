/**
 * tokenize() makes the folded string of a plain lower-case ASCII word only when `norm` is read
 * (issue #4, speed), and the matcher dismisses most lower-case words on tokenPairCell (length and
 * first two letters) without it. These check that the deferred form and its shortcuts agree with the
 * folded form itself, and that findMatches finds the same on tokenize()'s tokens as on plain
 * objects carrying the same fields (where every shortcut falls back to reading `norm`).
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { createTable, findMatches, hitEntity, insertAlias } from '../lib/entities/matcher';
import { lowerPairCell, normFirstUnit, Shape, tokenize, tokenPairCell, type Token } from '../lib/entities/normalize';
import { ENTITIES } from './entities-fixture';

const TEXT = [
  'the talks in Kyiv went on; said da Silva, and 2024 was the year of the U.S. and E.U. plan.',
  'iPhone, eBay and McCain; NATO’s chief; Erdoğan, ERDOĞAN and erdoğan; Straße, straße.',
  'Netan\u00adyahu and Pu\u200btin; \u00adsoft start; Łódź, łódź; ünter; São Paulo; Ölçek 123abc.',
  'a b c — x1 y2 z3; mid-1990s; Russia-Ukraine; don’t won\'t; verylongwordindeedthatgoeson.',
].join(' ');

const plain = (t: Token): Token => ({ norm: t.norm, start: t.start, end: t.end, shape: t.shape });

describe('tokenize: deferred folded forms', () => {
  const tokens = tokenize(TEXT);
  it('gives each word its folded form, lower-case ASCII words being their own text', () => {
    const norms = tokens.map((t) => t.norm);
    expect(norms.slice(0, 6)).toEqual(['the', 'talks', 'in', 'kyiv', 'went', 'on']);
    expect(norms).toContain('us');
    expect(norms).toContain('erdogan');
    expect(norms).toContain('strasse');
    expect(norms).toContain('netanyahu');
    expect(norms).toContain('putin');
    expect(norms).toContain('lodz');
    // Lower-case words that are not plain ASCII are folded too.
    const at = (word: string) => tokens.find((t) => TEXT.slice(t.start, t.end) === word)!.norm;
    expect([at('erdoğan'), at('ünter'), at('łódź'), at('straße')]).toEqual(['erdogan', 'unter', 'lodz', 'strasse']);
    for (const t of tokens) {
      if (t.shape === Shape.Lower && /^[a-z0-9]+$/.test(TEXT.slice(t.start, t.end))) expect(t.norm).toBe(TEXT.slice(t.start, t.end));
    }
  });
  it('tokenPairCell and normFirstUnit agree with the folded form, whether or not it was made first', () => {
    const fresh = tokenize(TEXT);
    for (let i = 0; i < fresh.length; i++) {
      const t = fresh[i]!;
      const cell = tokenPairCell(t), first = normFirstUnit(t); // before norm is read
      expect(cell).toBe(lowerPairCell(tokens[i]!.norm));
      expect(first).toBe(tokens[i]!.norm.charCodeAt(0));
      expect(tokenPairCell(t)).toBe(lowerPairCell(t.norm)); // after
      expect(normFirstUnit(t)).toBe(t.norm.charCodeAt(0));
    }
  });
  it('findMatches finds the same on tokenize() tokens as on plain token objects', () => {
    const index = buildEntityIndex(ENTITIES);
    const texts = [TEXT, 'President Trump met Vladimir Putin in the Kremlin; the White House and the UN said the talks in Kyiv were long.'];
    for (const text of texts) {
      const a = findMatches(index.aliases, tokenize(text)).map((m) => [m.from, m.to, [...m.hits]]);
      const b = findMatches(index.aliases, tokenize(text).map(plain)).map((m) => [m.from, m.to, [...m.hits]]);
      expect(a).toEqual(b);
    }
    expect(findMatches(index.aliases, tokenize(texts[1]!)).length).toBeGreaterThan(3);
  });
});

describe('findMatches: the quick no for lower-case words', () => {
  it('lets through a lower-case word that starts an alias, and only the alias', () => {
    const table = createTable();
    insertAlias(table, 'da Silva', 1, false);
    insertAlias(table, 'de Gaulle', 2, false);
    // "dx" shares length and first letter with "da" and "de"; "de" shares them with "da".
    const found = findMatches(table, tokenize('said da Silva and de Gaulle, not dx Silva')).map((m) => [m.from, m.to, hitEntity(m.hits[0]!)]);
    expect(found).toEqual([[1, 3, 1], [4, 6, 2]]);
  });
});
