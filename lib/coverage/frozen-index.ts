/**
 * The coverage index in a form that loads without work: written at build time from an index that
 * buildCoverageIndex built (so day numbers, topic interning, posting order and idf are its own),
 * read in the background as typed-array views plus a few small maps.
 *
 *   columns     entityCounts, topicList: the index's own typed arrays, as is; days as int32
 *               (whole day numbers; NaN = undated stored as UNDATED), widened to float64 at
 *               load; topicStart as per-item counts (compresses better), summed at load
 *   postings    byEntity / undatedByEntity as one flat list each (+ per-entity lengths), each
 *               entity's item numbers as differences from the previous one (ascending lists:
 *               small numbers, a third of the gzipped bytes of the plain numbers)
 *   keys        topic names and the posting lists' keys (entity ids) as string lists (sections,
 *               not header JSON: parsing 412 KB of JSON and filling three Maps of ~8k, 5k and 5k
 *               strings was most of the coverage thaw, issue #8); topicNames a lazy list over
 *               them, topicIds / byEntity / idf lazy maps (a posting list decoded when its
 *               entity is looked up); the posting keys with their order by value (SortedKeys:
 *               a binary search, no hash table made on the page's first query, #8), topicIds
 *               a hash table made on the first lookup
 *   idf         the index's values, in its key order (dated keys, then undated-only ones)
 *   records     rebuilt from columns when an item is read: ids (below), dates (a
 *               StringList of the distinct dates and each item's number in it), an outlet table
 *               and an entity-id table (StringLists), per-item outlet and entity references;
 *               topics from the index's own topic list (the few records whose topics differ from
 *               it, and any other fields, are kept as they are in the header). Columns instead of
 *               record JSON: the package zip is ~400 KB smaller. String lists, not JSON arrays:
 *               the first record read decodes its own strings only, where JSON arrays of all
 *               27k ids (596 KB) and dates (352 KB) were parsed whole (issue #8).
 *   ids         derived, not stored, where they follow the timeline's pattern
 *               `<idPrefix><record date>-<serial, 3+ digits>` (every record of the default pack:
 *               515 KB of the image raw, 67 KB gzipped): a serial column (0 = not derived), and
 *               the other ids as they are in the header (oddIds)
 *   byId        a FrozenStrings over the ids, made on first use (nothing at query time needs it)
 *   headings    the heading-word index (lib/coverage/headings.ts) as headingIndexOf computed it
 *               at build time: stems (a StringList, in its Map order), each stem's topics and
 *               idf, each topic's idf mass and dated items; handed to headingIndexOf's cache
 *               (seedHeadingIndex), so no topic name is stemmed in the background (that was
 *               ~60 ms of the first analysis, issue #8); on the first query, byStem and idf are
 *               made as lazy maps over the stems, items as a lazy list (thawHeadings)
 *   tree roles  each topic's roles in the heading hierarchy by name (lib/coverage/heading-tree.ts:
 *               names another / is named by another), two bits a topic, so the first query makes
 *               name keys only for the scored headings that have one (issue #8)
 *   items       made on first read; an item's record (the costly part: it parses the id, date,
 *               outlet and entity tables on the first one) only when `record` itself is read,
 *               so ranking code that looks at day/url/topics does not build records
 *
 * The loaded index is read-only: addToCoverageIndex refuses it (history is passed per query).
 */
import type { Image, Section } from '../dataset/binary-image';
import { DeferredStrings, FrozenStrings, StringList } from '../dataset/frozen-strings';
import { LazyMap, lazyList } from '../dataset/lazy-records';
import type { CoverageRecord } from '../dataset/schema';
import type { CoverageIndex, CoverageItem, CoverageOrigin, IndexedItem } from './index';
import { headingIndexOf, seedHeadingIndex, type HeadingIndex } from './headings';
import { packedHeadingRoles, seedHeadingRoles } from './heading-tree';
import { SortedKeys, keyOrder } from './sorted-keys';

const ORIGINS: CoverageOrigin[] = ['timeline', 'pack', 'history'];

