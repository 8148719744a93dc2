/**
 * The entity profile of a storyline (topic heading), read against the page's whole entity set:
 * for each heading the chooser scores, how likely the page's entities are among the heading's
 * prior items, summed over the entities UNWEIGHTED (a naive-Bayes log-likelihood: a page naming
 * Zelenskyy + Kharkiv + Russia fits "Russian invasion of Ukraine" through all three at once,
 * even when the candidates' strongest hits sit under another heading), and split by entity type
 * so the chooser learns on train queries how much a shared place, person or organisation says.
 *
 * rerank.ts's entityLL weighs the same counts by each entity's query weight (salience × rarity,
 * shares summing to 1), which makes a page naming five entities look like one naming one, and
 * lets a rare person outvote the place that decides the storyline. The counts come from the
 * entities' posting lists strictly before the page (no pack-time table: a table built over the
 * whole pack would count items after the page, and the eval's pages are inside the pack).
 */
import type { EntityType } from '../dataset/schema';

/** The type groups weighed apart; events go with organisations (few, and named like them). */
export const PROFILE_TYPES = ['person', 'place', 'organization'] as const;

/** Feature names (appended to RERANK_FEATURES in this order). */
export const PROFILE_FEATURES = [
  'nbPerson', // Σ over the page's people of log((prior items under the heading naming them + 0.5) / (its prior items + 1))
  'nbPlace', // the same over its places
  'nbOrg', // the same over its organisations and events
  'nbAll', // the three together (and entities of no known type)
  'namedAll', // share of the page's entities (unweighted) that appear under the heading at all
] as const;

/** Group of an entity type: 0 person, 1 place, 2 organisation or event; -1 unknown. */
export function typeGroup(type: EntityType | string | undefined): number {
  if (type === 'person') return 0;
  if (type === 'place') return 1;
  if (type === 'organization' || type === 'event') return 2;
  return -1;
}

export interface StorylineProfile {
  /** Per type group, per scored heading: Σ log-likelihood of that group's entities. */
  byType: Float64Array[];
  all: Float64Array;
  /** Per scored heading: how many of the page's entities appear under it. */
  named: Float64Array;
  /** The page's entities added. */
  entities: number;
}

export function newProfile(heads: number): StorylineProfile {
  return { byType: PROFILE_TYPES.map(() => new Float64Array(heads)), all: new Float64Array(heads), named: new Float64Array(heads), entities: 0 };
}

/** log((c + 0.5) / (size + 1)): the smoothed share of a heading's prior items naming the entity. */
export function entityLogLikelihood(count: number, size: number): number {
  return Math.log((Math.min(count, size) + 0.5) / (size + 1));
}

/**
 * Adds one of the page's entities: count[h] = its prior items filed under scored heading h,
 * size[h] = heading h's prior items.
 */
export function addEntity(p: StorylineProfile, type: EntityType | string | undefined, count: (h: number) => number, size: Float64Array): void {
  const g = typeGroup(type);
  const byType = g >= 0 ? p.byType[g]! : null;
  p.entities++;
  for (let h = 0; h < size.length; h++) {
    const c = count(h);
    const ll = entityLogLikelihood(c, size[h]!);
    p.all[h] = p.all[h]! + ll;
    if (byType) byType[h] = byType[h]! + ll;
    if (c > 0) p.named[h] = p.named[h]! + 1;
  }
}

/** Writes heading h's PROFILE_FEATURES into out from position at. */
export function profileFeatures(p: StorylineProfile, h: number, out: Float64Array, at: number): void {
  for (let g = 0; g < PROFILE_TYPES.length; g++) out[at + g] = p.byType[g]![h]!;
  out[at + PROFILE_TYPES.length] = p.all[h]!;
  out[at + PROFILE_TYPES.length + 1] = p.entities ? p.named[h]! / p.entities : 0;
}
