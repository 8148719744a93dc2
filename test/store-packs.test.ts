import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { createStore, MAX_PACK_CHARS } from '../lib/store/index';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../lib/dataset/schema';

// Our own small pack (facts we wrote for the test).
function pack(id: string, extra: Partial<Pack> = {}): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id,
    name: `Pack ${id}`,
    version: '2026.12.06',
    licenses: [{ id: 'own', covers: 'test facts', license: 'CC0-1.0', attribution: 'Backstory tests' }],
    entities: [{ id: 'x:alpha', name: 'Alpha Person', type: 'person', aliases: [], shortNames: ['Alpha'], roles: [], sources: ['own'] }],
    coverage: [
      { id: `${id}-1`, date: '2025-05-01', source: 'Wire One', entities: ['x:alpha'], topics: ['Alpha talks'] },
      { id: `${id}-2`, date: '2025-05-02', title: 'Alpha speaks (our words)', source: 'Wire Two', entities: ['x:alpha'], topics: [] },
    ],
    ...extra,
  };
}

const fresh = () => createStore(new IDBFactory());

describe('installed packs', () => {
  it('installs, lists, loads, replaces and removes a pack', async () => {
    const store = fresh();
    const progress: number[] = [];
    const r = await store.installPack(JSON.stringify(pack('mine')), (f) => progress.push(f));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id: 'mine', name: 'Pack mine', version: '2026.12.06', counts: { entities: 1, coverage: 2, coverageWithProse: 1 } });
    expect(progress.at(-1)).toBe(1);
    expect((await store.listPacks()).map((p) => p.id)).toEqual(['mine']);
    expect((await store.listPacks())[0]!.licenses[0]!.license).toBe('CC0-1.0');
    const loaded = await store.loadInstalledPacks();
    expect(loaded[0]!.coverage[1]!.title).toBe('Alpha speaks (our words)');
    const again = await store.installPack(JSON.stringify(pack('mine', { version: '2026.12.07' })));
    expect(again.ok && again.value.replaced).toBe(true);
    expect((await store.listPacks()).map((p) => p.version)).toEqual(['2026.12.07']);
    expect(await store.removePack('mine')).toEqual({ ok: true, value: { removed: true } });
    expect(await store.removePack('mine')).toEqual({ ok: true, value: { removed: false } });
    expect(await store.listPacks()).toEqual([]);
    expect(await store.loadInstalledPacks()).toEqual([]);
  });

  it.each([
    // The reader's sentence says what the file is; the parser's words are kept as detail.
    ['not JSON', '{oops', /^This file is not a Backstory pack\.$/, /not valid JSON/],
    ['empty', '', /empty/, undefined],
    ['wrong format', JSON.stringify({ ...pack('a'), format: 'other' }), /^This file is not a Backstory pack\.$/, /^format/],
    ['newer format', JSON.stringify({ ...pack('a'), formatVersion: 99 }), /newer version of Backstory\. Update Backstory/, /formatVersion/],
    ['a pack cut short', JSON.stringify(pack('a')).slice(0, 60), /^This pack is damaged \(cut short/, /not valid JSON/],
    ['bad coverage date', JSON.stringify(pack('a', { coverage: [{ id: 'c', date: 'June 1', source: '', entities: [], topics: [] }] as Pack['coverage'] })), /^This pack is damaged: the news item “c” \(no\. 1\) is not valid/, /coverage\[0\].*date/],
    ['reserved id', JSON.stringify(pack('default')), /reserved/, undefined],
  ])('rejects %s with a readable reason', async (_label, text, reason, detail) => {
    const store = fresh();
    const r = await store.installPack(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(reason);
    if (detail) expect('detail' in r && r.detail).toMatch(detail);
    else expect('detail' in r).toBe(false);
  });

  it('rejects packs over the size limit without parsing them', async () => {
    const store = fresh();
    const big = ' '.repeat(MAX_PACK_CHARS + 1);
    const r = await store.installPack(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/too big/);
  });

  it('reports a quota error as a Result and keeps what was installed', async () => {
    const factory = new IDBFactory();
    const store = createStore(factory);
    expect((await store.installPack(JSON.stringify(pack('keep')))).ok).toBe(true);
    const { IDBObjectStore } = await import('fake-indexeddb');
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // Let the first write of the transaction through, fail the second: the whole install must roll back.
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    } as IDBObjectStore['put'];
    try {
      const r = await store.installPack(JSON.stringify(pack('new')));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/Not enough storage space/);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect((await store.listPacks()).map((p) => p.id)).toEqual(['keep']);
    expect((await store.loadInstalledPacks()).map((p) => p.id)).toEqual(['keep']);
  });

  it('property: malformed packs are rejected and leave installed packs untouched', async () => {
    const store = fresh();
    expect((await store.installPack(JSON.stringify(pack('base')))).ok).toBe(true);
    const before = JSON.stringify(await store.loadInstalledPacks());
    const corrupt = fc.oneof(
      fc.string(),
      fc.constantFrom('format', 'formatVersion', 'id', 'name', 'version', 'licenses').map((k) => { const p = pack('base') as Record<string, unknown>; delete p[k]; return JSON.stringify(p); }),
      fc.record({ k: fc.constantFrom('date', 'entities', 'id'), v: fc.oneof(fc.integer(), fc.constant('not-a-date'), fc.constant(''), fc.constant({})) }).map(({ k, v }) => {
        const p = pack('base');
        (p.coverage[0] as Record<string, unknown>)[k] = k === 'entities' ? v : k === 'id' ? (typeof v === 'string' ? '' : v) : v;
        return JSON.stringify(p);
      }),
      fc.constantFrom('person!', 'thing', 5).map((t) => JSON.stringify(pack('base', { entities: [{ ...pack('base').entities[0]!, type: t as 'person' }] }))),
    );
    await fc.assert(
      fc.asyncProperty(corrupt, async (text) => {
        const r = await store.installPack(text);
        expect(r.ok).toBe(false);
        expect(JSON.stringify(await store.loadInstalledPacks())).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
