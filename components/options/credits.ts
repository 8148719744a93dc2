/**
 * Credits the About section shows besides the packs' own `licenses` blocks: the data behind the
 * opinion model. Only the model's one-line `about` is bundled (Vite keeps just that key).
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

export function modelCredits(about: string = opinionModelAbout): Credit[] {
  const credits: Credit[] = [
    {
      id: 'newssd-eng',
      covers: t('creditNewssdCovers'),
      license: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution:
        'NewsSD-ENG, Antici et al., "A Corpus for Sentence-level Subjectivity Detection on English News Articles", LREC-COLING 2024. The model weights were trained from it; no sentences are included.',
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
