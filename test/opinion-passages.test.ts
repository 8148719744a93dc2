import { describe, expect, it } from 'vitest';
import { classifyPassages, headingSignal, runInHeading } from '../lib/opinion/passages';
import type { ArticleInput, BlockInput } from '../lib/article/types';
import { englishReason } from '../lib/cli/format';
import type { OpinionFlag } from '../lib/report';
import en from '../public/_locales/en/messages.json';

/** A flag's reasons as the CLI words them (from the English catalogue). */
const words = (f: OpinionFlag) => f.reasons.map(englishReason);

// Our own seed-like article: reporting with quotes, then a run-in "What The Author Thinks" section.
const SEED: BlockInput[] = [
  { kind: 'paragraph', section: null, text: 'Prime Minister Elena Varga said on Thursday that she had spoken with Chancellor Tomas Brandt for nearly two hours about the stalled trade agreement and the dispute over fishing quotas.' },
  { kind: 'paragraph', section: null, text: 'According to Varga, Brandt promised to respond to the new tariff proposal within a week. “It was a frank and useful discussion, but not one that settles anything yet,” Varga wrote on her official account. Brandt’s office confirmed that the call took place.' },
  { kind: 'heading', section: null, text: 'Fishing Quotas' },
  { kind: 'paragraph', section: 'Fishing Quotas', text: 'Varga also said the two leaders had discussed the fishing dispute. “I told the chancellor that our coastal towns cannot wait another season,” she said. Brandt reportedly offered to send negotiators to the capital next month.' },
  { kind: 'paragraph', section: 'Fishing Quotas', text: 'During the election campaign, Varga promised to finish the trade talks within a year, but negotiations have moved slowly. Her government has called the latest delay “deeply disappointing.”' },
  { kind: 'paragraph', section: 'Fishing Quotas', text: 'What The Author Thinks While the phone call shows both leaders are still talking, vague promises and open-ended timetables offer little hope of a quick deal. Without firm deadlines, these talks risk becoming an empty ritual that changes nothing for the fishing towns. Both governments should stop posturing and put a serious offer on the table.' },
  { kind: 'paragraph', section: 'Fishing Quotas', text: 'Featured image credit: Wikimedia Commons' },
];

function article(blocks: BlockInput[], extra: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: 'https://news.example.org/world/2025/06/trade-call', title: 'Leaders discuss trade', byline: 'Sam Writer',
    date: '2025-06-05', lang: 'en', siteName: 'Example News', kind: 'news', kindSignals: ['json-ld:NewsArticle'],
    kindReasons: [], signals: [], blocks, ...extra,
  };
}

describe('classifyPassages on a seed-like article', () => {
  const flags = classifyPassages(article(SEED));
  const byPara = new Map(flags.map((f) => [f.paragraph, f]));

  it('gives one flag per prose block, indexed by block', () => {
    expect(flags.map((f) => f.paragraph)).toEqual([0, 1, 3, 4, 5]);
    for (const f of flags) {
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.reasons.length).toBeGreaterThan(0);
    }
  });
  it('flags the run-in "What The Author Thinks" paragraph as opinion, with reader reasons', () => {
    const f = byPara.get(5)!;
    expect(f.label).toBe('opinion');
    expect(f.reasons[0]).toEqual({ key: 'becauseHeading', subs: ['What The Author Thinks'] });
    expect(words(f)[0]).toBe('under the heading “What The Author Thinks”');
    expect(words(f).join(' | ')).toMatch(/evaluative language: '|obligation: '/);
    // Beside named cues, the model's bare "wording typical of opinion" fallback is left out.
    expect(words(f).join(' | ')).not.toMatch(/wording typical/);
  });
  it('keeps every reporting paragraph (quotes and attributed statements included) as reporting', () => {
    for (const i of [0, 1, 3, 4]) expect(byPara.get(i)!.label, SEED[i]!.text).toBe('reporting');
    expect(words(byPara.get(1)!).join(' ')).toMatch(/quoted speech|attributed/);
  });
  it('carries a run-in heading to the next paragraph of the same section', () => {
    const more: BlockInput = { kind: 'paragraph', section: 'Fishing Quotas', text: 'The fleets have heard enough speeches; they need licences they can count on.' };
    const flags2 = classifyPassages(article([...SEED.slice(0, 6), more]));
    const f = flags2.find((x) => x.paragraph === 6)!;
    expect(f.label).toBe('opinion');
    expect(words(f)[0]).toBe('under the heading “What The Author Thinks”');
    // …but not past the next heading.
    const flags3 = classifyPassages(article([...SEED.slice(0, 6), { kind: 'heading', section: null, text: 'Next Steps' }, { ...more, section: 'Next Steps', text: 'Negotiators meet again in Brussels on 12 June, the ministry said.' }]));
    expect(flags3.find((x) => x.paragraph === 7)!.label).toBe('reporting');
  });
  it('skips headings and image credits', () => {
    expect(byPara.has(2)).toBe(false);
    expect(byPara.has(6)).toBe(false);
  });
});

