/**
 * The runtime form of the default pack (lib/dataset/runtime-pack.ts) and its parts: it must give
 * the background exactly the knowledge buildKnowledge gives from the pack JSON — same alias
 * slots, entities, name keys, coverage columns and postings, same links and related coverage —
 * while parsing records only when they are read.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeImage, encodeImage } from '../lib/dataset/binary-image';
import { bucketCount, DeferredStrings, FrontCodedStrings, FrozenStrings, MAX_FRONT_CODED_LENGTH, StringList, frontEncode, blockMinima, nearestSharingLess } from '../lib/dataset/frozen-strings';
import { fnv1a } from '../lib/fnv';
import { LazyMap, lazyList, RecordReader, RecordWriter } from '../lib/dataset/lazy-records';
import { decodeRuntimePack, encodeRuntimePack, isRuntimePack, runtimeCoverageHeader, RUNTIME_PACK_VERSION } from '../lib/dataset/runtime-pack';
import { parsePack } from '../lib/dataset/pack';
import type { Pack } from '../lib/dataset/schema';
import { buildKnowledge, type Knowledge } from '../lib/knowledge';
import { linkEntities } from '../lib/entities/link';
import { relatedCoverage, coverageForEntity } from '../lib/coverage/rank';
import { addToCoverageIndex } from '../lib/coverage/index';
import { headingIndexOf } from '../lib/coverage/headings';
import type { Slot } from '../lib/entities/matcher';
import { freezeEntityIndex } from '../lib/entities/frozen-index';
import { hostTableOf, publisherOf } from '../lib/entities/publisher';
import { knowledgeFor, loadAllPacks, loadPackagedPack } from '../lib/background/packs';
import { ENTITIES } from './entities-fixture';

describe('FrozenStrings', () => {
  // ASCII, 2-, 3- and 4-byte UTF-8 (a surrogate pair in UTF-16), the empty key.
  const keys = ['donald', 'donald trump', 'erdoğan', 'москва', '北京', '', 'a', 'donald j trump', 'x😀y'];
  const t = FrozenStrings.build(keys);
  it('finds every key at its number and nothing else', () => {
    keys.forEach((k, i) => expect(t.indexOf(k)).toBe(i));
    for (const miss of ['donal', 'donald trum', 'Donald', 'erdogan', 'erdoğam', 'москв', 'b', 'x😁y', 'x😀', '北']) expect(t.indexOf(miss)).toBe(-1);
    expect(t.keys()).toEqual(keys);
    expect(t.size).toBe(keys.length);
  });
  it('stores UTF-8 and rebuilds the same table from its stored parts', () => {
    expect(t.bytes.length).toBe(keys.reduce((n, k) => n + new TextEncoder().encode(k).length, 0));
    const again = new FrozenStrings({ bytes: t.bytes.slice(), lengths: t.lengths.slice() });
    expect([...again.buckets]).toEqual([...t.buckets]);
    expect(again.indexOf('москва')).toBe(3);
  });
  it('refuses duplicates and parts that do not add up', () => {
    expect(() => FrozenStrings.build(['x', 'x'])).toThrow(/duplicate/);
    expect(() => new FrozenStrings({ bytes: new Uint8Array(3), lengths: Uint16Array.from([1, 1]) })).toThrow(/add up/);
    expect(() => FrozenStrings.build(['a\ud800b'])).toThrow(/well-formed/);
  });
});

describe('bucketCount', () => {
  it('keeps the alias slot table at 2^18 buckets past 2^17 / 2 keys (its doubling cost the worker ~4 ms), load ≤ 2/3', () => {
    // The default pack's slot keys before and after session 14's growth: one table size for both.
    expect(bucketCount(126_461)).toBe(262_144);
    expect(bucketCount(131_644)).toBe(262_144);
    // The step moves to 2^18 / 1.5.
    expect(bucketCount(174_762)).toBe(262_144);
    expect(bucketCount(174_763)).toBe(524_288);
    // Always at least one empty bucket, so a probe for a missing key ends.
    for (const n of [0, 1, 2, 3, 5, 1000]) expect(bucketCount(n)).toBeGreaterThan(n);
  });
  it('finds every key and no other at the fullest load the rule allows', () => {
    // 2^12 / 1.5 rounded down: the most keys a 4,096-bucket table takes.
    const keys = Array.from({ length: 2730 }, (_, i) => `key ${i * 7919}`);
    const t = FrozenStrings.build(keys), f = new FrontCodedStrings(frontEncode(t));
    expect(t.buckets.length).toBe(4096);
    keys.forEach((k, i) => {
      expect(t.indexOf(k)).toBe(i);
      expect(f.indexOf(k)).toBe(i);
    });
    for (let i = 0; i < 2000; i++) {
      expect(t.indexOf(`key ${i * 7919 + 1}`)).toBe(-1);
      expect(f.indexOf(`key ${i * 7919 + 1}`)).toBe(-1);
    }
  });
});

describe('DeferredStrings', () => {
  it('reads and looks up like FrozenStrings, and serves a lazy map in key order', () => {
    const keys = ['Q1', 'Q22', 'Québec floods', 'x😀y', ''];
    const d = new DeferredStrings(StringList.encode(keys));
    expect(d.size).toBe(5);
    expect(d.keyAt(2)).toBe('Québec floods');
    keys.forEach((k, i) => expect(d.indexOf(k)).toBe(i));
    expect(d.indexOf('Q2')).toBe(-1);
    expect(d.keys()).toEqual(keys);
    const made: number[] = [];
    const m = new LazyMap<number>(new DeferredStrings(StringList.encode(keys)), (i) => (made.push(i), i * 10));
    expect(m.get('Q22')).toBe(10);
    expect(m.has('nope')).toBe(false);
    expect(made).toEqual([1]);
    expect([...m]).toEqual(keys.map((k, i) => [k, i * 10]));
  });
});

describe('front coding', () => {
  // Sorted keys with shared prefixes, a shared prefix that ends inside a 2-byte letter (é/è share
  // their first byte), repeats, the empty key, and one sharing more than 255 bytes.
  const long = 'x'.repeat(300);
  const keys = ['', 'donald', 'donald j trump', 'donald trump', 'donald trump', 'erdoğan', 'erdoğanı', 'café', 'cafè', long, `${long}y`, 'москва', 'x😀y', 'x😀z'];
  it('round-trips, never splits a UTF-8 sequence, and stores fewer bytes', () => {
    const parts = StringList.encode(keys);
    const coded = frontEncode(parts);
    expect(new FrontCodedStrings(coded).keys()).toEqual(keys);
    expect(coded.suffixBytes.length).toBeLessThan(parts.bytes.length - 250);
    expect(coded.shared[keys.indexOf('cafè')]).toBe(3); // 'caf', not the first byte of é
    expect(coded.shared[keys.indexOf(`${long}y`)]).toBe(255);
  });
  it('is looked up over its front-coded form like FrozenStrings over the plain keys', () => {
    // Long runs of shared prefixes (a key's bytes come from several earlier keys), falling and
    // rising shared lengths, multi-byte letters and a surrogate pair, a prefix of 255 bytes.
    const distinct = [...new Set([...keys, 'a', 'ab', 'abc', 'abcd', 'abce', 'abd', 'abde', 'ac', 'b', 'café crème', 'cafés', 'x😀yz'])].sort();
    const plain = FrozenStrings.build(distinct);
    const coded = frontEncode(StringList.encode(distinct));
    const table = new FrontCodedStrings(coded);
    expect(table.size).toBe(distinct.length);
    expect([...table.buckets]).toEqual([...plain.buckets]);
    distinct.forEach((k, i) => {
      expect(table.indexOf(k)).toBe(i);
      expect(table.keyAt(i)).toBe(k);
      expect(table.mayHold(fnv1a(k), new TextEncoder().encode(k).length)).toBe(true);
    });
    expect(table.keys()).toEqual(distinct);
    for (const miss of ['abcf', 'ab ', 'x😀', 'x😁yz', 'caf', 'cafés ', `${long}z`, 'zz']) {
      expect(table.indexOf(miss)).toBe(-1);
      expect(table.indexOf(miss)).toBe(plain.indexOf(miss));
    }
    expect(() => table.keyAt(distinct.length)).toThrow(RangeError);
  });
  it('finds the nearest earlier key sharing less over the block minima as a walk back key by key would', () => {
    // Shared lengths with long runs at or above a level (whole blocks and runs of blocks to skip).
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const shared = Uint8Array.from({ length: 5000 }, (_, i) => (i === 0 ? 0 : i % 1700 === 0 ? 1 : 2 + rand(4)));
    const minima = blockMinima(shared.length); // filled as the walks go, kept across them
    for (let t = 0; t < 2000; t++) {
      const j = rand(shared.length), sh = 1 + rand(5);
      let walk = j;
      while (shared[walk]! >= sh) walk--;
      expect(nearestSharingLess(shared, minima, j, sh)).toBe(walk);
    }
  });
  it('puts together keys whose from key is thousands of keys back, in any order', () => {
    // 4,000 keys after 'a' share only 'a' with a key before 'a…' ones branch; then one sharing 1 byte.
    const keys = ['a', ...Array.from({ length: 4000 }, (_, i) => `aa${String(i).padStart(4, '0')}`), 'ab', 'abc', 'b', ...Array.from({ length: 3000 }, (_, i) => `bb${i}`)].sort();
    const table = new FrontCodedStrings(frontEncode(StringList.encode(keys)));
    for (const i of [keys.indexOf('ab'), keys.indexOf('abc'), keys.length - 1, 4000, 1, keys.indexOf('b'), 2]) expect(table.keyAt(i)).toBe(keys[i]);
    expect(table.keys()).toEqual(keys);
  });
  it('holds keys up to the longest a front-coded table can store (its buffers are sized to that bound, not measured)', () => {
    // The longest key StringList stores (65,535 bytes) after one sharing 255 bytes with it: the
    // hash state and scratch reach MAX_FRONT_CODED_LENGTH's range without overflowing.
    const longest = ['z'.repeat(300), `${'z'.repeat(255)}${'é'.repeat((0xffff - 255) >> 1)}`];
    const table = new FrontCodedStrings(frontEncode(StringList.encode(longest)));
    expect(new TextEncoder().encode(longest[1]!).length).toBeLessThanOrEqual(MAX_FRONT_CODED_LENGTH);
    longest.forEach((k, i) => {
      expect(table.indexOf(k)).toBe(i);
      expect(table.keyAt(i)).toBe(k);
    });
    expect(table.indexOf(`${longest[1]}`.slice(0, -1))).toBe(-1);
  });
  it('refuses front-coded parts that do not add up', () => {
    const coded = frontEncode(StringList.encode(['ab', 'abc']));
    expect(() => new FrontCodedStrings({ ...coded, shared: Uint8Array.from([0, 3]) })).toThrow(/shares more/);
    expect(() => new FrontCodedStrings({ ...coded, suffixBytes: new Uint8Array(9) })).toThrow(/add up/);
    expect(() => new FrontCodedStrings({ ...coded, suffixBytes: new Uint8Array(1) })).toThrow(/add up/);
  });
});

describe('binary image', () => {
  const sections = { a: Uint8Array.from([1, 2, 3]), b: Uint16Array.from([65535, 7]), c: Uint32Array.from([4e9]), d: Int32Array.from([-5]), e: Float64Array.from([NaN, 1.5]) };
  const bytes = encodeImage('TEST', { hello: 'wörld' }, sections);
  it('round-trips the header and every section, views in place', () => {
    const img = decodeImage<{ hello: string }>(bytes, 'TEST');
    expect(img.data.hello).toBe('wörld');
    expect([...img.u8('a')]).toEqual([1, 2, 3]);
    expect([...img.u16('b')]).toEqual([65535, 7]);
    expect([...img.u32('c')]).toEqual([4e9]);
    expect([...img.i32('d')]).toEqual([-5]);
    expect(Number.isNaN(img.f64('e')[0])).toBe(true);
    expect(img.f64('e').buffer).toBe(bytes.buffer);
  });
  it('refuses another magic, a missing section, a section of another kind, a truncated file', () => {
    expect(() => decodeImage(bytes, 'NOPE')).toThrow(/magic/);
    const img = decodeImage(bytes, 'TEST');
    expect(() => img.u8('zz')).toThrow(/no section/);
    expect(() => img.u16('a')).toThrow(/not u16/);
    expect(() => decodeImage(bytes.slice(0, bytes.length - 8), 'TEST').f64('e')).toThrow(/past the end/);
  });
  it('stores small-number columns narrowed or as varints when asked, and reads them back as their own kind', () => {
    const small = {
      len: Uint16Array.from({ length: 400 }, (_, i) => i % 200), // u8
      refs: Uint32Array.from({ length: 300 }, (_, i) => (i === 7 ? 4e9 : i)), // varints (one large value)
      signed: Int32Array.from({ length: 300 }, (_, i) => (i % 2 ? -i : i) * (i === 5 ? 1e8 : 1)), // zigzag varints
      mid: Int32Array.from({ length: 300 }, (_, i) => 1000 + i * 100), // u16
      wide: Uint32Array.from([4e9, 3e9, 2e9]), // as is
    };
    const packed = encodeImage('TEST', null, small, { compact: true });
    const plain = encodeImage('TEST', null, small);
    expect(packed.length).toBeLessThan(plain.length * 0.75);
    const img = decodeImage(packed, 'TEST');
    expect(img.u16('len')).toBeInstanceOf(Uint16Array);
    expect([...img.u16('len')]).toEqual([...small.len]);
    expect([...img.u32('refs')]).toEqual([...small.refs]);
    expect(img.i32('signed')).toBeInstanceOf(Int32Array);
    expect([...img.i32('signed')]).toEqual([...small.signed]);
    expect(img.i32('mid')).toBeInstanceOf(Int32Array);
    expect([...img.i32('mid')]).toEqual([...small.mid]);
    const header = JSON.parse(new TextDecoder().decode(packed.subarray(8, 8 + new DataView(packed.buffer).getUint32(4, true)))) as { sections: unknown[][] };
    expect(header.sections.map((e) => e[4] ?? null)).toEqual(['u8', 'v', 'v', 'u16', null]);
    expect(img.u16('len')).toBe(img.u16('len')); // decoded once
    expect([...img.u32('wide')]).toEqual([...small.wide]); // not smaller as varints: stored as is
    expect(img.u32('wide').buffer).toBe(packed.buffer);
    expect(() => img.u32('len')).toThrow(/not u32/);
  });
  it('reads an image from its shards in order, at any cuts: a section inside an aligned shard is a view of it, one across a cut a copy', () => {
    const packed = encodeImage('TEST', { hello: 'wörld' }, { ...sections, n: Uint16Array.from({ length: 50 }, (_, i) => i) }, { compact: true });
    const whole = decodeImage<{ hello: string }>(packed, 'TEST');
    const names = ['a', 'b', 'c', 'd', 'e', 'n'] as const;
    const kinds = { a: 'u8', b: 'u16', c: 'u32', d: 'i32', e: 'f64', n: 'u16' } as const;
    const read = (img: ReturnType<typeof decodeImage>, n: (typeof names)[number]) => [...img[kinds[n]](n)].map(String);
    for (let cut = 1; cut < packed.length; cut++) {
      for (const second of [cut + 1, cut + 5, packed.length]) {
        const parts = [packed.slice(0, cut), packed.slice(cut, Math.min(second, packed.length)), packed.slice(Math.min(second, packed.length))];
        const img = decodeImage<{ hello: string }>(parts, 'TEST');
        expect(img.data.hello).toBe('wörld');
        for (const n of names) expect(read(img, n)).toEqual(read(whole, n));
      }
    }
    // Cut at a multiple of 8 past the header: the sections after it are views of the second shard.
    const header = JSON.parse(new TextDecoder().decode(packed.subarray(8, 8 + new DataView(packed.buffer).getUint32(4, true)))) as { sections: [string, string, number][] };
    const base = (8 + new DataView(packed.buffer).getUint32(4, true) + 7) & ~7;
    const at = base + header.sections.find((e) => e[0] === 'c')![2];
    const shards = [packed.slice(0, at), packed.slice(at)];
    const img = decodeImage(shards, 'TEST');
    expect(img.u32('c').buffer).toBe(shards[1]!.buffer);
    expect(img.f64('e').buffer).toBe(shards[1]!.buffer);
    expect(img.u8('a').buffer).toBe(shards[0]!.buffer);
    // Cut inside 'e': it is copied out, once.
    const split = [packed.slice(0, at + (header.sections.find((e) => e[0] === 'e')![2] - header.sections.find((e) => e[0] === 'c')![2]) + 4), new Uint8Array(0)];
    split[1] = packed.slice(split[0]!.length);
    const img2 = decodeImage(split, 'TEST');
    expect(img2.f64('e').buffer).not.toBe(split[0]!.buffer);
    expect(img2.f64('e')).toBe(img2.f64('e'));
    expect(() => decodeImage([packed.slice(0, 5)], 'TEST')).toThrow(/magic/);
    expect(() => decodeImage([packed.slice(0, at), packed.slice(at, packed.length - 8)], 'TEST').u16('n')).toThrow(/past the end/);
  });
  it('reads an image that does not start at an 8-byte boundary', () => {
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect([...decodeImage(shifted.subarray(3), 'TEST').f64('e')].slice(1)).toEqual([1.5]);
  });
});

describe('lazy records', () => {
  // Three records of varints, one of them empty; values across the 1-, 2-, 3- and 8-byte forms.
  const recs = [[0, 1, 127, 128], [], [16383, 16384, 2 ** 40 + 5, Number.MAX_SAFE_INTEGER]];
  const w = new RecordWriter();
  for (const r of recs) {
    for (const v of r) w.uint(v);
    w.end();
  }
  const stored = w.finish();
  it('reads each record back, in any order, and knows its end', () => {
    expect([...stored.lengths]).toEqual([1 + 1 + 1 + 2, 0, 2 + 3 + 6 + 8]);
    const r = new RecordReader(stored);
    expect(r.count).toBe(3);
    for (const i of [2, 0, 1]) {
      r.at(i);
      const got: number[] = [];
      while (!r.done) got.push(r.uint());
      expect(got).toEqual(recs[i]);
    }
    expect(() => r.at(1).uint()).toThrow(/past the end/);
  });
  it('refuses what it cannot store or read', () => {
    expect(() => new RecordWriter().uint(-1)).toThrow(/unsigned/);
    expect(() => new RecordWriter().uint(1.5)).toThrow(/unsigned/);
    const open = new RecordWriter();
    open.uint(3);
    expect(() => open.finish()).toThrow(/not closed/);
    expect(() => new RecordReader({ bytes: stored.bytes, lengths: Uint16Array.from([1, 1]) })).toThrow(/add up/);
  });
  it('a lazy list makes each element once, on first read, and acts as an array', () => {
    const objs = [{ id: 'a', n: 1 }, { id: 'b', s: 'é ü' }, { id: 'c', list: [1, 2] }];
    const make = vi.fn((i: number) => structuredClone(objs[i]!));
    const { list, fill } = lazyList(3, make);
    expect(list.length).toBe(3);
    expect(make).not.toHaveBeenCalled();
    expect(list[1]!.id).toBe('b');
    expect(list[1]).toBe(list[1]);
    expect(make).toHaveBeenCalledTimes(1);
    expect(1 in list).toBe(true);
    expect(3 in list).toBe(false);
    expect(list[3]).toBeUndefined();
    expect(list.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect([...list]).toEqual(objs);
    expect(Array.isArray(list)).toBe(true);
    expect(make).toHaveBeenCalledTimes(3);
    const other = lazyList(3, make);
    const first = other.list[0];
    other.fill(objs.map((o) => structuredClone(o)));
    expect(other.list[0]).toBe(first); // already made: kept
    expect(other.list[2]).toEqual(objs[2]);
  });
  it('a lazy list over an empty target still reports its length, keys, writes and copies as an array of that length', () => {
    const { list } = lazyList(50_000, (i) => i * 2);
    expect(list.length).toBe(50_000);
    expect(Object.getOwnPropertyDescriptor(list, 'length')?.value).toBe(50_000);
    expect(list.slice(49_998)).toEqual([99_996, 99_998]);
    expect(list.at(-1)).toBe(99_998);
    expect(list.indexOf(20)).toBe(10);
    const small = lazyList(3, (i) => `v${i}`).list;
    expect(Object.keys(small)).toEqual(['0', '1', '2']);
    small[1] = 'written';
    expect(small[1]).toBe('written');
    expect(JSON.stringify(small)).toBe('["v0","written","v2"]');
    expect(small.length).toBe(3);
  });
});

describe('LazyMap', () => {
  const keys = FrozenStrings.build(['kyiv', 'gaza', 'москва', 'talks']);
  it('makes a value on its key\'s first get or iteration, once, and is then an ordinary Map', () => {
    const make = vi.fn((i: number) => [i, i * 2]);
    const m = new LazyMap(keys, make);
    expect(m).toBeInstanceOf(Map);
    expect(m.size).toBe(4);
    expect(m.has('gaza')).toBe(true);
    expect(m.has('gaz')).toBe(false);
    expect(make).not.toHaveBeenCalled();
    const gaza = m.get('gaza');
    expect(gaza).toEqual([1, 2]);
    expect(m.get('gaza')).toBe(gaza);
    expect(m.get('nowhere')).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(1);
    // Iteration: every entry in key-number order, the value made before kept.
    expect([...m.keys()]).toEqual(['kyiv', 'gaza', 'москва', 'talks']);
    expect([...m][1]![1]).toBe(gaza);
    expect(make).toHaveBeenCalledTimes(4);
    expect(new Map(m)).toEqual(new Map([['kyiv', [0, 0]], ['gaza', [1, 2]], ['москва', [2, 4]], ['talks', [3, 6]]]));
    m.set('new', [9]);
    m.delete('kyiv');
    expect(m.size).toBe(4);
    expect(m.get('new')).toEqual([9]);
    expect(m.has('kyiv')).toBe(false);
  });
  it('set before any read keeps every stored entry', () => {
    const m = new LazyMap(keys, (i) => i);
    m.set('talks', 30);
    expect([...m]).toEqual([['kyiv', 0], ['gaza', 1], ['москва', 2], ['talks', 30]]);
  });
});

// A small pack of our own facts: the linker fixture's entities plus a coverage timeline.
const smallPack = (): Pack => ({
  format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [],
  entities: ENTITIES.map((e) => ({ ...e })),
  coverage: [
    { id: 'c1', date: '2025-02-01', source: 'Wire', entities: ['Q22686', 'Q7747'], topics: ['Talks'] },
    { id: 'c2', date: '2025-02-03', source: '', entities: ['Q7747', 'Q212', 'Q7747'], topics: ['War', 'Talks'] },
    { id: 'c3', date: '2024-12', source: 'Paper', entities: ['Q22686'], topics: [] },
    { id: 'c4', date: null, source: 'Wire', entities: ['Q212'], topics: ['War'] },
    { id: 'c5', date: '2025-01-10', source: 'Wire', entities: ['Q22686', 'Q212'], topics: ['Talks'], url: 'https://news.example.org/a?utm_source=x' },
    { id: 'c6', date: '2025-01-11', source: 'Wire', entities: [], topics: [] },
    // A reader-built pack's prose fields, and topics that intern to fewer (kept as written).
    { id: 'c7', date: '2025-01-12', title: 'A headline', summary: 'What happened.', source: 'Paper', entities: ['Q22686'], topics: ['Talks', 'Talks'] },
    // Timeline ids (derived from date and serial in the runtime form) and ones that only look like it.
    { id: 'wcep-2025-01-13-001', date: '2025-01-13', source: 'Wire', entities: ['Q212'], topics: ['War'] },
    { id: 'wcep-2025-01-13-012', date: '2025-01-13', source: 'Wire', entities: [], topics: [] },
    { id: 'wcep-2025-01-13-1234', date: '2025-01-13', source: 'Wire', entities: [], topics: [] },
    { id: 'wcep-2025-01-13-000', date: '2025-01-13', source: 'Wire', entities: [], topics: [] },
    { id: 'wcep-2025-01-14-0012', date: '2025-01-14', source: 'Wire', entities: [], topics: [] },
    { id: 'wcep-2025-01-14-002', date: '2025-01-13', source: 'Wire', entities: [], topics: [] },
    { id: 'other-2025-01-14-003', date: '2025-01-14', source: 'Wire', entities: [], topics: [] },
    { id: 'wcep-2025-01-15-001', date: null, source: 'Wire', entities: [], topics: [] },
  ],
});

const TEXTS = [
  'President Trump met Vladimir Putin on Tuesday. Putin said Ukraine would not yield; Trump disagreed.',
  'Theresa May and Mark Rutte spoke in Jordan. Later, May left. Recep Tayyip Erdoğan visited Turkey.',
  'Volodymyr Zelensky said the Russian Federation attacked. Zelenskyy asked Biden, then Joe Biden replied.',
];

function sameKnowledge(built: Knowledge, thawed: Knowledge, texts: string[], date: string): void {
  // Every field the built indexes have, the thawed ones have (a new field must be frozen too).
  expect(Object.keys(thawed.entities).sort()).toEqual(Object.keys(built.entities).sort());
  expect(Object.keys(thawed.coverage).sort()).toEqual(Object.keys(built.coverage).sort());
  // Alias table: every slot the same (mismatches collected; one expect keeps the big pack fast).
  const bad: string[] = [];
  // Deep equality that ignores key order (records parsed from the pack's encoding list keys in its order).
  const canon = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
  const same = (a: unknown, b: unknown) => canon(a) === canon(b);
  const slots = built.entities.aliases.slots as Map<string, Slot>;
  for (const [key, slot] of slots) if (!same(thawed.entities.aliases.slots.get(key), { hits: slot.hits, more: !!slot.more })) bad.push(`slot ${key}`);
  expect(thawed.entities.aliases.slots.get('no such alias here')).toBeUndefined();
  expect([...(thawed.entities.aliases.lowerFirst as Set<string>)].sort()).toEqual([...(built.entities.aliases.lowerFirst as Set<string>)].sort());
  expect([...thawed.entities.nameKeys]).toEqual(built.entities.nameKeys);
  expect(thawed.entities.entities.length).toBe(built.entities.entities.length);
  built.entities.entities.forEach((e, i) => {
    if (!same(thawed.entities.entities[i], e)) bad.push(`entity ${i}`);
    if (thawed.entities.byId.get(e.id) !== thawed.entities.entities[i]) bad.push(`byId ${e.id}`);
  });
  expect(bad.slice(0, 20)).toEqual([]);
  expect(thawed.entities.byId.has('no-such-id')).toBe(false);
  // Coverage index.
  const bc = built.coverage, tc = thawed.coverage;
  expect([...tc.days]).toEqual([...bc.days]);
  expect([...tc.entityCounts]).toEqual([...bc.entityCounts]);
  expect([...tc.topicStart]).toEqual([...bc.topicStart]);
  expect([...tc.topicList]).toEqual([...bc.topicList]);
  expect([...tc.byEntity]).toEqual([...bc.byEntity]);
  expect([...tc.undatedByEntity]).toEqual([...bc.undatedByEntity]);
  expect([...tc.idf]).toEqual([...bc.idf]);
  expect(tc.maxIdf).toBe(bc.maxIdf);
  expect(tc.topicNames).toEqual(bc.topicNames);
  expect([...tc.topicIds]).toEqual([...bc.topicIds]);
  bc.items.forEach((it, n) => {
    if (!same(tc.items[n], it) || Number.isNaN(it.day) !== Number.isNaN(tc.items[n]!.day)) bad.push(`item ${n}`);
    if (tc.byId.get(it.record.id) !== n) bad.push(`item id ${it.record.id}`);
    if (tc.urlAt(n) !== it.url) bad.push(`item url ${n}`);
  });
  expect(bad.slice(0, 20)).toEqual([]);
  // Heading-word index: precomputed at build time (a stored index, not stemmed here), equal to
  // the one headingIndexOf computes from the built coverage index.
  const hb = headingIndexOf(bc), ht = headingIndexOf(tc);
  expect(Object.getOwnPropertyDescriptor(ht, 'byStem')?.get).toBeTypeOf('function');
  expect(headingIndexOf(tc)).toBe(ht);
  // Looked up by stem before anything makes the whole maps (what a page does), then whole.
  const someStems = [...hb.byStem.keys()].filter((_, i) => i % 97 === 0);
  for (const st of [...someStems, 'no such stem']) {
    expect(ht.byStem.get(st)).toEqual(hb.byStem.get(st));
    expect(ht.idf.get(st)).toBe(hb.idf.get(st));
    expect(ht.idf.has(st)).toBe(hb.idf.has(st));
  }
  expect(ht.byStem.size).toBe(hb.byStem.size);
  expect([...ht.byStem]).toEqual([...hb.byStem]);
  expect([...ht.idf]).toEqual([...hb.idf]);
  expect([...ht.mass]).toEqual([...hb.mass]);
  expect(ht.items).toEqual(hb.items);
  // Publisher host table: precomputed at build time (seeded, not computed from every record
  // here), equal to the one hostTableOf computes from the built entity index.
  const hostBuilt = hostTableOf(built.entities), hostThawed = hostTableOf(thawed.entities);
  expect(hostBuilt).toBeInstanceOf(Map);
  expect(hostThawed).not.toBeInstanceOf(Map);
  expect(hostThawed.size).toBe(hostBuilt.size);
  for (const [form, i] of hostBuilt as Map<string, number>) if (hostThawed.get(form) !== i) bad.push(`host ${form}`);
  for (const miss of ['', 'no-such-outlet', 'nytime']) expect(hostThawed.get(miss)).toBe(hostBuilt.get(miss));
  expect(bad.slice(0, 20)).toEqual([]);
  for (const url of ['https://www.nytimes.com/2025/a.html', 'https://www.bbc.co.uk/news/x', 'https://amp.theguardian.com/x', 'https://edition.cnn.com/x', 'https://www.washingtonpost.com/x', 'https://fakehost/x', 'https://news.example.org/a']) {
    expect(publisherOf(thawed.entities, null, url)).toBe(publisherOf(built.entities, null, url));
  }
  // And what the reader sees.
  for (const text of texts) {
    const a = linkEntities([{ text }], built.entities, { date });
    const b = linkEntities([{ text }], thawed.entities, { date });
    expect(b).toEqual(a);
    const q = { entities: a, date, title: text.slice(0, 40), excludeUrl: 'https://news.example.org/a', limit: 10 };
    expect(relatedCoverage(tc, q)).toEqual(relatedCoverage(bc, q));
    for (const e of a) expect(coverageForEntity(tc, e.id, { date, limit: 3 })).toEqual(coverageForEntity(bc, e.id, { date, limit: 3 }));
  }
}

describe('runtime pack', () => {
  it('gives the knowledge buildKnowledge gives, from a small pack', () => {
    const pack = smallPack();
    const bytes = encodeRuntimePack(pack);
    expect(isRuntimePack(bytes)).toBe(true);
    const rt = decodeRuntimePack(bytes);
    sameKnowledge(buildKnowledge([smallPack()]), rt.knowledge, TEXTS, '2025-03-01');
  });

  it('keeps the coverage index\'s topic names and posting keys out of the header JSON', () => {
    const header = runtimeCoverageHeader(encodeRuntimePack(smallPack())) as unknown as Record<string, unknown>;
    expect(Object.keys(header)).not.toContain('topicNames');
    expect(Object.keys(header)).not.toContain('datedKeys');
    // The posting keys are entity ids; the header names none (its few irregular records aside).
    expect(JSON.stringify(header)).not.toContain('Q22686');
  });

  it('stores the records\' entity-id table only when it is not the dated posting keys', () => {
    const flag = (pack: Pack) => runtimeCoverageHeader(encodeRuntimePack(pack)).entityIdsAreDatedKeys;
    expect(flag(smallPack())).toBe(true);
    // An undated record naming an entity no dated record names: the table has an id the keys lack.
    const pack = smallPack();
    pack.coverage.unshift({ id: 'c0', date: null, source: 'Wire', entities: ['Q212', 'x:nowhere'], topics: [] });
    expect(flag(pack)).toBeUndefined();
    const rt = decodeRuntimePack(encodeRuntimePack(pack));
    sameKnowledge(buildKnowledge([pack]), rt.knowledge, TEXTS.slice(0, 1), '2025-03-01');
    expect(rt.knowledge.coverage.items[0]!.record.entities).toEqual(['Q212', 'x:nowhere']);
  });

  it('derives timeline ids from date and serial, and keeps every other id as it is', () => {
    const bytes = encodeRuntimePack(smallPack());
    const header = runtimeCoverageHeader(bytes);
    expect(header.idPrefix).toBe('wcep-');
    const odd = header.oddIds.map(([, id]) => id);
    expect(odd).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'wcep-2025-01-13-000', 'wcep-2025-01-14-0012', 'wcep-2025-01-14-002', 'other-2025-01-14-003', 'wcep-2025-01-15-001']);
    const rt = decodeRuntimePack(bytes);
    expect(rt.knowledge.coverage.items.map((it) => it.record.id)).toEqual(smallPack().coverage.map((c) => c.id));
    expect(rt.knowledge.coverage.byId.get('wcep-2025-01-13-1234')).toBe(9);
    expect(rt.knowledge.coverage.byId.has('wcep-2025-01-13-002')).toBe(false);
  });

  it('is deterministic', () => {
    expect(Buffer.from(encodeRuntimePack(smallPack())).equals(Buffer.from(encodeRuntimePack(smallPack())))).toBe(true);
  });

  it('parses records only when read, and materialises the whole pack as parsePack gives it', () => {
    const pack = smallPack();
    const rt = decodeRuntimePack(encodeRuntimePack(pack));
    expect(rt.pack.entities.length).toBe(pack.entities.length);
    expect(rt.pack.coverage.length).toBe(pack.coverage.length);
    const { entities, coverage, ...head } = rt.materialize();
    const again = parsePack(JSON.stringify(pack), { trusted: true });
    if (!again.ok) throw new Error(again.error);
    const { entities: e2, coverage: c2, ...head2 } = again.value;
    expect(head).toEqual(head2);
    expect(entities).toEqual(e2);
    expect(coverage).toEqual(c2);
    expect([...rt.pack.coverage]).toEqual(c2);
  });

  it('links with its coverage index still frozen, and thaws that index once, on first read', () => {
    const pack = smallPack();
    const rt = decodeRuntimePack(encodeRuntimePack(pack));
    expect(rt.coverageReady()).toBe(false);
    const linked = linkEntities([{ text: TEXTS[0]! }], rt.knowledge.entities, { date: '2025-03-01' });
    expect(linked.map((e) => e.id)).toEqual(linkEntities([{ text: TEXTS[0]! }], buildKnowledge([pack]).entities, { date: '2025-03-01' }).map((e) => e.id));
    expect(linked.length).toBeGreaterThan(0);
    expect(rt.coverageReady()).toBe(false);
    const coverage = rt.knowledge.coverage;
    expect(rt.coverageReady()).toBe(true);
    expect(rt.knowledge.coverage).toBe(coverage);
    expect(coverage.items.length).toBe(pack.coverage.length);
  });

  it('derives name keys with the matcher, and refuses to build an index whose name keys differ', () => {
    const index = buildKnowledge([smallPack()]).entities;
    expect(() => freezeEntityIndex(index, 'e')).not.toThrow();
    index.nameKeys[1] = 'someone else';
    expect(() => freezeEntityIndex(index, 'e')).toThrow(/name key/);
  });

  it('keeps every entity field as it was: absent stays absent, null stays null, numbers exact', () => {
    const pack = smallPack();
    pack.entities.push(
      { id: 'x:event', name: 'Summit', type: 'event', from: '2025-01', to: null, aliases: [], shortNames: [], roles: [], sources: [], note: 'Ünïcode — note', population: 1234567.5, prominence: 0 },
      { id: 'x:person', name: 'A. Person', type: 'person', aliases: ['Person', 'Person'], shortNames: ['Person'], sources: ['own'], roles: [{ title: 'Mayor', from: null, to: '2024', asOf: null }, { title: 'Mayor' }], born: '1970', url: 'https://example.org/a' },
    );
    const rt = decodeRuntimePack(encodeRuntimePack(pack));
    const built = buildKnowledge([pack]).entities.entities;
    expect(rt.knowledge.entities.entities.length).toBe(built.length);
    built.forEach((e, i) => expect(rt.knowledge.entities.entities[i]).toStrictEqual(e));
    const ev = rt.knowledge.entities.byId.get('x:event')!;
    expect(ev.to).toBeNull();
    expect('subtype' in ev).toBe(false);
    expect(rt.knowledge.entities.byId.get('x:person')!.roles[1]).toStrictEqual({ title: 'Mayor' });
  });

  it('refuses to build an entity field it would not store', () => {
    const pack = smallPack();
    (pack.entities[0] as unknown as Record<string, unknown>).nickname = 'x';
    expect(() => encodeRuntimePack(pack)).toThrow(/nickname/);
  });

  it('its coverage index is read-only', () => {
    const rt = decodeRuntimePack(encodeRuntimePack(smallPack()));
    expect(() => addToCoverageIndex(rt.knowledge.coverage, [])).toThrow(/read-only/);
  });

  it('refuses an image of another version', () => {
    const bytes = encodeRuntimePack(smallPack());
    const img = decodeImage<{ version: number }>(bytes, 'BSRP');
    expect(img.data.version).toBe(RUNTIME_PACK_VERSION);
    const broken = encodeImage('BSRP', { ...img.data, version: 999 }, {});
    expect(() => decodeRuntimePack(broken)).toThrow(/version 999/);
  });
});

describe('background: the packaged runtime pack', () => {
  it('loads from shards fetched at once and joined in order; a failed shard fails the load', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = gzipSync(encodeRuntimePack(smallPack()));
    const cut = [0, 5, Math.floor(gz.length / 2), gz.length - 3, gz.length];
    const shards = cut.slice(1).map((end, i) => gz.subarray(cut[i]!, end));
    const started: string[] = [];
    // The last shard answers first: order must come from the list, not from arrival.
    const fetchFn = vi.fn(async (u: string) => {
      started.push(u);
      const i = Number(u.split('.').at(-1));
      await new Promise((r) => setTimeout(r, (shards.length - i) * 5));
      return new Response(shards[i]!, { status: 200 });
    });
    const urls = shards.map((_, i) => `/assets/default-pack.bin.gz.${i}`);
    const pack = await loadPackagedPack(urls, (p) => `chrome-extension://ext-id${p}`, fetchFn as unknown as typeof fetch);
    expect(started).toEqual(urls.map((u) => `chrome-extension://ext-id${u}`));
    sameKnowledge(buildKnowledge([smallPack()]), knowledgeFor([pack!]), TEXTS.slice(0, 1), '2025-03-01');
    const failing = vi.fn(async (u: string) => (u.endsWith('.2') ? new Response('', { status: 404 }) : new Response(shards[Number(u.split('.').at(-1))]!, { status: 200 })));
    await expect(loadPackagedPack(urls, (p) => p, failing as unknown as typeof fetch)).rejects.toThrow(/HTTP 404/);
    expect(await loadPackagedPack([], (p) => p)).toBeNull();
  });

  it('is loaded with its knowledge ready; merged with installed packs it is rebuilt in full', async () => {
    const { gzipSync } = await import('node:zlib');
    const bytes = gzipSync(encodeRuntimePack(smallPack()));
    const fetchFn = vi.fn(async () => new Response(bytes, { status: 200 }));
    const pack = await loadPackagedPack('/assets/default-pack.bin.gz', (p) => `chrome-extension://ext-id${p}`, fetchFn as unknown as typeof fetch);
    expect(fetchFn).toHaveBeenCalledWith('chrome-extension://ext-id/assets/default-pack.bin.gz');
    const alone = knowledgeFor([pack!]);
    expect(knowledgeFor([pack!])).toBe(alone); // ready-made, not rebuilt
    sameKnowledge(buildKnowledge([smallPack()]), alone, TEXTS.slice(0, 1), '2025-03-01');
    // An installed pack that renames an entity: later packs override earlier ones.
    const installed: Pack = { ...smallPack(), id: 'mine', entities: [{ ...ENTITIES[1]!, name: 'V. Putin (fixed)' }], coverage: [] };
    const merged = knowledgeFor([pack!, installed]);
    expect(merged.entities.byId.get('Q7747')?.name).toBe('V. Putin (fixed)');
    expect(merged.entities.entities.length).toBe(ENTITIES.length);
    expect(merged.coverage.items.length).toBe(smallPack().coverage.length);
  });
});

describe('background: the packs it loads', () => {
  const pack = (id: string): Pack => ({ ...smallPack(), id, entities: [], coverage: [] });
  it('starts the installed packs\' read without waiting for the default pack, and keeps the default first', async () => {
    let releaseDefault!: (p: Pack) => void;
    const started: string[] = [];
    const all = loadAllPacks(
      () => { started.push('default'); return new Promise<Pack>((r) => (releaseDefault = r)); },
      async () => { started.push('installed'); return [pack('a'), pack('b')]; },
      () => {},
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['default', 'installed']);
    releaseDefault(pack('default'));
    expect((await all).map((p) => p.id)).toEqual(['default', 'a', 'b']);
  });
  it('loses neither side when the other fails (thrown or rejected), and logs it', async () => {
    const log = vi.fn();
    expect((await loadAllPacks(async () => { throw new Error('no file'); }, async () => [pack('a')], log)).map((p) => p.id)).toEqual(['a']);
    expect((await loadAllPacks(async () => pack('default'), () => { throw new Error('no db'); }, log)).map((p) => p.id)).toEqual(['default']);
    expect((await loadAllPacks(async () => null, async () => [], log))).toEqual([]);
    expect(log).toHaveBeenCalledTimes(2);
  });
});

describe('background: streamed load of the packaged pack', () => {
  const chunked = (bytes: Uint8Array, size: number) => new Response(new ReadableStream<Uint8Array>({
    start(c) {
      for (let at = 0; at < bytes.length; at += size) c.enqueue(bytes.slice(at, at + size));
      c.close();
    },
  }), { status: 200 });
  it('inflates a body that arrives in small chunks (gzip or not) to the same pack', async () => {
    const { gzipSync } = await import('node:zlib');
    const image = encodeRuntimePack(smallPack());
    for (const [bytes, size] of [[gzipSync(image), 1], [gzipSync(image), 7], [gzipSync(image), 1 << 20], [image, 5]] as const) {
      const pack = await loadPackagedPack('/p.bin.gz', (p) => p, (async () => chunked(new Uint8Array(bytes), size)) as unknown as typeof fetch);
      expect(pack!.entities.map((e) => e.id)).toEqual(buildKnowledge([smallPack()]).entities.entities.map((e) => e.id));
      expect(knowledgeFor([pack!]).coverage.items.length).toBe(smallPack().coverage.length);
    }
  });
  it('rejects a corrupt or truncated gzip body', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = new Uint8Array(gzipSync(encodeRuntimePack(smallPack())));
    const truncated = gz.slice(0, gz.length >> 1);
    await expect(loadPackagedPack('/p', (p) => p, (async () => chunked(truncated, 64)) as unknown as typeof fetch)).rejects.toThrow();
    const corrupt = gz.slice();
    corrupt.fill(0x55, 20, 80);
    await expect(loadPackagedPack('/p', (p) => p, (async () => chunked(corrupt, 64)) as unknown as typeof fetch)).rejects.toThrow();
  });
});

const DEFAULT_PACK = path.resolve(__dirname, '../assets/default-pack.json');
describe.skipIf(!existsSync(DEFAULT_PACK))('runtime pack of assets/default-pack.json', () => {
  it('gives the same knowledge as building it from the JSON', () => {
    const text = readFileSync(DEFAULT_PACK, 'utf8');
    const parsed = parsePack(text, { trusted: true });
    if (!parsed.ok) throw new Error(parsed.error);
    const bytes = encodeRuntimePack(parsed.value);
    const rt = decodeRuntimePack(bytes);
    const built = buildKnowledge([parsed.value]);
    sameKnowledge(built, rt.knowledge, [
      ...TEXTS,
      'Keir Starmer, Emmanuel Macron and Olaf Scholz met at NATO headquarters in Brussels. The Kremlin and the White House said the European Union and the UN would attend.',
      'Apple, Google and the BBC reported from Gaza, Kyiv and São Paulo; Xi Jinping and Narendra Modi spoke.',
    ], '2025-06-01');
  }, 120_000);
});
