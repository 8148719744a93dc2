/**
 * Training-only lexical-class view for the dense part of the opinion model: each of the GloVe
 * vocabulary's words gets indicator features for its out-of-context part of speech as tagged by
 * compromise (MIT, already a dev dependency), so the sentence mean is a density of adjectives,
 * comparatives, superlatives, adverbs, modals, past-tense verbs, present verbs, proper and common
 * nouns. Being a per-word mean (WordView), what the model learns folds into the shipped per-word
 * scores: nothing of compromise ships or runs in the extension.
 * Evaluated by `npm run eval -- opinion-honest --pos` (see train.ts's header for the figures).
 * The tags (≈ 2 ms a word) are cached in .cache/opinion-word-classes.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { loadEmbeddings } from './train';
import type { WordView } from './word-views';

export const WORD_CLASSES = ['Adjective', 'Comparative', 'Superlative', 'Adverb', 'Modal', 'PastTense', 'PresentTense', 'ProperNoun', 'CommonNoun'] as const;

/** compromise's tags of one word seen alone → indicators in WORD_CLASSES order. */
export function classesOf(tags: string[]): number[] {
  const has = (t: string) => tags.includes(t);
  return WORD_CLASSES.map((c) =>
    c === 'CommonNoun' ? (has('Noun') && !has('ProperNoun') && !has('Pronoun') ? 1 : 0)
      : c === 'PresentTense' ? (has('PresentTense') || has('Infinitive') || has('Gerund') ? 1 : 0)
        : has(c) ? 1 : 0);
}

export function wordClassView(root: string, vocabulary = 20000): WordView {
  const cache = path.join(root, '.cache', `opinion-word-classes-${vocabulary}.json`);
  if (!existsSync(cache)) {
    const words = loadEmbeddings(root, vocabulary).words;
    const tags: Record<string, string[]> = {};
    for (const w of words) tags[w] = (nlp(w).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
    writeFileSync(cache, JSON.stringify(tags));
  }
  const tags = JSON.parse(readFileSync(cache, 'utf8')) as Record<string, string[]>;
  const vec = new Map<string, number[]>();
  for (const [w, t] of Object.entries(tags)) {
    const v = classesOf(t);
    if (v.some((x) => x)) vec.set(w, v);
  }
  return { dim: WORD_CLASSES.length, vec };
}
