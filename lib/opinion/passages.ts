/**
 * Passage-level opinion flags: one OpinionFlag per prose block of the article (paragraph index =
 * block index), from
 *  - the sentence model (lib/opinion/model.ts), averaged over the block's sentences in logit
 *    space, with quoted speech and attributed statements pulled towards reporting (a reported
 *    opinion — "Trump wrote that it was a good conversation" — is reporting, not the author's view);
 *  - section signals: the block's subheading ("What the author thinks", "Opinion", "Analysis",
 *    "Our view", …) or the same heading run into the paragraph's first words, as text extraction
 *    often glues a subheading to the next paragraph ("What The Author Thinks While Trump's…");
 *  - page signals: input.kind / kindSignals (JSON-LD OpinionNewsArticle, /opinion/ URLs, …) and a
 *    columnist byline.
 * Each signal adds a fixed amount to the paragraph's logit. Reasons are message keys with the
 * page's own words as substitutions (lib/report.ts Reason): each surface words them from
 * public/_locales, so no English is built here.
 */
import type { ArticleInput, BlockInput } from '../article/types';
import { kindReason, type OpinionFlag, type Reason } from '../report';
import { splitSentences } from '../text/sentences';
import { sigmoid } from './features';
import type { CueCategory } from './lexicon';
import { OPINION_THRESHOLD, sentenceDetail, type SentenceDetail, type SentenceWhy } from './model';

/** Logit shifts for page and section signals (hand-set; see the unit tests for their effect). */
export const SIGNAL_WEIGHTS = {
  opinionSection: 3,
  analysisSection: 1.5,
  opinionPage: 1.5,
  analysisPage: 0.75,
  columnist: 0.75,
  /** Multiplier on a quoted sentence's logit excess over the threshold, when positive. */
  quotedDamp: 0.15,
  attributedDamp: 0.4,
};

/**
 * Subheadings that introduce the author's own view. Matched against a block's `section`, and
 * against the first words of a paragraph when written in Title Case (a run-in heading).
 */
const OPINION_HEADINGS = [
  "what (?:the|this|our) (?:author|writer|editor|columnist|editorial board)s?(?:'s?)? thinks?",
  'what (?:i|we) think',
  '(?:our|my|the) (?:view|take|opinion|verdict|perspective|position)',
  'in (?:my|our) (?:view|opinion)',
  'opinion', 'editorial', 'editorials', 'commentary', 'comment', 'op-?ed', 'viewpoint', 'point of view',
  'the bottom line', 'bottom line', 'final thoughts', 'closing thoughts', 'my two cents', 'verdict',
  "editor'?s (?:take|view|comment)", 'author(?:\'s)? (?:take|view|opinion|comment)', 'hot take', 'why (?:i|we) care',
  // Common section names in other languages (page signals still apply to any language).
  'kommentar', 'meinung', 'leitartikel', 'gastbeitrag', 'opinión', 'opinion', 'tribune', 'éditorial', 'chronique', 'editoriale', 'commento', 'opinie', 'column',
];
const ANALYSIS_HEADINGS = ['analysis', 'news analysis', 'the analysis', 'why it matters', 'what it means', 'what this means', 'the big picture', 'explainer'];

const OPINION_SECTION_RE = new RegExp(`^(?:${OPINION_HEADINGS.join('|')})\\s*[:.!?—–-]?$`, 'i');
const ANALYSIS_SECTION_RE = new RegExp(`^(?:${ANALYSIS_HEADINGS.join('|')})\\s*[:.!?—–-]?$`, 'i');
const RUN_IN_RE = new RegExp(`^((?:${[...OPINION_HEADINGS, ...ANALYSIS_HEADINGS].join('|')}))(?:\\s*[:—–-])?\\s+`, 'i');

const COLUMNIST_RE = /\b(?:columnist|column|opinion|editorial board|commentator|contributing writer|guest (?:essay|column|writer)|op-?ed)\b/i;

/** Site furniture that the extractor may leave in: credits, calls to action. Not flagged. */
const BOILERPLATE_RE =
  /^(?:(?:featured |top |lead )?(?:image|photo|picture|video)(?: credit)?s?:|credit:|(?:for more|click|tap|follow us|sign up|subscribe|read more|share this|related:|advertisement\b|copyright|©))/i;

export interface HeadingMatch {
  heading: string;
  kind: 'opinion' | 'analysis';
}

/** A subheading that marks the author's view (or analysis), or null. */
export function headingSignal(section: string | null | undefined): HeadingMatch | null {
  if (!section) return null;
  const s = section.trim().replace(/\s+/g, ' ');
  if (OPINION_SECTION_RE.test(s)) return { heading: s, kind: 'opinion' };
  if (ANALYSIS_SECTION_RE.test(s)) return { heading: s, kind: 'analysis' };
  return null;
}

