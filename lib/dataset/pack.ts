/**
 * Dataset packs as text: parse + validate (zod) and encode deterministically.
 *
 *   parsePack(text)                 → Result<Pack>; the error names the first bad record,
 *                                     e.g. `entities[123] (id "Q1").type: expected one of …`
 *   parsePack(text, { trusted })    → same result, but records are not validated one by one
 *                                     (for the default pack the extension ships: ~10× faster)
 *   encodePack(pack)                → stable key order, entities sorted by id, coverage by
 *                                     date then id, empty fields left out, one record per line.
 */
import { z } from 'zod';
import { lazily } from '../lazy';
import { Pack, PACK_FORMAT, PACK_FORMAT_VERSION, type CoverageRecord, type License, type PackEntity, type Role } from './schema';

export type PackResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ParseOptions {
  /** Skip per-record validation (shape of the top level is still checked). */
  trusted?: boolean;
}

function pathText(path: readonly PropertyKey[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const p of path) {
    if (typeof p === 'number') {
      out += `[${p}]`;
      node = Array.isArray(node) ? node[p] : undefined;
      // Name the record by its id when it has one: entities[123] (id "Q1")
      if (node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string' && /^(entities|coverage|licenses)$/.test(String(path[0])) && out.split('[').length === 2) {
        out += ` (id ${JSON.stringify((node as { id: string }).id)})`;
      }
    } else {
      out += out ? `.${String(p)}` : String(p);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(p)] : undefined;
    }
  }
  return out || '(pack)';
}

function issueText(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { values?: unknown[]; expected?: string; received?: string };
  if (i.code === 'invalid_value' && Array.isArray(i.values)) return `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'invalid_type') return `expected ${i.expected}${/received/.test(i.message) ? ` (${i.message.replace(/^.*received/i, 'received')})` : ''}`;
  return i.message;
}

function firstError(error: z.ZodError, data: unknown): string {
  // zod reports issues in input order; the first one is the first bad record.
  const issue = error.issues[0]!;
  return `${pathText(issue.path, data)}: ${issueText(issue)}`;
}

// Built on first use like the schemas it extends (schema.ts): worker starts never parse a pack.
const TopLevel = /* @__PURE__ */ lazily(() => Pack.extend({ entities: z.array(z.unknown()).default([]), coverage: z.array(z.unknown()).default([]) }));

export function parsePack(text: string, opts: ParseOptions = {}): PackResult<Pack> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'expected a JSON object with "format": "backstory-pack"' };
  const obj = data as Record<string, unknown>;
  if (obj.format !== PACK_FORMAT) return { ok: false, error: `format: expected "${PACK_FORMAT}", got ${JSON.stringify(obj.format)}` };
  if (obj.formatVersion !== PACK_FORMAT_VERSION) {
    return { ok: false, error: `formatVersion: this version of Backstory reads version ${PACK_FORMAT_VERSION}, the pack says ${JSON.stringify(obj.formatVersion)}` };
  }
  if (opts.trusted) {
    const top = TopLevel.safeParse(data);
    if (!top.success) return { ok: false, error: firstError(top.error, data) };
    const v = top.data as unknown as Pack;
    for (const e of v.entities as PackEntity[]) {
      e.aliases ??= [];
      e.shortNames ??= [];
      e.roles ??= [];
      e.sources ??= [];
    }
    for (const c of v.coverage as CoverageRecord[]) {
      c.source ??= '';
      c.entities ??= [];
      c.topics ??= [];
    }
    return { ok: true, value: v };
  }
  const parsed = Pack.safeParse(data);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error, data) };
  return { ok: true, value: parsed.data };
}

/** The plan's name for parsePack. */
export const loadPackFromText = parsePack;

// ---- encoding -------------------------------------------------------------------------------

function pick<T extends object>(obj: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k as string] = v;
  }
  return out;
}

const ROLE_KEYS = ['title', 'from', 'to', 'asOf'] as const satisfies readonly (keyof Role)[];
const ENTITY_KEYS = ['id', 'name', 'type', 'subtype', 'aliases', 'shortNames', 'roles', 'country', 'party', 'born', 'population', 'from', 'to', 'note', 'url', 'prominence', 'commonWord', 'oneCountryName', 'sources'] as const satisfies readonly (keyof PackEntity)[];
const COVERAGE_KEYS = ['id', 'date', 'title', 'summary', 'source', 'url', 'entities', 'topics'] as const satisfies readonly (keyof CoverageRecord)[];
const LICENSE_KEYS = ['id', 'covers', 'license', 'url', 'attribution'] as const satisfies readonly (keyof License)[];

export function encodeEntity(e: PackEntity): string {
  const o = pick(e, ENTITY_KEYS);
  if (e.roles?.length) o.roles = e.roles.map((r) => pick(r, ROLE_KEYS));
  if (o.source === '') delete o.source;
  return JSON.stringify(o);
}

export function encodeCoverage(c: CoverageRecord): string {
  const o = pick(c, COVERAGE_KEYS);
  if (o.source === '') delete o.source;
  return JSON.stringify(o);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Deterministic text of a pack: same pack → byte-identical output. */
export function encodePack(pack: Pack): string {
  const head = pick(pack, ['format', 'formatVersion', 'id', 'name', 'version', 'description'] as const);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(head)) parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const licenses = [...pack.licenses].sort(byId).map((l) => JSON.stringify(pick(l, LICENSE_KEYS)));
  parts.push(`"licenses":[\n${licenses.join(',\n')}\n]`);
  const entities = [...pack.entities].sort(byId).map(encodeEntity);
  parts.push(`"entities":[${entities.length ? `\n${entities.join(',\n')}\n` : ''}]`);
  const coverage = [...pack.coverage]
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || byId(a, b))
    .map(encodeCoverage);
  parts.push(`"coverage":[${coverage.length ? `\n${coverage.join(',\n')}\n` : ''}]`);
  return `{${parts.join(',\n')}}\n`;
}