export interface FrozenCoverageData {
  count: number;
  maxIdf: number;
  /**
   * The posting keys' order by value is stored (sections datedKeyOrder, undatedKeyOrder): they
   * are looked up by binary search (SortedKeys), with no hash table made on the first query.
   * Absent in images written before it: their keys are hashed on first lookup, as then.
   */
  sortedKeys?: boolean;
  /** The idf map's keys, when not simply the dated keys then the undated-only ones. */
  idfKeys?: string[];
  /**
   * The records' entity-id table is the dated posting keys themselves (first-seen order, as buildCoverageIndex
   * keys its postings: true whenever every item is dated), so it is not stored twice (~23 KB of
   * the zip).
   */
  entityIdsAreDatedKeys?: boolean;
  /** [item number, normalised URL] for the items that have one. */
  urls: [number, string][];
  /** [item number, topics] for records whose topics are not their interned topics in order. */
  topics: [number, string[]][];
  /** [item number, fields] for records with fields beyond id, date, source, entities, topics. */
  rest: [number, Record<string, unknown>][];
  /** The prefix of derived ids (see idSerials). */
  idPrefix: string;
  /** [item number, id] for the ids not derived from prefix, date and serial. */
  oddIds: [number, string][];
}

/** The timeline's id pattern: prefix, the record's date, a serial of at least 3 digits. */
const ID_PATTERN = /^(.*?)(\d{4}-\d{2}-\d{2})-(\d{3,5})$/;

/** The id an item's prefix, date and serial make (serial > 0). */
function derivedId(prefix: string, date: string, serial: number): string {
  return `${prefix}${date}-${serial < 100 ? String(serial).padStart(3, '0') : serial}`;
}

/**
 * Serial numbers for the ids that are `<prefix><date>-<serial>` with the record's own date and
 * the most common prefix (0 elsewhere), and the others as they are.
 */
