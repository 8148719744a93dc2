/**
 * A town's own record typed as an organisation (issue #4, session 21, municipal-records.ts): its
 * alias holds the municipality's formal title and the record's own name. Own names.
 */
import { describe, expect, it } from 'vitest';
import { municipalTitleOf } from '../lib/dataset/municipal-records';

describe('municipalTitleOf', () => {
  it('reads a formal title before the record\'s own name, in English and the reference\'s other languages', () => {
    expect(municipalTitleOf('Brackley Falls', ['City of Brackley Falls'])).toBe(true);
    expect(municipalTitleOf('San Vito Alto', ['Comune di San Vito Alto'])).toBe(true);
    expect(municipalTitleOf('Oberau', ['Stadt Oberau'])).toBe(true);
    expect(municipalTitleOf('Brackley', ['Town of Brackley'])).toBe(true);
  });
  it('reads "<Name> City" against "City of <Name>"', () => {
    expect(municipalTitleOf('Marlow City', ['City of Marlow'])).toBe(true);
  });
  it('leaves a body named after its town, and names without a title', () => {
    expect(municipalTitleOf('Brackley Water Board', ['City of Brackley Water Board'])).toBe(false);
    expect(municipalTitleOf('Council of Oberau', ['Stadt Oberau'])).toBe(false);
    expect(municipalTitleOf('Brackley Mills', ['Brackley Mills Ltd'])).toBe(false);
    expect(municipalTitleOf('Marlow', ['City of Marlow Heights'])).toBe(false);
  });
});
