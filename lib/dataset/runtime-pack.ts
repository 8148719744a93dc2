/**
 * The runtime pack: the default pack together with its knowledge (entity + coverage indexes),
 * precomputed at BUILD time by the project's own code and stored so the background can use it
 * with almost no work at startup (issue #8: default pack loaded in ≤ 50 ms).
 *
 *   encodeRuntimePack(pack)   build time (lib/build/default-pack-plugin.ts): buildKnowledge([pack])
 *                             then freeze both indexes into one binary image
 *   decodeRuntimePack(bytes)  background: typed-array views over the bytes, a few small maps,
 *                             records made only when read, the heading-word index stored
 *
 * assets/default-pack.json stays the source of truth: this form is derived from it at every build
 * and never committed. Packs the reader imports are ordinary pack JSON, validated by parsePack.
 */
import { decodeImage, encodeImage, hasMagic } from './binary-image';
import { lazyList } from './lazy-records';
import type { CoverageRecord, Pack } from './schema';
import { buildKnowledge, type Knowledge } from '../knowledge';
import { freezeEntityIndex, thawEntityIndex, type FrozenEntityData } from '../entities/frozen-index';
import { freezeCoverageIndex, thawCoverageIndex, type FrozenCoverageData } from '../coverage/frozen-index';

export const RUNTIME_PACK_MAGIC = 'BSRP';
/** Bump when the image layout changes (a build and its runtime always agree; this guards mix-ups). */
export const RUNTIME_PACK_VERSION = 6; // 2: positional entity records, stored heading index; 3: stored host table; 4: coverage string columns; 5: heading topics by stem (session 6); 6: compact columns, front-coded keys, derived coverage ids (session 7)

type PackHead = Omit<Pack, 'entities' | 'coverage'>;

interface RuntimeData {
  version: number;
  pack: PackHead;
  entities: FrozenEntityData;
  coverage: FrozenCoverageData;
}

export function encodeRuntimePack(pack: Pack): Uint8Array {
  const knowledge = buildKnowledge([pack]);
  const e = freezeEntityIndex(knowledge.entities, 'e');
  const c = freezeCoverageIndex(knowledge.coverage, 'c');
  const { entities: _e, coverage: _c, ...head } = pack;
  const data: RuntimeData = { version: RUNTIME_PACK_VERSION, pack: head, entities: e.data, coverage: c.data };
  return encodeImage(RUNTIME_PACK_MAGIC, data, { ...e.sections, ...c.sections }, { compact: true });
}

export function isRuntimePack(bytes: Uint8Array): boolean {
  return hasMagic(bytes, RUNTIME_PACK_MAGIC);
}

export interface RuntimePack {
  /** The pack; its entities and coverage arrays parse each record on first read. */
  pack: Pack;
  /** The knowledge buildKnowledge([pack]) gives, ready to use. */
  knowledge: Knowledge;
  /** The pack with every record parsed (one JSON.parse per list), for merging with other packs. */
  materialize(): Pack;
}

export function decodeRuntimePack(bytes: Uint8Array): RuntimePack {
  const image = decodeImage<RuntimeData>(bytes, RUNTIME_PACK_MAGIC);
  const data = image.data;
  if (data.version !== RUNTIME_PACK_VERSION) throw new Error(`runtime pack: version ${data.version}, this build reads ${RUNTIME_PACK_VERSION}`);
  const entities = thawEntityIndex(image, data.entities, 'e');
  const byId = entities.index.byId;
  // Same nameOf as buildKnowledge's.
  const coverage = thawCoverageIndex(image, data.coverage, 'c', (id) => byId.get(id)?.name);
  const pack: Pack = {
    ...data.pack,
    entities: entities.index.entities,
    // The pack's own records (no `origin`), read through the index's items when someone asks.
    coverage: lazyList(data.coverage.count, (i): CoverageRecord => {
      const { origin: _origin, ...record } = coverage.index.items[i]!.record;
      return record;
    }).list,
  };
  let whole: Pack | null = null;
  return {
    pack,
    knowledge: { entities: entities.index, coverage: coverage.index },
    materialize: () => (whole ??= { ...data.pack, entities: entities.materializeAll(), coverage: coverage.materializeRecords() }),
  };
}
