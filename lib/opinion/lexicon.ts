/**
 * Hand-written cue lists for opinion vs reporting (our own lists, written for this project).
 * Each category becomes one model feature; the model learns how much each is worth, and the
 * categories that fire give the reader-facing reasons. Entries may be phrases of up to three
 * words ("in my view", "little hope"); matching is on lower-cased tokens with ’ folded to '.
 */

export type CueCategory =
  | 'first-sg'
  | 'first-pl'
  | 'second'
  | 'obligation'
  | 'hedge'
  | 'booster'
  | 'intensifier'
  | 'eval-pos'
  | 'eval-neg'
  | 'stance'
  | 'generalisation'
  | 'attribution'
  | 'reporting'
  | 'date'
  | 'contrast'
  | 'negation'
  | 'superlative';

const RAW: Record<CueCategory, string> = {
  'first-sg': "i me my mine myself i'm i've i'd i'll",
  'first-pl': "we us our ours ourselves we're we've we'd we'll let's",
  second: "you your yours yourself yourselves you're you've you'd you'll",
  obligation:
    "should shouldn't must mustn't ought ought to need to needs to have to has to had better demand demands " +
    'it is time time to it is essential it is vital cannot afford must not',
  hedge:
    'perhaps maybe arguably probably possibly seemingly apparently presumably supposedly conceivably ' +
    'likely unlikely seems seem seemed appears to suggest suggests i think i believe i suspect i feel ' +
    'we think we believe in my view in our view in my opinion it seems to some extent somewhat sort of kind of',
  booster:
    'clearly obviously certainly undoubtedly surely of course indeed plainly evidently definitely absolutely ' +
    'in fact truly no doubt without doubt simply frankly undeniably unquestionably manifestly patently ' +
    'really actually the truth is the fact is make no mistake',
  intensifier:
    'very so too extremely utterly totally completely deeply incredibly hugely enormously remarkably terribly ' +
    'awfully highly entirely thoroughly grossly wildly vastly immensely profoundly desperately insanely ' +
    'staggeringly ever more even',
  'eval-pos':
    'good great excellent wonderful brilliant admirable impressive remarkable fine splendid laudable sensible ' +
    'wise courageous brave superb fantastic magnificent masterpiece genius heroic praiseworthy welcome ' +
    'valuable noble decent honest admirably wisely rightly commendable worthy triumph bold ' +
    'refreshing elegant thoughtful compelling persuasive healthy strong strongest',
  'eval-neg':
    'bad terrible awful horrible disastrous disgraceful shameful absurd ridiculous stupid foolish idiotic ' +
    'pathetic appalling outrageous scandalous dishonest corrupt incompetent reckless cynical hypocritical ' +
    'hypocrisy nonsense lies lying insane crazy mad silly naive vague ambiguous symbolic empty hollow ' +
    'failure mess chaos chaotic disaster travesty farce sham pointless useless wrong evil vile despicable ' +
    'cowardly arrogant smug toxic ludicrous laughable preposterous specious dubious misguided deluded ' +
    'delusional tragic miserable dismal grim bleak betrayal shameless contemptible sinister ' +
    'destructive dangerous nightmare fraud feeble weak weakest clumsy inept sloppy lazy bizarre ' +
    'grotesque obscene spineless woke elites propaganda indoctrinated brainwashed ' +
    'little hope no hope fail to fails to failed to risk becoming gestures rhetoric ' +
    'overreach radical extremist extreme hysteria hysterical alarmist so-called euphemism contrived',
  stance:
    'fortunately unfortunately sadly happily ironically tellingly thankfully hopefully regrettably admittedly ' +
    'curiously astonishingly predictably inevitably needless to say alas worse still to be sure mercifully ' +
    'shockingly disturbingly tragically oddly strangely naturally',
  generalisation: 'always never everyone everybody nobody anyone everything nothing all every whatever whoever',
  attribution:
    'said says say told according to wrote writes added stated announced reported claimed claims explained ' +
    'noted argued insisted warned tweeted posted confirmed denied revealed spokesman spokeswoman ' +
    'spokesperson statement interview asked replied testified estimated reckons reckoned described ' +
    'declared acknowledged admitted alleged accused urged called for pledged promised vowed',
  reporting:
    'percent per cent % million billion trillion data figures survey poll study report official officials ' +
    'police court government ministry agency department spokesman minister president prime minister ' +
    'company companies election vote votes voters rose fell increased decreased was held took place ' +
    'according published released announced',
  date:
    'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday yesterday today tomorrow last week last month last year ' +
    'next week next month next year earlier this',
  contrast: 'but however yet although though nevertheless nonetheless instead whereas still even so',
  negation: "not no never nothing none nor n't cannot can't won't don't doesn't didn't isn't aren't wasn't",
  superlative: 'most least best worst greatest biggest largest finest',
};

/** Multi-word entries recognised inside the raw lists (anything else is a single word). */
function splitEntries(raw: string): string[] {
  const words = raw.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let taken = false;
    for (const len of [3, 2]) {
      const phrase = words.slice(i, i + len).join(' ');
      if (PHRASES.has(phrase)) {
        out.push(phrase);
        i += len - 1;
        taken = true;
        break;
      }
    }
    if (!taken) out.push(words[i]!);
  }
  return out;
}

/** All multi-word phrases used above (kept in one place so the lists stay readable). */
const PHRASES = new Set([
  'ought to', 'need to', 'needs to', 'have to', 'has to', 'had better', 'it is time', 'time to', 'it is essential',
  'it is vital', 'cannot afford', 'must not', 'appears to', 'i think', 'i believe', 'i suspect', 'i feel',
  'we think', 'we believe', 'in my view', 'in our view', 'in my opinion', 'it seems', 'to some extent',
  'sort of', 'kind of', 'of course', 'in fact', 'no doubt', 'without doubt', 'the truth is', 'the fact is',
  'make no mistake', 'ever more', 'little hope', 'no hope', 'fail to', 'fails to', 'failed to', 'risk becoming',
  'needless to say', 'worse still', 'to be sure', 'according to', 'called for', 'per cent', 'prime minister',
  'was held', 'took place', 'last week', 'last month', 'last year', 'next week', 'next month', 'next year',
  'earlier this', 'even so',
]);

/** Phrase lists per category: phrase → category (first category wins for shared phrases). */
export const CUES: Map<string, CueCategory[]> = new Map();
export let MAX_CUE_WORDS = 1;
for (const [cat, raw] of Object.entries(RAW) as [CueCategory, string][]) {
  // Multi-word phrases are written with spaces; we tokenise the raw list greedily by known phrases,
  // so list multi-word entries explicitly here.
  for (const entry of splitEntries(raw)) {
    const list = CUES.get(entry) ?? [];
    if (!list.includes(cat)) list.push(cat);
    CUES.set(entry, list);
    MAX_CUE_WORDS = Math.max(MAX_CUE_WORDS, entry.split(' ').length);
  }
}

/** Reader-facing name of each category (used in reasons). */
export const CUE_LABEL: Partial<Record<CueCategory, string>> = {
  'first-sg': 'first-person evaluation',
  'first-pl': 'first-person plural ("we") stance',
  second: 'addresses the reader directly',
  obligation: 'obligation',
  hedge: 'hedging',
  booster: 'emphatic certainty',
  intensifier: 'intensifier',
  'eval-pos': 'evaluative language',
  'eval-neg': 'evaluative language',
  stance: 'stance adverb',
  generalisation: 'sweeping generalisation',
  superlative: 'superlative',
};
