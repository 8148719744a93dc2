/**
 * The background's knowledge, built lazily on first need and cached. An MV3 service worker can
 * be stopped at any time, so nothing relies on a build having happened at startup: whoever asks
 * first after a (re)start pays for it, concurrent askers share one build, and a failed build is
 * not cached (the next ask retries). `invalidate()` after packs change.
 */
import type { Pack } from '../dataset/schema';
import type { Knowledge } from '../knowledge';
import { knowledgeFor } from './packs';

/** Name of the performance measure each knowledge load leaves (read by test/bench/browser-startup.bench.ts). */
export const KNOWLEDGE_MEASURE = 'backstory:knowledge-ready';

export interface LoadedKnowledge {
  knowledge: Knowledge;
  packs: Pack[];
}

export interface KnowledgeSource {
  get(): Promise<LoadedKnowledge>;
  invalidate(): void;
}

export function createKnowledgeSource(
  loadPacks: () => Promise<Pack[]>,
  build: (packs: Pack[]) => Knowledge = knowledgeFor,
): KnowledgeSource {
  let pending: Promise<LoadedKnowledge> | null = null;
  let generation = 0;
  return {
    get() {
      if (!pending) {
        const mine = ++generation;
        const start = performance.now();
        pending = loadPacks()
          .then((packs) => {
            const knowledge = build(packs);
            // User Timing entry for the bench (issue #8): from this load's start to knowledge ready.
            performance.measure?.(KNOWLEDGE_MEASURE, { start, end: performance.now() });
            return { knowledge, packs };
          })
          .catch((err: unknown) => {
            if (generation === mine) pending = null;
            throw err;
          });
      }
      return pending;
    },
    invalidate() {
      generation++;
      pending = null;
    },
  };
}
