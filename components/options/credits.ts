/**
 * Credits the About section shows besides the packs' own `licenses` blocks: the data behind the
 * opinion model (only the model's one-line `about` is bundled: Vite keeps just that key), and the
 * CLDR region names the cards use in English (lib/region-names-en.ts).
 */
import { t } from '../i18n';
import { about as opinionModelAbout } from '../../assets/opinion-model.json';

export interface Credit {
  id: string;
  covers: string;
  license: string;
  url?: string;
  attribution: string;
}

export function bundledCredits(about: string = opinionModelAbout): Credit[] {
  const credits: Credit[] = [
    {
      id: 'newssd-eng',
      covers: t('creditNewssdCovers'),
      license: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution:
        'NewsSD-ENG, Antici et al., "A Corpus for Sentence-level Subjectivity Detection on English News Articles", LREC-COLING 2024. The model weights were trained from it; no sentences are included.',
    },
    {
      id: 'unicode-cldr',
      covers: t('creditCldrCovers'),
      license: 'Unicode License v3',
      url: 'https://www.unicode.org/license.txt',
      attribution: 'Unicode Common Locale Data Repository (CLDR). Copyright © 1991-2025 Unicode, Inc. Distributed under the Unicode License v3 (https://www.unicode.org/license.txt).',
    },
  ];
  if (/glove/i.test(about)) {
    credits.push({
      id: 'glove',
      covers: t('creditGloveCovers'),
      license: 'PDDL',
      url: 'https://opendatacommons.org/licenses/pddl/',
      attribution: 'GloVe: Global Vectors for Word Representation, Pennington, Socher and Manning, Stanford NLP (2014).',
    });
  }
  return credits;
}

export { opinionModelAbout };

/**
 * The distinct licences of a pack, for its one-line summary: a pack's licence entries are often
 * lists themselves ("CC0 1.0 (Wikidata, …) · MIT (…)"), so the line repeated "CC0 1.0" and "MIT"
 * several times. Names only, in first-seen order; who is covered by what is in About.
 */
export function licenceNames(licenses: readonly { license: string }[]): string[] {
  const names = new Set<string>();
  for (const l of licenses) {
    for (const part of l.license.split(/\s+·\s+/)) {
      const name = part.replace(/\s*\(.*$/, '').trim(); // "MIT (OpenSanctions rigour, …)" → "MIT"
      if (name) names.add(name);
    }
  }
  return [...names];
}