describe('attribution: a reported opinion is reporting', () => {
  const cases = [
    'The president wrote that it was a good conversation and that the two sides were close to agreement.',
    '“This is a disgraceful betrayal of our workers,” the union leader said at a rally on Monday.',
    'According to the minister, the plan is the best chance in a generation to fix the housing market.',
    'Critics said the proposal was reckless and would hurt the poorest families, the newspaper reported.',
  ];
  for (const text of cases) {
    it(text.slice(0, 50), () => {
      const [f] = classifyPassages(article([{ kind: 'paragraph', section: null, text }]));
      expect(f!.label).toBe('reporting');
    });
  }
  it('but the same judgement in the author’s voice is opinion', () => {
    const [f] = classifyPassages(article([{ kind: 'paragraph', section: null, text: 'This is a disgraceful betrayal of workers, and the minister should be ashamed. Nobody can seriously believe the plan will help.' }]));
    expect(f!.label).toBe('opinion');
  });
});

describe('section and page signals', () => {
  it('uses the section heading above the block', () => {
    const text = 'The new stadium will open in August, two years later than planned, after the council approved extra funding of £30 million.';
    const plain = classifyPassages(article([{ kind: 'paragraph', section: null, text }]))[0]!;
    const under = classifyPassages(article([{ kind: 'paragraph', section: 'Our view', text: 'The council has finally made the right call, and it deserves credit for listening.' }]))[0]!;
    expect(plain.label).toBe('reporting');
    expect(under.label).toBe('opinion');
    expect(words(under)[0]).toBe('under the heading “Our view”');
  });
  it('uses the publisher’s page kind, in the reader’s words', () => {
    const text = 'Ministers have spent months promising a plan, and the country is still waiting for anything that resembles one.';
    const f = classifyPassages(article([{ kind: 'paragraph', section: null, text }], {
      kind: 'opinion', kindSignals: ['json-ld:OpinionNewsArticle'], kindReasons: ['Publisher marks this page as opinion'],
    }))[0]!;
    expect(f.label).toBe('opinion');
    expect(words(f)).toContain('the publisher marks this page as opinion');
  });
  it('words the other page signals (section, address, columnist byline) from the catalogue', () => {
    const text = 'Ministers have spent months promising a plan, and the country is still waiting for anything that resembles one.';
    const one = (extra: Partial<ArticleInput>) => words(classifyPassages(article([{ kind: 'paragraph', section: null, text }], extra))[0]!);
    expect(one({ kind: 'opinion', kindSignals: ['meta:article:section=Comment'] })).toContain('filed in the publisher’s “Comment” section');
    expect(one({ kind: 'analysis', kindSignals: ['url:/analysis/'] })).toContain('the address is in the site’s /analysis/ section');
    expect(one({ kind: 'opinion', kindSignals: [] })).toContain('the page is filed as opinion');
    expect(one({ byline: 'Ann Lee, Columnist' })).toContain('byline: Ann Lee, Columnist');
  });
  it('emits only reasons the catalogue has, with every placeholder filled', () => {
    const all = classifyPassages(article([...SEED, { kind: 'quote', section: null, text: 'We will not stop until the last boat is home and the last licence is signed, she said.' }], { kind: 'opinion', kindSignals: ['url:/opinion/'], byline: 'Opinion desk' }));
    for (const f of all) {
      for (const r of f.reasons) expect(Object.keys(en)).toContain(r.key);
      for (const w of words(f)) expect(w).not.toMatch(/\$|because[A-Z]/);
    }
  });
  it('uses only page and section signals on non-English pages', () => {
    const blocks: BlockInput[] = [
      { kind: 'paragraph', section: null, text: 'Der Stadtrat hat am Dienstag den Haushalt mit sieben zu zwei Stimmen beschlossen.' },
      { kind: 'paragraph', section: 'Kommentar', text: 'Das ist eine Schande für die ganze Stadt und ihre Bürger.' },
      { kind: 'paragraph', section: 'Our view', text: 'Das ist eine Schande für die ganze Stadt und ihre Bürger.' },
    ];
    const flags = classifyPassages(article(blocks, { lang: 'de' }));
    expect(flags.map((f) => f.label)).toEqual(['reporting', 'opinion', 'opinion']);
    expect(words(flags[1]!)[0]).toBe('under the heading “Kommentar”');
    expect(words(flags[0]!)).toContain('opinion wording is only analysed in English');
  });
  it('recognises headings', () => {
    expect(headingSignal('What the author thinks')?.kind).toBe('opinion');
    expect(headingSignal('Analysis:')?.kind).toBe('analysis');
    expect(headingSignal('Iran Nuclear Talks')).toBeNull();
    expect(runInHeading('Our View The council got this wrong.')?.rest).toBe('The council got this wrong.');
    expect(runInHeading('Analysis of the figures shows a rise in prices.')).toBeNull();
    expect(runInHeading('Opinion polls show a tight race.')).toBeNull();
  });
});
