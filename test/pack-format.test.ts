import { describe, expect, it } from 'vitest';
import { encodePack, parsePack } from '../lib/dataset/pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../lib/dataset/schema';
import { ENTITIES } from './entities-fixture';

const pack = (over: Partial<Pack> = {}): Pack => ({
  format: PACK_FORMAT,
  formatVersion: PACK_FORMAT_VERSION,
  id: 'test',
  name: 'Test pack',
  version: '1',
  licenses: [{ id: 'test', covers: 'fixtures', license: 'CC0 1.0', attribution: 'Backstory tests' }],
  entities: ENTITIES.slice(0, 6),
  coverage: [
    { id: 'c2', date: '2025-06-02', source: 'Reuters', entities: ['Q7747'], topics: ['Russo-Ukrainian war'] },
    { id: 'c1', date: '2025-06-01', source: '', entities: [], topics: [] },
  ],
  ...over,
});

function withEntity(patch: (e: Record<string, unknown>) => void, at = 3): string {
  const data = JSON.parse(encodePack(pack())) as { entities: Record<string, unknown>[] };
  patch(data.entities[at]!);
  return JSON.stringify(data);
}

describe('parsePack: clear errors naming the first bad record', () => {
  it.each([
    ['not JSON', '{"format":', /^not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['wrong format', JSON.stringify({ format: 'x' }), /^format: expected "backstory-pack"/],
    ['future version', JSON.stringify({ format: PACK_FORMAT, formatVersion: 99 }), /^formatVersion: .*reads version 1.*99/],
    ['bad type', withEntity((e) => { e.type = 'animal'; }), /^entities\[3\] \(id "[^"]+"\)\.type: expected one of "person", "organization", "place", "event"$/],
    ['missing name', withEntity((e) => { delete e.name; }, 1), /^entities\[1\] \(id "[^"]+"\)\.name: expected string/],
    ['bad role date', withEntity((e) => { e.roles = [{ title: 'X', from: '2010s' }]; }, 2), /^entities\[2\] \(id "[^"]+"\)\.roles\[0\]\.from: expected a date/],
    ['bad coverage', JSON.stringify({ ...pack(), coverage: [{ id: 'a', date: '2025-01-01' }, { date: 5 }] }), /^coverage\[1\]\.id: expected string/],
  ])('%s', (_, text, expected) => {
    const r = parsePack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(expected);
  });

  it.each([
    ['some other JSON file', '{"hello": 1}', 'not-a-pack', undefined],
    ['not JSON at all', 'PK\u0003\u0004 a zip', 'not-a-pack', undefined],
    ['an array', '[1, 2]', 'not-a-pack', undefined],
    ['a pack cut short', encodePack(pack()).slice(0, 200), 'damaged', undefined],
    ['a pack from a newer Backstory', JSON.stringify({ ...pack(), formatVersion: PACK_FORMAT_VERSION + 1 }), 'newer', undefined],
    ['a pack from an older Backstory', JSON.stringify({ ...pack(), formatVersion: PACK_FORMAT_VERSION - 1 }), 'older', undefined],
    ['a header without a version', JSON.stringify({ ...pack(), formatVersion: undefined }), 'damaged', undefined],
    ['a bad entity', withEntity((e) => { e.type = 'animal'; }), 'damaged', { list: 'entities', index: 3 }],
    ['a bad coverage item without id', JSON.stringify({ ...pack(), coverage: [{ id: 'a', date: '2025-01-01' }, { date: 5 }] }), 'damaged', { list: 'coverage', index: 1 }],
  ])('says the kind of failure: %s', (_, text, kind, record) => {
    // Trusted mode checks only the top level, so it never sees a bad record.
    for (const trusted of record ? [false] : [false, true]) {
      const r = parsePack(text, { trusted });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.kind).toBe(kind);
      if (record) expect(r.record).toMatchObject(record);
      else expect(r.record).toBeUndefined();
    }
  });

  it('names the bad record by its id when it has one', () => {
    const r = parsePack(withEntity((e) => { e.type = 'animal'; }));
    const id = (JSON.parse(encodePack(pack())) as Pack).entities[3]!.id;
    expect(r.ok ? null : r.record).toEqual({ list: 'entities', index: 3, id });
  });

  it('accepts a valid pack and fills defaults', () => {
    const r = parsePack(encodePack(pack()));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.entities).toHaveLength(6);
      expect(r.value.coverage.find((c) => c.id === 'c1')).toMatchObject({ source: '', entities: [], topics: [] });
    }
  });

  it('trusted mode gives the same pack', () => {
    const text = encodePack(pack());
    const a = parsePack(text);
    const b = parsePack(text, { trusted: true });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(encodePack(b.value)).toBe(encodePack(a.value));
  });
});

describe('encodePack: deterministic', () => {
  it('same pack in any order → byte-identical text', () => {
    const a = encodePack(pack());
    const shuffled = pack({ entities: ENTITIES.slice(0, 6).reverse(), coverage: pack().coverage.slice().reverse() });
    expect(encodePack(shuffled)).toBe(a);
  });
  it('round-trips', () => {
    const a = encodePack(pack());
    const r = parsePack(a);
    expect(r.ok && encodePack(r.value)).toBe(a);
  });
  it('leaves empty fields out and sorts entities by id', () => {
    const text = encodePack(pack());
    expect(text).not.toMatch(/"aliases":\[\]/);
    const ids = (JSON.parse(text) as Pack).entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });
});
