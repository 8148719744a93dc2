/**
 * The real OptionsApi: the background (dataset info, change notices) and lib/store (IndexedDB:
 * installed packs, reading history). The options page shares the extension's origin, so it opens
 * the same IndexedDB as the background.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { Result, UiToBg } from '../../lib/messaging';
import * as store from '../../lib/store/index';
import type { PackSummary } from '../../lib/store/index';
import type { DatasetInfoLike, OptionsApi, PackInfo } from './OptionsApp';

/** lib/store's PackSummary as the page lists it. */
export function packInfoOf(p: PackSummary): PackInfo {
  return { id: p.id, name: p.name, version: p.version, entities: p.counts.entities, coverage: p.counts.coverage, licenses: p.licenses };
}

/** Throw the error of a failed Result (removePack and clearHistory answer Results). */
function check(reply: Result<unknown>): void {
  if (!reply.ok) throw new Error(reply.error);
}

export function browserOptionsApi(): OptionsApi {
  const send = (msg: UiToBg) => browser.runtime.sendMessage(msg);
  return {
    async datasetInfo() {
      const reply = (await send({ type: 'ui:get-dataset-info' })) as Result<DatasetInfoLike> | undefined;
      return reply ?? { ok: false, error: t('errorNoAnswer') };
    },
    async importedPacks() {
      return (await store.listPacks()).map(packInfoOf);
    },
    async installPack(text, onProgress) {
      const res = await store.installPack(text, onProgress);
      return res.ok ? { ok: true, value: packInfoOf(res.value) } : res;
    },
    async removePack(id) {
      check(await store.removePack(id));
    },
    historyCount: () => store.historyCount(),
    async clearHistory() {
      check(await store.clearHistory());
    },
    async forgetSite(host) {
      const reply = await store.forgetSite(host);
      check(reply);
      return reply.ok ? reply.value.removed : 0;
    },
    async notify(type) {
      await send({ type });
    },
  };
}
