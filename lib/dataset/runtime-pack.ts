/**
 * The runtime pack: the default pack together with its knowledge (entity + coverage indexes),
 * precomputed at BUILD time by the project's own code and stored so the background can use it
 * with almost no work at startup (issue #8: default pack loaded in ≤ 50 ms).
 *
 *   encodeRuntimePack(pack)   build time (lib/build/default-pack-plugin.ts): buildKnowledge([pack])
 *                             then freeze both indexes into one binary image
 *   decodeRuntimePack(bytes)  background: typed-array views over the bytes, a few small maps,
 *                             records made only when read, the heading-word index stored; the
 *                             coverage index (its header JSON and columns) thawed on first use,
 *                             so linking is ready without it (issue #8: "linking ready" vs
 *                             "all ready"; the background thaws it right after the load)
 *
 * assets/default-pack.json stays the source of truth: this form is derived from it at every build
 * and never committed. Packs the reader imports are ordinary pack JSON, validated by parsePack.
 */
import { decodeImage, encodeImage, hasMagic, type ImageBytes } from './binary-image';
import { lazyList } from './lazy-records';
import type { CoverageRecord, Pack } from './schema';
import { buildKnowledge, type Knowledge } from '../knowledge';
import { freezeEntityIndex, thawEntityIndex, type FrozenEntityData } from '../entities/frozen-index';
import { freezeCoverageIndex, thawCoverageIndex, type FrozenCoverageData, type ThawedCoverageIndex } from '../coverage/frozen-index';

export const RUNTIME_PACK_MAGIC = 'BSRP';
/** Bump when the image layout changes (a build and its runtime always agree; this guards mix-ups). */
export const RUNTIME_PACK_VERSION = 15; // 2: positional entity records, stored heading index; 3: stored host table; 4: coverage string columns; 5: heading topics by stem (session 6); 6: compact columns, front-coded keys, derived coverage ids (session 7); 7: coverage header in its own section, name keys derived, slot flags in the hit counts (session 8); 8: coverage topic names and posting keys as string lists (session 10); 9: entity dates as numbers, 10: short names as the name's words, 11: role titles in the shared table, 12: GeoNames and Wikipedia URLs as numbers, 13: heading-tree roles, 14: names and aliases as their slot keys spelled, 15: spelled with diacritics and punctuation (session 18)

/**
 * The key the background caches a default pack's inflated image under (lib/background/pack-cache.ts):
 * this layout's version and the image's SHA-256, so a rebuilt pack or a new layout never reads an
 * old entry. Made at build (lib/build/default-pack-plugin.ts) and checked against the cached bytes.
 */
/**
 * Performance measures of the decode's two big steps (read by test/bench/browser-startup.bench.ts
 * to split the worker's load, issue #8): the entity index thawed (inside the pack decode) and the
 * coverage index thawed (on its first read, after linking is ready).
 */
export const ENTITY_THAW_MEASURE = 'backstory:entity-thaw';
export const COVERAGE_THAW_MEASURE = 'backstory:coverage-thaw';

export const runtimeImageKey = (sha256Hex: string): string => `v${RUNTIME_PACK_VERSION}-${sha256Hex}`;

type PackHead = Omit<Pack, 'entities' | 'coverage'>;

interface RuntimeData {
  version: number;
  pack: PackHead;
  entities: FrozenEntityData;
  /** The coverage record count; the rest of the coverage header is section COVERAGE_HEADER. */
  coverageCount: number;
}

/** The coverage index's header (FrozenCoverageData: counts, id prefix, the few irregular records; ~150 B for the default pack) as UTF-8 JSON, parsed when coverage is first used. */
const COVERAGE_HEADER = 'c.header';

export function encodeRuntimePack(pack: Pack): Uint8Array {
  const knowledge = buildKnowledge([pack]);
  const e = freezeEntityIndex(knowledge.entities, 'e');
  const c = freezeCoverageIndex(knowledge.coverage, 'c');
  const { entities: _e, coverage: _c, ...head } = pack;
  const data: RuntimeData = { version: RUNTIME_PACK_VERSION, pack: head, entities: e.data, coverageCount: c.data.count };
  const coverageHeader = new TextEncoder().encode(JSON.stringify(c.data));
  return encodeImage(RUNTIME_PACK_MAGIC, data, { ...e.sections, [COVERAGE_HEADER]: coverageHeader, ...c.sections }, { compact: true });
}

/** The stored coverage header of a runtime form (for tests and tools). */
export function runtimeCoverageHeader(bytes: Uint8Array): FrozenCoverageData {
  return JSON.parse(new TextDecoder().decode(decodeImage(bytes, RUNTIME_PACK_MAGIC).u8(COVERAGE_HEADER))) as FrozenCoverageData;
}

export function isRuntimePack(bytes: Uint8Array): boolean {
  return hasMagic(bytes, RUNTIME_PACK_MAGIC);
}

export interface RuntimePack {
  /** The pack; its entities and coverage arrays parse each record on first read. */
  pack: Pack;
  /**
   * The knowledge buildKnowledge([pack]) gives: entities ready to link; `coverage` thawed on its
   * first read (a getter; a failure to thaw throws there).
   */
  knowledge: Knowledge;
  /** Whether the coverage index has been thawed yet. */
  coverageReady(): boolean;
  /** The pack with every record parsed (one JSON.parse per list), for merging with other packs. */
  materialize(): Pack;
}

/** `bytes`: the image, or its shards in order (decoded in place, lib/dataset/binary-image.ts). */
export function decodeRuntimePack(bytes: ImageBytes): RuntimePack {
  const image = decodeImage<RuntimeData>(bytes, RUNTIME_PACK_MAGIC);
  const data = image.data;
  if (data.version !== RUNTIME_PACK_VERSION) throw new Error(`runtime pack: version ${data.version}, this build reads ${RUNTIME_PACK_VERSION}`);
  const t0 = performance.now();
  const entities = thawEntityIndex(image, data.entities, 'e');
  performance.measure?.(ENTITY_THAW_MEASURE, { start: t0, end: performance.now() });
  const byId = entities.index.byId;
  let thawed: ThawedCoverageIndex | null = null;
  // Same nameOf as buildKnowledge's.
  const coverage = (): ThawedCoverageIndex => {
    if (thawed) return thawed;
    const t1 = performance.now();
    const header = JSON.parse(new TextDecoder().decode(image.u8(COVERAGE_HEADER))) as FrozenCoverageData;
    if (header.count !== data.coverageCount) throw new Error('runtime pack: coverage counts disagree');
    thawed = thawCoverageIndex(image, header, 'c', (id) => byId.get(id)?.name);
    performance.measure?.(COVERAGE_THAW_MEASURE, { start: t1, end: performance.now() });
    return thawed;
  };
  const pack: Pack = {
    ...data.pack,
    entities: entities.index.entities,
    // The pack's own records (no `origin`), read through the index's items when someone asks.
    coverage: lazyList(data.coverageCount, (i): CoverageRecord => {
      const { origin: _origin, ...record } = coverage().index.items[i]!.record;
      return record;
    }).list,
  };
  const knowledge: Knowledge = {
    entities: entities.index,
    get coverage() {
      return coverage().index;
    },
  };
  let whole: Pack | null = null;
  return {
    pack,
    knowledge,
    coverageReady: () => thawed !== null,
    materialize: () => (whole ??= { ...data.pack, entities: entities.materializeAll(), coverage: coverage().materializeRecords() }),
  };
}
