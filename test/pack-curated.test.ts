/** Curated facts (lib/dataset/curated/*.json): schema, and every fact names a source URL. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const dir = path.resolve(__dirname, '../lib/dataset/curated');
const source = z.string().url().regex(/^https:\/\//, 'https URL');
const id = z.string().regex(/^(Q\d+|curated:[a-z0-9-]+)$/);
const SCHEMAS: Record<string, z.ZodType> = {
  'alias-exclusions.json': z.array(z.object({ id: z.string().regex(/^(Q\d+|cik:\d+|curated:[a-z0-9-]+|geonames:\d+)$/), name: z.string().min(1), aliases: z.array(z.string().min(2)).min(1), reason: z.string().min(20).max(300), source }).strict()),
  'prominence.json': z.array(z.object({ id, name: z.string().min(1), prominence: z.number().min(0).max(100), source }).strict()),
  'notes.json': z.array(z.object({ id, note: z.string().min(10).max(200), source }).strict()),
  'include.json': z.array(z.object({ id: z.string().regex(/^(Q\d+|cik:\d+|univ:[a-z0-9.-]+)$/), name: z.string().min(1), exclude: z.boolean().optional(), source }).strict()),
  'entities.json': z.array(z.object({
    id,
    name: z.string().min(2),
    type: z.enum(['person', 'organization', 'place', 'event']),
    subtype: z.string().regex(/^[a-z_]+$/).optional(),
    aliases: z.array(z.string().min(2)).optional(),
    country: z.string().regex(/^[A-Z]{2}$/).optional(),
    from: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
    to: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional(),
    note: z.string().min(10).max(200).optional(),
    /** Offices held, for people the reference data lacks or holds without them (each backed by the record's source). */
    roles: z.array(z.object({ title: z.string().min(3), from: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(), to: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional(),
      /** An open role (no `to`) was checked as still held in this month: the card says "as of" for later articles. */
      asOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional() }).strict()
      .refine((r) => !(r.to && r.asOf), 'asOf is for open roles')).optional(),
    url: z.string().regex(/^https:\/\/en\.wikipedia\.org\/wiki\//).optional(),
    source,
  }).strict().refine((e) => e.type === 'event' || (e.from === undefined) || e.subtype === 'landmark', 'dates are for events (and landmarks in service)')
    .refine((e) => !e.from || !e.to || e.from <= e.to, 'from after to')),
  'types.json': z.array(z.object({ id, name: z.string().min(1), type: z.enum(['person', 'organization', 'place', 'event']), subtype: z.string().regex(/^[a-z_]+$/).optional(), source }).strict()),
  'aliases.json': z.array(z.object({ id: z.string().regex(/^(Q\d+|curated:[a-z0-9-]+|geonames:\d+|usagov:[a-z0-9-]+|fundus:[a-z0-9.-]+|ucdp:\d+|wcep:[a-z0-9-]+)$/), aliases: z.array(z.string().min(2)).optional(), shortNames: z.array(z.string().min(3)).optional(), source }).strict()),
};

describe('curated entity facts', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  it('has a schema for every curated file', () => {
    expect(files).toEqual(Object.keys(SCHEMAS).sort());
  });
  it.each(files)('%s matches its schema; every fact has a source', (file) => {
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const r = SCHEMAS[file]!.safeParse(data);
    if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const ids = (data as { id: string }[]).map((x) => x.id);
    expect(new Set(ids).size, `${file}: duplicate ids`).toBe(ids.length);
  });
  it('an open office of a curated person says when it was last checked (asOf)', () => {
    const rows = JSON.parse(readFileSync(path.join(dir, 'entities.json'), 'utf8')) as { id: string; roles?: { title: string; to?: string | null; asOf?: string }[] }[];
    const unchecked = rows.flatMap((r) => (r.roles ?? []).filter((x) => !x.to && !x.asOf).map((x) => `${r.id}: ${x.title}`));
    expect(unchecked).toEqual([]);
  });
  it('curated entities name no reference record twice and do not reuse a name for two records', () => {
    const rows = JSON.parse(readFileSync(path.join(dir, 'entities.json'), 'utf8')) as { id: string; name: string; aliases?: string[] }[];
    const names = rows.map((r) => r.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});
