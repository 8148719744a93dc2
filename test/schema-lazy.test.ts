import { describe, expect, it, vi } from 'vitest';

// Counts the zod object schemas built, so the test sees when the modules build theirs.
const built = vi.hoisted(() => ({ objects: 0 }));
vi.mock('zod', async (importOriginal) => {
  const real = await importOriginal<typeof import('zod')>();
  const object = ((...args: Parameters<typeof real.z.object>) => {
    built.objects++;
    return real.z.object(...args);
  }) as typeof real.z.object;
  return { ...real, z: { ...real.z, object } };
});

describe('pack and history schemas built on first use (#8: worker start-up)', () => {
  it('importing the modules builds no schema; the first parse builds them and still names the problem', async () => {
    const { parsePack } = await import('../lib/dataset/pack');
    const { ReadRecord } = await import('../lib/store/history');
    const { PackEntity } = await import('../lib/dataset/schema');
    expect(built.objects).toBe(0);

    const pack = { format: 'backstory-pack', formatVersion: 1, id: 'p', name: 'P', version: '1', licenses: [], entities: [{ id: 'Q1', name: 'A', type: 'planet' }] };
    const checked = parsePack(JSON.stringify(pack));
    expect(checked).toEqual({
      ok: false,
      kind: 'damaged',
      record: { list: 'entities', index: 0, id: 'Q1' },
      error: 'entities[0] (id "Q1").type: expected one of "person", "organization", "place", "event"',
    });
    expect(built.objects).toBeGreaterThan(0);
    // The trusted path (top level only) still rejects a bad top level.
    expect(parsePack(JSON.stringify({ ...pack, licenses: 'none' }), { trusted: true })).toMatchObject({ ok: false, error: expect.stringMatching(/^licenses: expected array/) });
    expect(parsePack(JSON.stringify({ ...pack, entities: [{ ...pack.entities[0], type: 'person' }] }))).toMatchObject({ ok: true, value: { entities: [{ aliases: [], roles: [] }] } });
    expect(PackEntity.safeParse({ id: 'Q2', name: 'B', type: 'place', prominence: 101 }).success).toBe(false);

    const read = { url: 'ftp://a.example/x', title: 't', site: 'a.example', date: null, entityIds: [], kind: 'news', opinionShare: 0, readAt: 1 };
    const bad = ReadRecord.safeParse(read);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('expected an http(s) URL');
    expect(ReadRecord.safeParse({ ...read, url: 'https://a.example/x' }).success).toBe(true);
  });
});
