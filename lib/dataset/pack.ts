/**
 * Dataset packs as text: parse + validate (zod) and encode deterministically.
 *
 *   parsePack(text)                 → Result<Pack>; the error names the first bad record,
 *                                     e.g. `entities[123] (id "Q1").type: expected one of …`,
 *                                     and says its kind (not a pack / newer / older / damaged)
 *                                     so a reader-facing page can word it plainly
 *   parsePack(text, { trusted })    → same result, but records are not validated one by one
 *                                     (for the default pack the extension ships: ~10× faster)
 *   encodePack(pack)                → stable key order, entities sorted by id, coverage by
 *                                     date then id, empty fields left out, one record per line.
 */
import { z } from 'zod';
import { lazily } from '../lazy';
import { Pack, PACK_FORMAT, PACK_FORMAT_VERSION, type CoverageRecord, type License, type PackEntity, type Role } from './schema';

/**
 * Why a text is not a readable pack, for the reader-facing sentence (the options page):
 * - `not-a-pack`: not JSON, or JSON without `"format": "backstory-pack"` (some other file);
 * - `newer` / `older`: a pack whose formatVersion this build does not read;
 * - `damaged`: it says it is a pack but is cut short (bad JSON) or a record fails the schema.
 */
export type PackErrorKind = 'not-a-pack' | 'newer' | 'older' | 'damaged';

/** The first bad record of a damaged pack: its list, 0-based position and id when it has one. */
export interface BadRecord {
  list: string;
  index: number;
  id?: string;
}

export type PackFailure = { ok: false; error: string; kind: PackErrorKind; record?: BadRecord };
export type PackResult<T> = { ok: true; value: T } | PackFailure;

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

function badRecord(path: readonly PropertyKey[], data: unknown): BadRecord | undefined {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number') return undefined;
  const rows = (data as Record<string, unknown>)[list];
  const row = Array.isArray(rows) ? (rows[index] as { id?: unknown } | undefined) : undefined;
  return row && typeof row === 'object' && typeof row.id === 'string' ? { list, index, id: row.id } : { list, index };
}

function damaged(error: z.ZodError, data: unknown): PackFailure {
  // zod reports issues in input order; the first one is the first bad record.
  const issue = error.issues[0]!;
  const out: PackFailure = { ok: false, kind: 'damaged', error: `${pathText(issue.path, data)}: ${issueText(issue)}` };
  const record = badRecord(issue.path, data);
  if (record) out.record = record;
  return out;
}

/** A text that names the pack format near its start: a pack file, even if cut short. */
const SAYS_PACK = new RegExp(`"format"\\s*:\\s*"${PACK_FORMAT}"`);

// Built on first use like the schemas it extends (schema.ts): worker starts never parse a pack.
const TopLevel = /* @__PURE__ */ lazily(() => Pack.extend({ entities: z.array(z.unknown()).default([]), coverage: z.array(z.unknown()).default([]) }));

export function parsePack(text: string, opts: ParseOptions = {}): PackResult<Pack> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const kind = SAYS_PACK.test(text.slice(0, 4096)) ? 'damaged' : 'not-a-pack';
    return { ok: false, kind, error: `not valid JSON (${(err as Error).message})` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, kind: 'not-a-pack', error: 'expected a JSON object with "format": "backstory-pack"' };
  const obj = data as Record<string, unknown>;
  if (obj.format !== PACK_FORMAT) return { ok: false, kind: 'not-a-pack', error: `format: expected "${PACK_FORMAT}", got ${JSON.stringify(obj.format)}` };
  if (obj.formatVersion !== PACK_FORMAT_VERSION) {
    // A later build may read a higher version, an earlier one wrote a lower one; a missing or
    // non-numeric version is a header edited by hand.
    const v = obj.formatVersion;
    const kind = typeof v !== 'number' ? 'damaged' : v > PACK_FORMAT_VERSION ? 'newer' : 'older';
    return { ok: false, kind, error: `formatVersion: this version of Backstory reads version ${PACK_FORMAT_VERSION}, the pack says ${JSON.stringify(obj.formatVersion)}` };
  }
  if (opts.trusted) {
    const top = TopLevel.safeParse(data);
    if (!top.success) return damaged(top.error, data);
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
  if (!parsed.success) return damaged(parsed.error, data);
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
const ENTITY_KEYS = ['id', 'name', 'type', 'subtype', 'aliases', 'shortNames', 'roles', 'country', 'party', 'born', 'died', 'population', 'from', 'to', 'note', 'url', 'prominence', 'commonWord', 'oneCountryName', 'sources'] as const satisfies readonly (keyof PackEntity)[];
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