const isTitleCase = (s: string) =>
  s.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|a|an|in|on|to|for|and|or|it|is|s)$/.test(w)) && /^\p{Lu}/u.test(s);

/** A heading glued to the start of a paragraph ("What The Author Thinks While…"): heading and rest. */
export function runInHeading(text: string): { heading: HeadingMatch; rest: string } | null {
  const m = RUN_IN_RE.exec(text);
  if (!m) return null;
  const head = m[1]!;
  // Only Title Case counts: "Analysis of the figures shows…" is a sentence, not a heading.
  if (!isTitleCase(head)) return null;
  const rest = text.slice(m[0].length);
  // The paragraph proper must start after it with a capital or an opening quote.
  if (!/^[\p{Lu}"“‘']/u.test(rest)) return null;
  const hs = headingSignal(head);
  if (!hs) return null;
  if (head.split(/\s+/).length === 1 && head !== head[0]!.toUpperCase() + head.slice(1).toLowerCase() && head !== head.toUpperCase()) return null;
  return { heading: hs, rest };
}

export function isProse(block: BlockInput): boolean {
  if (block.kind === 'heading' || block.kind === 'preformatted') return false;
  const text = block.text.trim();
  if (BOILERPLATE_RE.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words >= 4;
}

const logit = (p: number) => Math.log(p / (1 - p));
const T = logit(OPINION_THRESHOLD);

interface ScoredSentence { d: SentenceDetail; z: number; note: 'quoted' | 'attributed' | null }

/** Sentence logits with quoted speech and attributed statements pulled towards reporting. */
export function scoreSentences(text: string): ScoredSentence[] {
  return splitSentences(text).map(({ text: s }) => {
    const d = sentenceDetail(s);
    let z = d.z;
    let note: ScoredSentence['note'] = null;
    if (d.quotedShare >= 0.6) {
      if (z > T) z = T + (z - T) * SIGNAL_WEIGHTS.quotedDamp - 0.5;
      note = 'quoted';
    } else if (d.attributed || (d.quotedShare > 0 && d.quotedShare >= 0.3)) {
      if (z > T) z = T + (z - T) * SIGNAL_WEIGHTS.attributedDamp - 0.25;
      note = 'attributed';
    }
    return { d, z, note };
  });
}

/** The heading as the page writes it, without its closing punctuation (the message quotes it). */
function bareHeading(h: string): string {
  return h.replace(/\s*[:.!?—–-]$/, '');
}

/** Message key of each lexicon cue group the sentence model names (eval-pos/neg share one). */
const CUE_REASON: Partial<Record<CueCategory, Reason['key']>> = {
  'first-sg': 'becauseCueFirstPerson',
  'first-pl': 'becauseCueWe',
  second: 'becauseCueYou',
  obligation: 'becauseCueObligation',
  hedge: 'becauseCueHedge',
  booster: 'becauseCueBooster',
  intensifier: 'becauseCueIntensifier',
  'eval-pos': 'becauseCueEvaluative',
  'eval-neg': 'becauseCueEvaluative',
  stance: 'becauseCueStance',
  generalisation: 'becauseCueSweeping',
  superlative: 'becauseCueSuperlative',
};
const STYLE_REASON: Record<string, Reason['key']> = {
  'question:direct': 'becauseRhetoricalQuestion',
  exclaim: 'becauseExclamation',
  'eval:unattributed': 'becauseUnattributedJudgement',
  attr: 'becauseStyleAttributed',
  'attr+quote': 'becauseStyleQuotesSource',
  'quote:all': 'becauseQuotedAll',
  num: 'becauseStyleFigures',
  caps: 'becauseStyleNames',
};

/** The article's words, quoted as a list: 'little hope', 'vague'. */
const quoteWords = (words: string[]) => words.map((w) => `'${w}'`).join(', ');

/** A sentence-model reason (facts) as a Reason, or null for one we have no wording for. */
export function sentenceReason(why: SentenceWhy): Reason | null {
  if (why.kind === 'cue') {
    const key = CUE_REASON[why.cat];
    return key ? { key, subs: [quoteWords(why.phrases)] } : null;
  }
  if (why.kind === 'style') {
    const key = STYLE_REASON[why.name];
    return key ? { key } : null;
  }
  return { key: why.label === 'SUBJ' ? 'becauseWordsOpinion' : 'becauseWordsReporting', subs: [quoteWords(why.words)] };
}

/**
 * Adds a sentence's reason to the paragraph's: once only, and words of the same kind from several
 * sentences go into one line ("evaluative language: 'vague', 'empty ritual'"), at most 4 words.
 */
function addReason(reasons: Reason[], r: Reason | null): void {
  if (!r) return;
  const at = reasons.findIndex((x) => x.key === r.key);
  const same = reasons[at];
  if (!same) {
    reasons.push(r);
    return;
  }
  if (!r.subs?.length || !same.subs?.length) return;
  const words = [...new Set([...same.subs[0]!.split(', '), ...r.subs[0]!.split(', ')])];
  reasons[at] = { key: same.key, subs: [words.slice(0, 4).join(', ')] }; // page reasons are shared: no mutation
}

/** Opinion flags for every prose block of the article. */
export function classifyPassages(input: ArticleInput): OpinionFlag[] {
  // Page-level signals (apply to every prose block).
  const page: { shift: number; reason: Reason }[] = [];
  if (input.kind === 'opinion' || input.kind === 'analysis') {
    // The first signal behind the kind, as the popup's badge words it (kindReason never returns
    // null for these two kinds).
    const reason = kindReason(input.kind, input.kindSignals[0])!;
    page.push({ shift: input.kind === 'opinion' ? SIGNAL_WEIGHTS.opinionPage : SIGNAL_WEIGHTS.analysisPage, reason });
  }
  if (input.byline && COLUMNIST_RE.test(input.byline)) page.push({ shift: SIGNAL_WEIGHTS.columnist, reason: { key: 'becauseByline', subs: [input.byline.trim()] } });

  // The sentence model reads English only; elsewhere only page and section signals count.
  const english = !input.lang || /^en\b/i.test(input.lang);
  const flags: OpinionFlag[] = [];
  // A run-in heading also covers the paragraphs after it in the same section (until a heading).
  let carried: { h: HeadingMatch; section: string | null } | null = null;
  input.blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      carried = null;
      return;
    }
    if (!isProse(block)) return;
    let text = block.text.trim();
    const reasons: Reason[] = [];
    let shift = 0;
    const sec = headingSignal(block.section);
    const runIn = runInHeading(text);
    let heading: HeadingMatch | null = sec;
    if (runIn) {
      heading = runIn.heading;
      text = runIn.rest;
      carried = { h: runIn.heading, section: block.section };
    } else if (carried && block.section === carried.section) {
      heading ??= carried.h;
    } else carried = null;
    if (heading) {
      shift += heading.kind === 'opinion' ? SIGNAL_WEIGHTS.opinionSection : SIGNAL_WEIGHTS.analysisSection;
      reasons.push({ key: 'becauseHeading', subs: [bareHeading(heading.heading)] });
    }
    for (const p of page) {
      shift += p.shift;
      reasons.push(p.reason);
    }
    if (!english) {
      const z = T - 0.5 + shift;
      reasons.push({ key: 'becauseNotEnglish' });
      flags.push({ paragraph: i, label: z >= T ? 'opinion' : 'reporting', score: Number(sigmoid(z).toFixed(3)), reasons: reasons.slice(0, 5) });
      return;
    }
    const sents = scoreSentences(text);
    if (sents.length === 0) return;
    // Length-weighted mean logit: long sentences carry more of the paragraph.
    let num = 0, den = 0;
    for (const s of sents) {
      const w = Math.sqrt(Math.max(3, s.d.tokens.length));
      num += s.z * w;
      den += w;
    }
    let z = num / den;
    if (block.kind === 'quote') z = Math.min(z, T - 0.5); // a blockquote quotes someone else
    z += shift;
    const score = sigmoid(z);
    const label: OpinionFlag['label'] = z >= T ? 'opinion' : 'reporting';
    if (label === 'opinion') {
      const opinionSents = [...sents].sort((a, b) => b.z - a.z).filter((s) => s.z >= T && s.d.label === 'SUBJ');
      // The model's "wording typical of opinion: 'can', 'another'" is its fallback when a sentence
      // has no named cue; beside named cues it only puzzles the reader, so it is kept only alone.
      const named = opinionSents.some((s) => s.d.why.some((w) => w.kind !== 'words'));
      for (const s of opinionSents) {
        for (const why of s.d.why) if (!(named && why.kind === 'words')) addReason(reasons, sentenceReason(why));
        if (reasons.length >= 5) break;
      }
    } else {
      const quoted = sents.filter((s) => s.note === 'quoted').length;
      const attributed = sents.filter((s) => s.note === 'attributed').length;
      if (block.kind === 'quote') reasons.unshift({ key: 'becauseBlockquote' });
      if (quoted) reasons.push({ key: quoted === sents.length ? 'becauseQuotedAll' : 'becauseQuotedSome' });
      if (attributed) reasons.push({ key: 'becauseAttributed' });
      if (!quoted && !attributed) reasons.push({ key: 'becauseFactual' });
    }
    flags.push({ paragraph: i, label, score: Number(score.toFixed(3)), reasons: reasons.slice(0, 5) });
  });
  return flags;
}