function idColumns(recs: readonly { id: string; date?: string | null }[]): { idPrefix: string; serials: Uint16Array; oddIds: [number, string][] } {
  const prefixes = new Map<string, number>();
  for (const r of recs) {
    const m = ID_PATTERN.exec(r.id);
    if (m) prefixes.set(m[1]!, (prefixes.get(m[1]!) ?? 0) + 1);
  }
  const idPrefix = [...prefixes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const serials = new Uint16Array(recs.length);
  const oddIds: [number, string][] = [];
  recs.forEach((r, i) => {
    const m = ID_PATTERN.exec(r.id);
    const serial = m ? Number(m[3]) : 0;
    if (m && m[1] === idPrefix && typeof r.date === 'string' && m[2] === r.date && serial > 0 && serial <= 0xffff && derivedId(idPrefix, m[2], serial) === r.id) serials[i] = serial;
    else oddIds.push([i, r.id]);
  });
  return { idPrefix, serials, oddIds };
}

/** int32 stand-in for an undated item's day (NaN). */
const UNDATED = -0x80000000;

function daysColumn(days: Float64Array): Int32Array {
  return Int32Array.from(days, (d) => {
    if (Number.isNaN(d)) return UNDATED;
    if (!Number.isInteger(d) || d <= UNDATED || d > 0x7fffffff) throw new Error(`freezeCoverageIndex: day ${d} is not a whole day number`);
    return d;
  });
}

const COLUMN_FIELDS = new Set(['id', 'date', 'source', 'entities', 'topics', 'origin']);
/** A date reference for an undated record (date null or absent). */
const NO_DATE = 0xffffffff;

/** A string list stored as sections `${name}Bytes` / `${name}Lengths`. */
function listSections(name: string, strings: readonly string[]): Record<string, Section> {
  const parts = StringList.encode(strings);
  return { [`${name}Bytes`]: parts.bytes, [`${name}Lengths`]: parts.lengths };
}

function intern(values: string[]): { table: string[]; refs: Uint32Array } {
  const ids = new Map<string, number>();
  const refs = new Uint32Array(values.length);
  values.forEach((v, i) => {
    let n = ids.get(v);
    if (n === undefined) ids.set(v, (n = ids.size));
    refs[i] = n;
  });
  return { table: [...ids.keys()], refs };
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

/** Lists of numbers as per-list lengths + one flat column. */
function flatLists(lists: readonly (readonly number[])[]): { lengths: Uint32Array; flat: Int32Array } {
  const lengths = Uint32Array.from(lists, (l) => l.length);
  const flat = new Int32Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const l of lists) for (const v of l) flat[at++] = v;
  return { lengths, flat };
}

/**
 * Each topic's heading stems (stem numbers, ascending) from the stems' topic lists: the order
 * in which the load re-sums each topic's idf mass (8 bytes of float per topic did not compress).
 * Stored are the stems' topic lists themselves (ascending, as deltas): the load then needs no
 * inversion, one pass gives every mass and a stem's list is decoded when the stem is looked up.
 */
function stemsOfTopics(topicLists: readonly (readonly number[])[], topicCount: number): number[][] {
  const out: number[][] = Array.from({ length: topicCount }, () => []);
  topicLists.forEach((topics, s) => { for (const t of topics) out[t]!.push(s); });
  return out;
}

/** Σ idf of each topic's stems, in the order given (the load repeats exactly this sum). */
function massOf(stemsOf: readonly (readonly number[])[], idf: Float64Array): Float64Array {
  const mass = new Float64Array(stemsOf.length);
  for (let t = 0; t < stemsOf.length; t++) for (const s of stemsOf[t]!) mass[t] = mass[t]! + idf[s]!;
  return mass;
}

/** Lists of ascending-ish numbers as differences from the previous one (small numbers compress). */
function deltas(flat: Int32Array, lengths: Uint32Array): Int32Array {
  const out = new Int32Array(flat.length);
  for (let i = 0, at = 0; i < lengths.length; i++) {
    for (let k = 0, prev = 0; k < lengths[i]!; k++, at++) {
      out[at] = flat[at]! - prev;
      prev = flat[at]!;
    }
  }
  return out;
}

/** headingIndexOf's result for this index, as sections. */
function freezeHeadings(index: CoverageIndex, prefix: string): Record<string, Section> {
  const hx = headingIndexOf(index);
  const stems = [...hx.byStem.keys()];
  if (stems.join('\n') !== [...hx.idf.keys()].join('\n')) throw new Error('freezeCoverageIndex: heading idf keys differ from its stems');
  const strings = StringList.encode(stems);
  const idf = Float64Array.from(stems, (s) => hx.idf.get(s)!);
  const topicLists = stems.map((s) => hx.byStem.get(s)!);
  const stemTopics = flatLists(topicLists);
  // Where summing in stem order gives another last bit than headingIndexOf's own order: kept.
  // (The load sums stem after stem over these lists: per topic, the same ascending stem order.)
  const resummed = massOf(stemsOfTopics(topicLists, hx.mass.length), idf);
  const fix = [...hx.mass.keys()].filter((t) => !Object.is(resummed[t], hx.mass[t]));
  const items = flatLists(hx.items);
  return {
    [`${prefix}.hStemBytes`]: strings.bytes,
    [`${prefix}.hStemLengths`]: strings.lengths,
    [`${prefix}.hIdf`]: idf,
    [`${prefix}.hStemTopicCounts`]: stemTopics.lengths,
    [`${prefix}.hStemTopicDeltas`]: deltas(stemTopics.flat, stemTopics.lengths),
    [`${prefix}.hMassFixTopics`]: Int32Array.from(fix),
    [`${prefix}.hMassFixValues`]: Float64Array.from(fix, (t) => hx.mass[t]!),
    [`${prefix}.hItemCounts`]: items.lengths,
    [`${prefix}.hItemDeltas`]: deltas(items.flat, items.lengths),
    [`${prefix}.hTreeRoles`]: packedHeadingRoles(index),
  };
}

/**
 * Prefix sums of per-list counts: list i is [starts[i], starts[i + 1]). One module-level function
 * for every such column (not a loop in each thaw's own closure): the records' entity starts,
 * summed in a per-thaw closure on the first record read, ran unoptimised there each time (~1.5 ms
 * of the first coverage query at 27k items, #8).
 */
function startsOf(counts: Uint16Array | Uint32Array): Uint32Array {
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0, at = 0; i < counts.length; i++) starts[i + 1] = at += counts[i]!;
  return starts;
}

