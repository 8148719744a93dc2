/**
 * Reader-installed packs in IndexedDB: install (validate, then one transaction), list, remove,
 * load. A pack that fails validation, is too big, or does not fit in storage leaves what was
 * installed untouched: nothing is written before validation passes, and the write of body and
 * summary is a single transaction that aborts as a whole.
 */
import type { License, Pack } from '../dataset/schema';
import { parsePack, type BadRecord, type PackFailure } from '../dataset/pack';
import { formatTextNumber, t, type MessageKey } from '../i18n';
import { fail, ok, type Result } from '../messaging';
import { PACKS, PACK_META, abortQuietly, requestValue, storageErrorText, transactionDone } from './db';

/** Largest pack text accepted (UTF-16 code units ≈ bytes for JSON). */
export const MAX_PACK_CHARS = 64 * 1024 * 1024;
/** The bundled pack's id: an installed pack may not take it. */
export const RESERVED_PACK_IDS = new Set(['default']);

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  description?: string;
  counts: { entities: number; coverage: number; coverageWithProse: number };
  licenses: License[];
  /** ms since epoch. */
  installedAt: number;
  /** Size of the text that was installed. */
  chars: number;
  /** True when this install replaced an earlier version of the same pack. */
  replaced?: boolean;
}

export function summaryOf(pack: Pack, chars: number, installedAt: number): PackSummary {
  const summary: PackSummary = {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    counts: {
      entities: pack.entities.length,
      coverage: pack.coverage.length,
      coverageWithProse: pack.coverage.filter((c) => c.title || c.summary).length,
    },
    licenses: pack.licenses,
    installedAt,
    chars,
  };
  if (pack.description) summary.description = pack.description;
  return summary;
}

/**
 * A result whose failure may carry the parser's technical words besides the reader's sentence
 * (the options page shows them folded away, for whoever made the pack).
 */
export type InstallResult<T> = Result<T> | { ok: false; error: string; detail: string };

const RECORD_KINDS: Record<string, MessageKey> = {
  entities: 'storeRecordKindEntities',
  coverage: 'storeRecordKindCoverage',
  licenses: 'storeRecordKindLicenses',
};

/** "the entity “Q1” (no. 4)" / "news item no. 2": the first bad record, counted from 1. */
function recordText(r: BadRecord): string {
  const kind = t(RECORD_KINDS[r.list] ?? 'storeRecordKindOther');
  const number = formatTextNumber(r.index + 1);
  return r.id === undefined ? t('storeRecordAt', [kind, number]) : t('storeRecordWithId', [kind, r.id, number]);
}

/** The reader's sentence for a text parsePack refused: what kind of file it is, not zod's words. */
export function packFailureText(f: PackFailure): string {
  switch (f.kind) {
    case 'not-a-pack':
      return t('storePackNotAPack');
    case 'newer':
      return t('storePackNewer');
    case 'older':
      return t('storePackOlder');
    case 'damaged':
      return f.record ? t('storePackDamagedAt', recordText(f.record)) : t('storePackDamaged');
  }
}

/** Parse and check a pack's text without touching storage. */
export function validatePackText(text: string): InstallResult<Pack> {
  if (typeof text !== 'string' || text.length === 0) return fail(t('storeFileEmpty'));
  if (text.length > MAX_PACK_CHARS) {
    return fail(t('storePackTooBig', [formatTextNumber(Math.round((text.length / 1048576) * 10) / 10, 1), formatTextNumber(MAX_PACK_CHARS / 1048576, 1)]));
  }
  const parsed = parsePack(text);
  if (!parsed.ok) return { ok: false, error: packFailureText(parsed), detail: parsed.error };
  const pack = parsed.value;
  if (RESERVED_PACK_IDS.has(pack.id)) return fail(t('storePackReserved', pack.id));
  return ok(pack);
}

export async function installPackInto(
  db: IDBDatabase,
  text: string,
  onProgress?: (fraction: number) => void,
  now: () => number = Date.now,
): Promise<InstallResult<PackSummary>> {
  onProgress?.(0);
  const valid = validatePackText(text);
  if (!valid.ok) return valid;
  onProgress?.(0.6);
  const pack = valid.value;
  const summary = summaryOf(pack, text.length, now());
  let tx: IDBTransaction | undefined;
  try {
    tx = db.transaction([PACKS, PACK_META], 'readwrite');
    const done = transactionDone(tx);
    const meta = tx.objectStore(PACK_META);
    const existing = await requestValue(meta.get(pack.id));
    if (existing) summary.replaced = true;
    tx.objectStore(PACKS).put({ id: pack.id, pack });
    meta.put(summary);
    await done;
  } catch (err) {
    abortQuietly(tx);
    return fail(storageErrorText(err, 'storeActionInstallNamedPack', [pack.name]));
  }
  onProgress?.(1);
  return ok(summary);
}

export async function listPacksIn(db: IDBDatabase): Promise<PackSummary[]> {
  const tx = db.transaction(PACK_META, 'readonly');
  const rows = await requestValue(tx.objectStore(PACK_META).getAll());
  return (rows as PackSummary[]).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function removePackFrom(db: IDBDatabase, id: string): Promise<Result<{ removed: boolean }>> {
  let tx: IDBTransaction | undefined;
  try {
    tx = db.transaction([PACKS, PACK_META], 'readwrite');
    const done = transactionDone(tx);
    const existed = (await requestValue(tx.objectStore(PACK_META).count(id))) > 0;
    tx.objectStore(PACKS).delete(id);
    tx.objectStore(PACK_META).delete(id);
    await done;
    return ok({ removed: existed });
  } catch (err) {
    abortQuietly(tx);
    return fail(storageErrorText(err, 'storeActionRemovePack'));
  }
}

/** Installed packs, in name order (the background merges them after the default pack). */
export async function loadPacksFrom(db: IDBDatabase): Promise<Pack[]> {
  const order = (await listPacksIn(db)).map((s) => s.id);
  const tx = db.transaction(PACKS, 'readonly');
  const rows = (await requestValue(tx.objectStore(PACKS).getAll())) as { id: string; pack: Pack }[];
  const byId = new Map(rows.map((r) => [r.id, r.pack]));
  return order.map((id) => byId.get(id)).filter((p): p is Pack => !!p);
}
