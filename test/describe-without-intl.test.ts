/**
 * A card's line in English without ICU (issue #8): the first Intl object (display names,
 * collator, date or number format) in a fresh worker loads ICU's locale data, on the first article
 * after every worker start. countryName's English table (lib/region-names-en.ts) must give what
 * Intl gives and settle every code Intl would; describeEntity as a whole must touch no Intl
 * constructor and no localeCompare (lib/i18n-english.ts formats its dates and numbers).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countryName, describeEntity } from '../lib/entities/describe';
import { REGION_NAMES_EN } from '../lib/region-names-en';
import { ENTITIES } from './entities-fixture';

/**
 * Names the table (generated in Chromium) words differently from Node's ICU data: Chromium patches
 * its CLDR copy. Anything else differing means the table is stale (regenerate it in Chromium).
 */
const BROWSER_WORDING = new Set(['FK', 'HK', 'MO', 'PS']);

const RealDisplayNames = Intl.DisplayNames;
let built = 0;
function countDisplayNames(): void {
  built = 0;
  (Intl as { DisplayNames: unknown }).DisplayNames = class extends RealDisplayNames {
    constructor(...args: ConstructorParameters<typeof Intl.DisplayNames>) {
      super(...args);
      built++;
    }
  };
}

describe('English region names', () => {
  afterEach(() => void ((Intl as { DisplayNames: unknown }).DisplayNames = RealDisplayNames));

  it('lists exactly the two-letter codes Intl names, with its names', () => {
    const intl = new RealDisplayNames(['en'], { type: 'region' });
    const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const named: string[] = [];
    for (const a of A) for (const b of A) if (intl.of(a + b) !== a + b) named.push(a + b);
    expect(Object.keys(REGION_NAMES_EN).sort()).toEqual(named);
    const differing = named.filter((c) => REGION_NAMES_EN[c] !== intl.of(c));
    expect(differing.filter((c) => !BROWSER_WORDING.has(c))).toEqual([]);
  });

  it('answers English names without building an Intl.DisplayNames, as Intl would', () => {
    countDisplayNames();
    expect(countryName('US')).toBe('United States');
    expect(countryName('gb')).toBe('United Kingdom'); // codes are upper-cased, as Intl's lookup did
    expect(countryName('HK')).toBe('Hong Kong');
    expect(countryName('QQ')).toBe('QQ'); // a well-formed code without a name: Intl gives it back
    expect(countryName('SUHH')).toBe('SUHH'); // historical codes: Intl rejects them, the code stays
    expect(countryName(undefined)).toBeUndefined();
    expect(built).toBe(0);
    // UN M.49 areas (three digits) are not in the table: Intl still answers those.
    expect(countryName('419')).toBe('Latin America');
    expect(built).toBe(1);
  });
});

describe('describeEntity without ICU', () => {
  const names = ['DateTimeFormat', 'NumberFormat', 'DisplayNames', 'ListFormat', 'PluralRules', 'Collator'] as const;
  const real = Object.fromEntries(names.map((n) => [n, Intl[n]]));
  afterEach(() => {
    Object.assign(Intl, real);
    vi.restoreAllMocks();
  });

  it('describes people, places and events of the fixture pack with no Intl object and no localeCompare', () => {
    const built: string[] = [];
    for (const name of names) {
      (Intl as unknown as Record<string, unknown>)[name] = class extends (real[name] as new (...a: unknown[]) => object) {
        constructor(...args: unknown[]) {
          super(...args);
          built.push(name);
        }
      };
    }
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    const lines = ENTITIES.map((e) => describeEntity(e, '2025-06-08'));
    expect(lines.some((l) => /President of the United States since 20 January 2025/.test(l))).toBe(true);
    expect(lines.some((l) => /pop\. 2\.8 million/.test(l))).toBe(true);
    expect(built).toEqual([]);
    expect(compare).not.toHaveBeenCalled();
  });
});
