/**
 * The coverage index in a form that loads without work: written at build time from an index that
 * buildCoverageIndex built (so day numbers, topic interning, posting order and idf are its own),
 * read in the background as typed-array views plus a few small maps.
 *
 *   columns     days, entityCounts, topicList: the index's own typed arrays, as is; topicStart
 *               as per-item counts (compresses better), summed at load
 *   postings    byEntity / undatedByEntity as one flat list each (+ per-entity lengths)
 *   idf         the index's values, in its key order (dated keys, then undated-only ones)
 *   items       the records as JSON bytes; an item (record, day, topics, url) is made when read
 *   byId        made on first use from all records (nothing at query time needs it)
 *
 * The loaded index is read-only: addToCoverageIndex refuses it (history is passed per query).
 */
import type { Image, Section } from '../dataset/binary-image';
import { encodeRecords, lazyList, parseAllRecords, parseRecord, recordBytes } from '../dataset/lazy-records';
import { encodeCoverage } from '../dataset/pack';
import type { CoverageRecord } from '../dataset/schema';
import type { CoverageIndex, CoverageItem, CoverageOrigin, IndexedItem } from './index';

const ORIGINS: CoverageOrigin[] = ['timeline', 'pack', 'history'];

export interface FrozenCoverageData {
  count: number;
  maxIdf: number;
  topicNames: string[];
  /** Posting-list keys (entity ids), in the index's Map order. */
  datedKeys: string[];
  undatedKeys: string[];
  /** The idf map's keys, when not simply the dated keys then the undated-only ones. */
  idfKeys?: string[];
  /** [item number, normalised URL] for the items that have one. */
  urls: [number, string][];
}

function postings(map: Map<string, number[]>): { keys: string[]; lengths: Uint32Array; list: Int32Array } {
  const keys = [...map.keys()];
  const lengths = Uint32Array.from(keys, (k) => map.get(k)!.length);
  const list = Int32Array.from(keys.flatMap((k) => map.get(k)!));
  return { keys, lengths, list };
}

function counts(starts: Uint32Array): Uint16Array {
  const out = new Uint16Array(starts.length - 1);
  for (let i = 0; i < out.length; i++) {
    const d = starts[i + 1]! - starts[i]!;
    if (d > 0xffff) throw new Error('freezeCoverageIndex: too many topics on one item');
    out[i] = d;
  }
  return out;
}

export function freezeCoverageIndex(index: CoverageIndex, prefix: string): { data: FrozenCoverageData; sections: Record<string, Section> } {
  if (!(index.byId instanceof Map)) throw new Error('freezeCoverageIndex: expects an index built by buildCoverageIndex');
  const n = index.items.length;
  const dated = postings(index.byEntity), undated = postings(index.undatedByEntity);
  const idfKeys = [...index.idf.keys()];
  const usual = [...dated.keys, ...undated.keys.filter((k) => !index.byEntity.has(k))];
  const records = encodeRecords(index.items.map((it) => encodeCoverage(it.record)));
  const origins = new Uint8Array(n);
  const urls: [number, string][] = [];
  index.items.forEach((it, i) => {
    origins[i] = ORIGINS.indexOf(it.record.origin);
    if (it.url) urls.push([i, it.url]);
  });
  return {
    data: {
      count: n, maxIdf: index.maxIdf, topicNames: index.topicNames, datedKeys: dated.keys, undatedKeys: undated.keys, urls,
      ...(idfKeys.join('\n') === usual.join('\n') ? {} : { idfKeys }),
    },
    sections: {
      [`${prefix}.days`]: index.days,
      [`${prefix}.entityCounts`]: index.entityCounts,
      [`${prefix}.topicCounts`]: counts(index.topicStart),
      [`${prefix}.topicList`]: index.topicList,
      [`${prefix}.datedLengths`]: dated.lengths,
      [`${prefix}.dated`]: dated.list,
      [`${prefix}.undatedLengths`]: undated.lengths,
      [`${prefix}.undated`]: undated.list,
      [`${prefix}.idf`]: Float64Array.from(idfKeys, (k) => index.idf.get(k)!),
      [`${prefix}.origins`]: origins,
      [`${prefix}.json`]: records.json,
      [`${prefix}.jsonLengths`]: records.lengths,
    },
  };
}

