/**
 * The background's knowledge, built lazily on first need and cached. An MV3 service worker can
 * be stopped at any time, so nothing relies on a build having happened at startup: whoever asks
 * first after a (re)start pays for it, concurrent askers share one build, and a failed build is
 * not cached (the next ask retries). `invalidate()` after packs change.
 */
import type { Pack } from '../dataset/schema';
import type { Knowledge } from '../knowledge';
import { knowledgeFor } from './packs';
import { prepareCoverageIndex } from '../coverage/rank';

/**
 * Names of the performance measures each knowledge load leaves (read by
 * test/bench/browser-startup.bench.ts), both from the load's start: KNOWLEDGE_MEASURE when the
 * knowledge is handed out (linking ready: the default pack's coverage index is thawed on first
 * use, lib/dataset/runtime-pack.ts), COVERAGE_MEASURE when its coverage index is ready too (all
 * ready: thawed one task later, unless an analysis waiting for the knowledge needed it first).
 */
export const KNOWLEDGE_MEASURE = 'backstory:knowledge-ready';
export const COVERAGE_MEASURE = 'backstory:coverage-ready';

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
            // Thaw the coverage index now rather than in the first analysis that needs it (an
            // analysis already waiting runs first and thaws it itself). A failure surfaces
            // where coverage is read.
            setTimeout(() => {
              if (generation !== mine) return;
              try {
                void knowledge.coverage;
                // And what the first coverage query would make (heading-word index, scratch).
                prepareCoverageIndex(knowledge.coverage);
                performance.measure?.(COVERAGE_MEASURE, { start, end: performance.now() });
              } catch {
                /* reported by the analysis that reads it */
              }
            }, 0);
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