/**
 * One ascending list from its stored differences: deltas[start .. start + length) summed. A
 * module-level function for every such list (posting lists, a stem's topics, a heading's items),
 * not a loop in each thaw's own closure: closures made by a new thaw ran their first lists
 * unoptimised (the own-seed page's 15 posting lists: ~1.6 ms of its first query on freshly
 * decoded knowledge, #8).
 */
function ascendingList(deltas: Int32Array, start: number, length: number): number[] {
  const list: number[] = new Array(length);
  for (let k = 0, at = start, v = 0; k < length; k++) list[k] = v += deltas[at++]!;
  return list;
}

/**
 * The stored heading index in headingIndexOf's shape, made on first use of any field, and even
 * then only in part: a page looks up a few dozen stems and reads the items of a few hundred
 * topics, so byStem and idf are LazyMaps over the stems (a hash table, no Map of ~20k entries and
 * no stem strings made), items a lazy list, and only mass (a sum over typed arrays) is whole.
 */
function thawHeadings(image: Image<unknown>, prefix: string, topicCount: number): HeadingIndex {
  let made: HeadingIndex | null = null;
  const make = (): HeadingIndex => {
    if (made) return made;
    const stems = new FrozenStrings({ bytes: image.u8(`${prefix}.hStemBytes`), lengths: image.u16(`${prefix}.hStemLengths`) });
    const idfValues = image.f64(`${prefix}.hIdf`);
    const topicCounts = image.u32(`${prefix}.hStemTopicCounts`), topicDeltas = image.i32(`${prefix}.hStemTopicDeltas`);
    const itemCounts = image.u32(`${prefix}.hItemCounts`), itemDeltas = image.i32(`${prefix}.hItemDeltas`);
    const S = stems.size;
    const topicStart = startsOf(topicCounts), itemStart = startsOf(itemCounts);
    if (idfValues.length !== S || topicCounts.length !== S || itemCounts.length !== topicCount || topicStart[S] !== topicDeltas.length || itemStart[topicCount] !== itemDeltas.length) {
      throw new Error('frozen heading index: counts disagree');
    }
    // Σ idf of each topic's stems, stem after stem: per topic the ascending stem order the
    // build's check summed in. One pass over the stems' topic lists (stored as ascending deltas).
    const mass = new Float64Array(topicCount);
    for (let st = 0; st < S; st++) {
      const w = idfValues[st]!;
      for (let k = topicStart[st]!, end = topicStart[st + 1]!, t = 0; k < end; k++) {
        t += topicDeltas[k]!;
        if (t < 0 || t >= topicCount) throw new Error('frozen heading index: a topic number out of range');
        mass[t] = mass[t]! + w;
      }
    }
    const fixTopics = image.i32(`${prefix}.hMassFixTopics`), fixValues = image.f64(`${prefix}.hMassFixValues`);
    for (let k = 0; k < fixTopics.length; k++) mass[fixTopics[k]!] = fixValues[k]!;
    const byStem = new LazyMap<number[]>(stems, (st) => ascendingList(topicDeltas, topicStart[st]!, topicCounts[st]!));
    const idf = new LazyMap<number>(stems, (st) => idfValues[st]!);
    const items = lazyList<number[]>(topicCount, (t) => ascendingList(itemDeltas, itemStart[t]!, itemCounts[t]!)).list;
    return (made = { byStem, idf, mass, items });
  };
  return {
    get byStem() { return make().byStem; },
    get idf() { return make().idf; },
    get mass() { return make().mass; },
    get items() { return make().items; },
  };
}

