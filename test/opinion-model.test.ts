import { describe, expect, it } from 'vitest';
import { OPINION_THRESHOLD, sentenceOpinion, sentenceDetail } from '../lib/opinion/model';
import { findCues, tokenize } from '../lib/opinion/features';

describe('sentenceOpinion', () => {
  it('labels plain reporting as OBJ', () => {
    for (const s of [
      'The council approved the budget on Tuesday by seven votes to two, a spokesperson said.',
      'Officials expect the bridge to reopen in March after repairs costing £4 million.',
      'The company reported revenue of $3.2 billion for the quarter, up 4 percent from a year earlier.',
    ]) {
      const r = sentenceOpinion(s);
      expect(r.label, s).toBe('OBJ');
      expect(r.score).toBeLessThan(OPINION_THRESHOLD);
    }
  });
  it('labels the author’s judgement as SUBJ, with reader-facing reasons', () => {
    const r = sentenceOpinion('This is a shameful betrayal, and the minister should be ashamed of herself.');
    expect(r.label).toBe('SUBJ');
    expect(r.score).toBeGreaterThanOrEqual(OPINION_THRESHOLD);
    expect(r.reasons.join(' | ')).toMatch(/evaluative language: 'shameful'|obligation: 'should'|evaluative language: 'betrayal'/);
    const v = sentenceOpinion('Empty slogans offer little hope to families who need real help.');
    expect(v.label).toBe('SUBJ');
    expect(v.reasons.some((x) => x.includes("'little hope'"))).toBe(true);
  });
  it('names first-person evaluation', () => {
    const r = sentenceOpinion('I believe this plan is a terrible mistake that we will all regret.');
    expect(r.label).toBe('SUBJ');
    expect(r.reasons.some((x) => x.startsWith('first-person'))).toBe(true);
  });
  it('gives a score in [0, 1] and reasons for every label', () => {
    for (const s of ['', 'Yes.', 'Why would anyone believe that?', '“It is a disgrace,” he said.']) {
      const r = sentenceOpinion(s);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(['SUBJ', 'OBJ']).toContain(r.label);
    }
  });
  it('marks quoted words and attribution', () => {
    const d = sentenceDetail('“It was a good conversation,” the president wrote on social media.');
    expect(d.quotedShare).toBeGreaterThan(0.4);
    expect(d.attributed).toBe(true);
    const cues = findCues(tokenize('According to officials, it is a good deal.'));
    expect(cues.find((c) => c.phrase === 'according to')?.cat).toBe('attribution');
  });
  it('is deterministic', () => {
    const s = 'Surely nobody believes another review will fix this broken system?';
    expect(sentenceOpinion(s)).toEqual(sentenceOpinion(s));
  });
});

describe('fast path', () => {
  it('dotFeatures equals extractFeatures + an explicit dot product', async () => {
    const { extractFeatures, dotFeatures, FeatureSink } = await import('../lib/opinion/features');
    const { modelWeights } = await import('../lib/opinion/model');
    const { cfg, weights } = modelWeights();
    const sink = new FeatureSink(8);
    for (const s of ['“It was a good conversation,” he wrote.', 'Surely this is absurd!', 'Prices rose 3.5% in 2024, officials said.', '']) {
      extractFeatures(s, cfg, sink);
      let z = 0;
      for (let k = 0; k < sink.n; k++) z += weights[sink.idx[k]!]! * sink.val[k]!;
      expect(dotFeatures(s, cfg, weights).z).toBeCloseTo(z, 5);
    }
  });
});

describe('tokeniser scanner', () => {
  it('agrees with the reference regex on tricky and random text', async () => {
    const fc = await import('fast-check');
    const { regexSpans, scanToken } = await import('../lib/opinion/features');
    const spans = (s: string) => {
      const out: [number, number][] = [];
      let p = 0, sp: [number, number] | null;
      while ((sp = scanToken(s, p))) { out.push(sp); p = sp[1]; }
      return out;
    };
    for (const s of ['It’s 3.5% of £2,000 — “really”?', "don't rock'n'roll 1,2,3. naïve Zoë café ½ 𝒜bc (x) [y]", 'ʼ’’ ’a a’ 10%%', '']) expect(spans(s)).toEqual(regexSpans(s));
    const alphabet = fc.constantFrom(...'aZé̈ 09.,%\'’“”"‘?!;:—–()[]$£€½ 𝒜-_\n'.split(''), '𝒜');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => {
      expect(spans(s)).toEqual(regexSpans(s));
    }), { numRuns: 500, seed: 42 });
  });
});
