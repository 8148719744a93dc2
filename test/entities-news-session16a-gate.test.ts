/**
 * The cheap gate before longer-names.ts's checks (issues #4/#8, session 16): longerNameCueBefore and
 * longerNameCueAfter read only the characters and shapes next to a match, so that the seven checks
 * run only where one of their words can be. Two properties: the gate turns ordinary neighbours away
 * (else it saves nothing), and it lets through every place where a check would say yes (else links
 * would change): the second is asked of every token of own sentences, the checks themselves judging.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../lib/entities/normalize';
import {
  bodyNounOfBefore, otherCompetitionBefore, hyphenChainBefore, longerNameCueAfter, longerNameCueBefore,
  newspaperNounAfter, productCodeAfter, romanceConnectorBefore, youthCompetitionAfter,
} from '../lib/entities/longer-names';

/** The token index of `word`'s first occurrence in `text`'s tokens. */
function at(text: string, word: string): number {
  const tokens = tokenize(text);
  const k = tokens.findIndex((t) => text.slice(t.start, t.end) === word);
  if (k < 0) throw new Error(`${word} not in ${text}`);
  return k;
}
const before = (text: string, word: string) => longerNameCueBefore(text, tokenize(text), at(text, word));
const after = (text: string, word: string) => longerNameCueAfter(text, tokenize(text), at(text, word) + 1);

describe('longer-name gate: ordinary neighbours are turned away', () => {
  it('no cue before a name after a common word, a name, or at the start', () => {
    expect(before('Officials in Paris said on Monday', 'Paris')).toBe(false);
    expect(before('He flew to Australia last week', 'Australia')).toBe(false);
    expect(before('Google said it would appeal', 'Google')).toBe(false);
    expect(before('said Joe Biden', 'Biden')).toBe(false);
    expect(before('a report that Cessna had filed', 'Cessna')).toBe(false);
  });
  it('no cue after a name before punctuation or a lower-case word', () => {
    expect(after('Officials in Paris said on Monday', 'Paris')).toBe(false);
    expect(after('He flew to Paris, then home', 'Paris')).toBe(false);
    expect(after("Google's results", 'Google')).toBe(false);
    expect(after('the end of Google', 'Google')).toBe(false);
  });
  it('a cue where a longer name can open', () => {
    expect(before('the Tehrik-i-Taliban Pakistan', 'Taliban')).toBe(true);
    expect(before("the Women's World Cup", 'World')).toBe(true);
    expect(before('the T20 World Cup', 'World')).toBe(true);
    expect(before('the Liberal Party of Australia', 'Australia')).toBe(true);
    expect(before('Notre-Dame de Paris', 'Paris')).toBe(true);
    expect(after('a Cessna 152 aircraft', 'Cessna')).toBe(true);
    expect(after('Russia\u2019s Sputnik V vaccine', 'Sputnik')).toBe(true);
    expect(after('The Kansas City Star reported', 'City')).toBe(true);
  });
});

const SENTENCES = [
  'Fighters of the Tehrik-i-Taliban Pakistan and Lashkar-e-Taiba crossed near Stratford-upon-Avon.',
  "Sunday's T20 World Cup final, the FIFA Women's World Cup and the Girls' Championship drew crowds.",
  'The Liberal Party of Australia, the Bank of the Philippines and the Church of England met in Paris.',
  'Tourists left the Notre-Dame de Paris cathedral for the Place de la Concorde and the Universidad de Chile.',
  'A Cessna 152 aircraft and a Boeing 737 landed; Russia\u2019s Sputnik V, Google 10 years ago, Nasdaq 15.2.',
  'The FIFA U-20 World Cup and the UEFA U21 Championship; The Kansas City Star and the Houston Chronicle reported.',
  // Marks and letters beyond ASCII in the neighbouring words (folded away in their norm).
  'The Bank o\u0301f Australia, the Cathédrale dé Paris, the Museo della Città, THE BANK OF AUSTRALIA.',
  'Said the party of Australia; in the state of Texas; de la Rosa; los Angeles; le Monde\u00a0Times, l\u2019Opéra de Lyon.',
];

describe('longer-name gate lets through every place a check says yes', () => {
  for (const text of SENTENCES) {
    it(text.slice(0, 40), () => {
      const tokens = tokenize(text);
      let fired = 0;
      for (let k = 0; k <= tokens.length; k++) {
        const b = hyphenChainBefore(text, tokens, k) || otherCompetitionBefore(text, tokens, k, k + 2) || bodyNounOfBefore(text, tokens, k) || romanceConnectorBefore(text, tokens, k);
        if (b) { fired++; expect(longerNameCueBefore(text, tokens, k), `before token ${k}`).toBe(true); }
        const a = k >= 1 && (productCodeAfter(text, tokens, k) || youthCompetitionAfter(text, tokens, k) || newspaperNounAfter(text, tokens, k));
        if (a) { fired++; expect(longerNameCueAfter(text, tokens, k), `after token ${k}`).toBe(true); }
      }
      expect(fired).toBeGreaterThan(0);
    });
  }
});