export function freezeCoverageIndex(index: CoverageIndex, prefix: string): { data: FrozenCoverageData; sections: Record<string, Section> } {
  if (!(index.byId instanceof Map)) throw new Error('freezeCoverageIndex: expects an index built by buildCoverageIndex');
  const n = index.items.length;
  const dated = postings(index.byEntity), undated = postings(index.undatedByEntity);
  const idfKeys = [...index.idf.keys()];
  const usual = [...dated.keys, ...undated.keys.filter((k) => !index.byEntity.has(k))];
  const recs = index.items.map((it) => it.record);
  const sources = intern(recs.map((r) => r.source ?? ''));
  const recDates = recs.map((r) => r.date ?? null);
  const dates = intern(recDates.filter((d): d is string => d !== null));
  const dateRefs = new Uint32Array(n);
  for (let i = 0, k = 0; i < n; i++) dateRefs[i] = recDates[i] === null ? NO_DATE : dates.refs[k++]!;
  const entityLists = recs.map((r) => r.entities ?? []);
  const entities = intern(entityLists.flat());
  const entityRefCounts = Uint16Array.from(entityLists, (l) => {
    if (l.length > 0xffff) throw new Error('freezeCoverageIndex: too many entities on one item');
    return l.length;
  });
  const topics: [number, string[]][] = [];
  const rest: [number, Record<string, unknown>][] = [];
  const origins = new Uint8Array(n);
  const urls: [number, string][] = [];
  index.items.forEach((it, i) => {
    origins[i] = ORIGINS.indexOf(it.record.origin);
    if (it.url) urls.push([i, it.url]);
    const own = it.record.topics ?? [];
    if (own.length !== it.topics.length || own.some((t, k) => index.topicNames[it.topics[k]!] !== t)) topics.push([i, own]);
    const extra = Object.entries(it.record).filter(([k, v]) => !COLUMN_FIELDS.has(k) && v !== undefined);
    if (extra.length) rest.push([i, Object.fromEntries(extra)]);
  });
  const entityIdsAreDatedKeys = entities.table.length === dated.keys.length && entities.table.every((id, k) => id === dated.keys[k]);
  const { idPrefix, serials, oddIds } = idColumns(recs);
  return {
    data: {
      count: n, maxIdf: index.maxIdf, urls, topics, rest, idPrefix, oddIds, sortedKeys: true,
      ...(idfKeys.join('\n') === usual.join('\n') ? {} : { idfKeys }),
      ...(entityIdsAreDatedKeys ? { entityIdsAreDatedKeys } : {}),
    },
    sections: {
      ...listSections(`${prefix}.topicName`, index.topicNames),
      ...listSections(`${prefix}.datedKey`, dated.keys),
      ...listSections(`${prefix}.undatedKey`, undated.keys),
      [`${prefix}.datedKeyOrder`]: keyOrder(dated.keys),
      [`${prefix}.undatedKeyOrder`]: keyOrder(undated.keys),
      [`${prefix}.days`]: daysColumn(index.days),
      [`${prefix}.entityCounts`]: index.entityCounts,
      [`${prefix}.topicCounts`]: counts(index.topicStart),
      [`${prefix}.topicList`]: index.topicList,
      [`${prefix}.datedLengths`]: dated.lengths,
      [`${prefix}.datedDeltas`]: deltas(dated.list, dated.lengths),
      [`${prefix}.undatedLengths`]: undated.lengths,
      [`${prefix}.undatedDeltas`]: deltas(undated.list, undated.lengths),
      [`${prefix}.idf`]: Float64Array.from(idfKeys, (k) => index.idf.get(k)!),
      [`${prefix}.origins`]: origins,
      [`${prefix}.idSerials`]: serials,
      ...listSections(`${prefix}.date`, dates.table),
      [`${prefix}.dateRefs`]: dateRefs,
      ...listSections(`${prefix}.source`, sources.table),
      [`${prefix}.sourceRefs`]: sources.refs,
      ...(entityIdsAreDatedKeys ? {} : listSections(`${prefix}.entityId`, entities.table)),
      [`${prefix}.entityRefs`]: entities.refs,
      [`${prefix}.entityRefCounts`]: entityRefCounts,
      ...freezeHeadings(index, prefix),
    },
  };
}

/** Posting lists by entity id: a lazy map over the keys, each list decoded when its key is looked up. */
function postingMap(keys: DeferredStrings | SortedKeys, lengths: Uint32Array, flat: Int32Array): Map<string, number[]> {
  if (lengths.length !== keys.size) throw new Error('frozen coverage index: posting counts disagree');
  const starts = startsOf(lengths);
  if (starts[lengths.length] !== flat.length) throw new Error('frozen coverage index: list lengths disagree');
  return new LazyMap<number[]>(keys, (i) => ascendingList(flat, starts[i]!, lengths[i]!));
}

