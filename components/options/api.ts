/**
 * The real OptionsApi: the background (dataset info, change notices) and lib/store (IndexedDB:
 * installed packs, reading history). The options page shares the extension's origin, so it opens
 * the same IndexedDB as the background.
 */
import { browser } from 'wxt/browser';
import type { UiToBg } from '../../lib/messaging';
import * as store from '../../lib/store/index';
import type { DatasetInfoLike, InstallResult, OptionsApi, PackInfo } from './OptionsApp';

/** 0..1 from whatever progress shape the store reports (a fraction, or {done,total}). */
export function progressFraction(p: unknown): number {
  if (typeof p === 'number') return p > 1 ? p / 100 : p;
  if (p && typeof p === 'object') {
    const o = p as Record<string, unknown>;
    const done = Number(o.done ?? o.loaded ?? o.current ?? 0);
    const total = Number(o.total ?? 0);
    if (total > 0) return done / total;
    if (typeof o.fraction === 'number') return o.fraction;
  }
  return 0;
}

/** lib/store's PackSummary ({id, name, version, counts: {entities, coverage}, licenses}) as a PackInfo. */
export function packInfoOf(p: unknown): PackInfo | null {
  if (!p || typeof p !== 'object') return null;
  const o = p as Record<string, unknown>;
  if (typeof o.id !== 'string') return null;
  const counts = (o.counts ?? o) as Record<string, unknown>;
  return {
    id: o.id,
    name: typeof o.name === 'string' ? o.name : o.id,
    version: typeof o.version === 'string' ? o.version : '',
    entities: Number(counts.entities ?? 0),
    coverage: Number(counts.coverage ?? 0),
    licenses: Array.isArray(o.licenses) ? (o.licenses as PackInfo['licenses']) : [],
  };
}

/** Throw the error of a failed Result (removePack and clearHistory answer Results). */
function check(reply: unknown): void {
  if (reply && typeof reply === 'object' && 'ok' in reply && !(reply as { ok: boolean }).ok) {
    throw new Error(String((reply as { error?: unknown }).error ?? 'failed'));
  }
}

/** A store reply as a Result: Result values pass through, thrown errors become their message. */
function asInstallResult(reply: unknown): InstallResult {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as { ok: boolean; value?: unknown; error?: unknown };
    if (!r.ok) return { ok: false, error: String(r.error ?? 'The pack could not be installed.') };
    reply = r.value;
  }
  const o = (reply ?? {}) as Record<string, unknown>;
  const meta = ((o.meta ?? o.pack ?? o) as Record<string, unknown>) ?? {};
  return { ok: true, value: { name: String(meta.name ?? meta.id ?? 'pack'), version: typeof meta.version === 'string' ? meta.version : undefined } };
}

export function browserOptionsApi(): OptionsApi {
  const send = (msg: UiToBg) => browser.runtime.sendMessage(msg);
  return {
    async datasetInfo() {
      const reply = (await send({ type: 'ui:get-dataset-info' })) as { ok: true; value: DatasetInfoLike } | { ok: false; error: string } | undefined;
      return reply ?? { ok: false, error: 'No answer from the background.' };
    },
    async importedPacks() {
      const list = await store.listPacks();
      return list.map(packInfoOf).filter((p): p is PackInfo => p !== null);
    },
    async installPack(text, onProgress) {
      try {
        return asInstallResult(await store.installPack(text, (p) => onProgress(progressFraction(p))));
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    async removePack(id) {
      check(await store.removePack(id));
    },
    async historyCount() {
      return store.historyCount();
    },
    async clearHistory() {
      check(await store.clearHistory());
    },
    async notify(type) {
      await send({ type });
    },
  };
}