function postingMap(keys: string[], lengths: Uint32Array, list: Int32Array): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let i = 0, at = 0; i < keys.length; i++) {
    const end = at + lengths[i]!;
    map.set(keys[i]!, Array.from(list.subarray(at, end)));
    at = end;
  }
  return map;
}

/** Same defaults as a trusted parsePack. */
function withDefaults(c: CoverageRecord): CoverageRecord {
  c.source ??= '';
  c.entities ??= [];
  c.topics ??= [];
  return c;
}

export interface ThawedCoverageIndex {
  index: CoverageIndex;
  /** Every record as the pack had it (without `origin`), parsed in one go. */
  materializeRecords(): CoverageRecord[];
}

export function thawCoverageIndex(image: Image<unknown>, data: FrozenCoverageData, prefix: string, nameOf: (id: string) => string | undefined): ThawedCoverageIndex {
  const n = data.count;
  const days = image.f64(`${prefix}.days`);
  const topicCounts = image.u16(`${prefix}.topicCounts`);
  const topicList = image.i32(`${prefix}.topicList`);
  const origins = image.u8(`${prefix}.origins`);
  const records = recordBytes({ json: image.u8(`${prefix}.json`), lengths: image.u32(`${prefix}.jsonLengths`) });
  if (days.length !== n || topicCounts.length !== n || origins.length !== n || records.starts.length !== n + 1) throw new Error('frozen coverage index: counts disagree');
  const topicStart = new Uint32Array(n + 1);
  for (let i = 0, at = 0; i <= n; i++) {
    topicStart[i] = at;
    if (i < n) at += topicCounts[i]!;
  }
  if (topicStart[n] !== topicList.length) throw new Error('frozen coverage index: topic counts disagree');
  const urls = new Map(data.urls);
  const itemOf = (i: number, record: CoverageRecord): IndexedItem => ({
    record: Object.assign(withDefaults(record), { origin: ORIGINS[origins[i]!]! }) as CoverageItem,
    day: days[i]!,
    topics: Array.from(topicList.subarray(topicStart[i]!, topicStart[i + 1]!)),
    url: urls.get(i) ?? '',
  });
  const items = lazyList<IndexedItem>(n, (i) => itemOf(i, parseRecord<CoverageRecord>(records, i)));
  const byEntity = postingMap(data.datedKeys, image.u32(`${prefix}.datedLengths`), image.i32(`${prefix}.dated`));
  const undatedByEntity = postingMap(data.undatedKeys, image.u32(`${prefix}.undatedLengths`), image.i32(`${prefix}.undated`));
  const idfKeys = data.idfKeys ?? [...data.datedKeys, ...data.undatedKeys.filter((k) => !byEntity.has(k))];
  const idfValues = image.f64(`${prefix}.idf`);
  if (idfKeys.length !== idfValues.length) throw new Error('frozen coverage index: idf counts disagree');
  const idf = new Map<string, number>();
  for (let i = 0; i < idfKeys.length; i++) idf.set(idfKeys[i]!, idfValues[i]!);
  const topicIds = new Map<string, number>();
  for (let i = 0; i < data.topicNames.length; i++) topicIds.set(data.topicNames[i]!, i);
  let idMap: Map<string, number> | null = null;
  const ids = () => (idMap ??= new Map(items.list.map((it, i) => [it.record.id, i])));
  const index: CoverageIndex = {
    items: items.list,
    byId: {
      get: (id) => ids().get(id),
      has: (id) => ids().has(id),
      size: n,
    },
    byEntity,
    undatedByEntity,
    idf,
    maxIdf: data.maxIdf,
    topicIds,
    topicNames: data.topicNames,
    nameOf,
    days,
    entityCounts: image.u16(`${prefix}.entityCounts`),
    topicStart,
    topicList,
    scratch: { score: new Float64Array(n), mark: new Uint32Array(n), epoch: 0 },
  };
  return {
    index,
    materializeRecords() {
      const all = parseAllRecords<CoverageRecord>(records);
      // Items already made keep their record objects; the rest are made from the bulk parse.
      items.fill(all.map((r, i) => itemOf(i, r)));
      return index.items.map(({ record }) => {
        const { origin: _origin, ...plain } = record;
        return plain as CoverageRecord;
      });
    },
  };
}