export interface ThawedCoverageIndex {
  index: CoverageIndex;
  /** Every record as the pack had it (without `origin`). */
  materializeRecords(): CoverageRecord[];
}

export function thawCoverageIndex(image: Image<unknown>, data: FrozenCoverageData, prefix: string, nameOf: (id: string) => string | undefined): ThawedCoverageIndex {
  const n = data.count;
  const dayColumn = image.i32(`${prefix}.days`);
  const days = new Float64Array(dayColumn.length); // a plain loop: Float64Array.from with a map function is several times slower
  for (let i = 0; i < days.length; i++) days[i] = dayColumn[i] === UNDATED ? NaN : dayColumn[i]!;
  const topicCounts = image.u16(`${prefix}.topicCounts`);
  const topicList = image.i32(`${prefix}.topicList`);
  const origins = image.u8(`${prefix}.origins`);
  const sourceRefs = image.u32(`${prefix}.sourceRefs`);
  const entityRefs = image.u32(`${prefix}.entityRefs`);
  const entityRefCounts = image.u16(`${prefix}.entityRefCounts`);
  if (days.length !== n || topicCounts.length !== n || origins.length !== n || sourceRefs.length !== n || entityRefCounts.length !== n) throw new Error('frozen coverage index: counts disagree');
  const topicStart = startsOf(topicCounts);
  if (topicStart[n] !== topicList.length) throw new Error('frozen coverage index: topic counts disagree');
  const urls = new Map(data.urls);
  const ownTopics = new Map(data.topics);
  const rest = new Map(data.rest);
  // Views now (so a missing section fails the load), tables on first use.
  const parts = (name: string) => ({ bytes: image.u8(`${prefix}.${name}Bytes`), lengths: image.u16(`${prefix}.${name}Lengths`) });
  const dateParts = parts('date'), sourceParts = parts('source');
  const idSerials = image.u16(`${prefix}.idSerials`);
  const oddIds = new Map(data.oddIds);
  const entityIdParts = data.entityIdsAreDatedKeys ? null : parts('entityId');
  const dateRefs = image.u32(`${prefix}.dateRefs`);
  if (idSerials.length !== n || dateRefs.length !== n) throw new Error('frozen coverage index: counts disagree');
  let idTable: FrozenStrings | null = null, dateList: StringList | null = null, sourceList: StringList | null = null;
  let entityIdList: { keyAt(i: number): string } | null = null;
  const dates = () => (dateList ??= new StringList(dateParts));
  const idAt = (i: number): string => {
    const serial = idSerials[i]!;
    if (serial === 0 || dateRefs[i] === NO_DATE) {
      const id = oddIds.get(i);
      if (id === undefined) throw new Error(`frozen coverage index: item ${i} has no id`);
      return id;
    }
    return derivedId(data.idPrefix, dates().keyAt(dateRefs[i]!), serial);
  };
  const ids = () => (idTable ??= FrozenStrings.build(Array.from({ length: n }, (_, i) => idAt(i))));
  const sources = () => (sourceList ??= new StringList(sourceParts));
  const keyList = (name: string) => new DeferredStrings(parts(name));
  const postingKeys = (name: string) => (data.sortedKeys ? new SortedKeys(parts(name), image.u32(`${prefix}.${name}Order`)) : keyList(name));
  const topicNameList = keyList('topicName'), datedKeys = postingKeys('datedKey'), undatedKeys = postingKeys('undatedKey');
  const topicCount = topicNameList.size;
  const topicNames = lazyList<string>(topicCount, (t) => topicNameList.keyAt(t)).list;
  const entityIds = () => (entityIdList ??= entityIdParts ? new StringList(entityIdParts) : datedKeys);
  let refStart: Uint32Array | null = null;
  const refStarts = (): Uint32Array => {
    if (refStart) return refStart;
    const starts = startsOf(entityRefCounts);
    if (starts[n] !== entityRefs.length) throw new Error('frozen coverage index: entity counts disagree');
    return (refStart = starts);
  };
  const recordOf = (i: number): CoverageRecord => {
    const rs = refStarts(), names = entityIds();
    const entities: string[] = new Array(rs[i + 1]! - rs[i]!);
    for (let k = 0; k < entities.length; k++) entities[k] = names.keyAt(entityRefs[rs[i]! + k]!);
    const record: CoverageRecord = {
      id: idAt(i),
      date: dateRefs[i] === NO_DATE ? null : dates().keyAt(dateRefs[i]!),
      source: sources().keyAt(sourceRefs[i]!),
      entities,
      topics: ownTopics.get(i)?.slice() ?? Array.from(topicList.subarray(topicStart[i]!, topicStart[i + 1]!), (t) => topicNames[t]!),
    };
    const more = rest.get(i);
    return more ? Object.assign(record, structuredClone(more)) : record;
  };
  const itemOf = (i: number): IndexedItem => {
    let record: IndexedItem['record'] | undefined;
    let topics: number[] | undefined;
    // Own enumerable accessors (so equality checks and spreads see them as fields); writable
    // like a built item's fields.
    return {
      get record() {
        return (record ??= Object.assign(recordOf(i), { origin: ORIGINS[origins[i]!]! }));
      },
      set record(r) {
        record = r;
      },
      day: days[i]!,
      get topics() {
        return (topics ??= Array.from(topicList.subarray(topicStart[i]!, topicStart[i + 1]!)));
      },
      set topics(t) {
        topics = t;
      },
      url: urls.get(i) ?? '',
    };
  };
  const items = lazyList<IndexedItem>(n, itemOf);
  const byEntity = postingMap(datedKeys, image.u32(`${prefix}.datedLengths`), image.i32(`${prefix}.datedDeltas`));
  const undatedByEntity = postingMap(undatedKeys, image.u32(`${prefix}.undatedLengths`), image.i32(`${prefix}.undatedDeltas`));
  const idfValues = image.f64(`${prefix}.idf`);
  let idf: Map<string, number>;
  if (!data.idfKeys && undatedKeys.size === 0) {
    // The usual case (every item dated): the idf keys are the dated keys, in their order.
    if (idfValues.length !== datedKeys.size) throw new Error('frozen coverage index: idf counts disagree');
    idf = new LazyMap<number>(datedKeys, (i) => idfValues[i]!);
  } else {
    const idfKeys = data.idfKeys ?? [...datedKeys.keys(), ...undatedKeys.keys().filter((k) => !byEntity.has(k))];
    if (idfKeys.length !== idfValues.length) throw new Error('frozen coverage index: idf counts disagree');
    idf = new Map<string, number>();
    for (let i = 0; i < idfKeys.length; i++) idf.set(idfKeys[i]!, idfValues[i]!);
  }
  const topicIds = new LazyMap<number>(topicNameList, (i) => i);
  const idNumber = (id: string): number | undefined => {
    const i = ids().indexOf(id);
    return i < 0 ? undefined : i;
  };
  const index: CoverageIndex = {
    items: items.list,
    byId: {
      get: idNumber,
      has: (id) => ids().indexOf(id) >= 0,
      size: n,
    },
    byEntity,
    undatedByEntity,
    idf,
    maxIdf: data.maxIdf,
    topicIds,
    topicNames,
    nameOf,
    days,
    entityCounts: image.u16(`${prefix}.entityCounts`),
    topicStart,
    topicList,
    urlAt: (i) => urls.get(i) ?? '',
    scratch: { score: new Float64Array(n), mark: new Uint32Array(n), epoch: 0 },
  };
  seedHeadingIndex(index, thawHeadings(image, prefix, topicCount));
  const treeRoles = image.u8(`${prefix}.hTreeRoles`);
  if (treeRoles.length !== Math.ceil(topicCount / 4)) throw new Error('frozen coverage index: tree roles disagree with the topics');
  seedHeadingRoles(index, treeRoles);
  return {
    index,
    materializeRecords() {
      return Array.from({ length: n }, (_, i) => {
        const { origin: _origin, ...plain } = index.items[i]!.record;
        return plain as CoverageRecord;
      });
    },
  };
}
