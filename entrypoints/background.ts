/**
 * Background: owns the knowledge (packs → indexes), each tab's report, and the reading history.
 * Thin wiring only; the logic lives in lib/background/*.
 */
import { articleAnalysis } from '~/lib/analyze';
import { createKnowledgeSource } from '~/lib/background/knowledge-source';
import { createMessageHandler } from '~/lib/background/handlers';
import { loadAllPacks, loadPackagedPack } from '~/lib/background/packs';
import { idbPackCache } from '~/lib/background/pack-cache';
import { TabReports } from '~/lib/background/tab-reports';
import { createHistoryPort, loadInstalledPacks } from '~/lib/background/store-port';
import { handleCommand } from '~/lib/background/commands';
import type { Result } from '~/lib/messaging';

// The default pack, emitted by wxt.config.ts as a gzip file next to the worker (never inlined).
// null when the checkout has no generated pack: the extension then runs on installed packs only.
import DEFAULT_PACK_URL, { key as DEFAULT_PACK_KEY } from 'virtual:backstory-default-pack';

const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // The default pack and the installed packs load side by side (lib/background/packs.ts). The
  // default pack's inflated image is kept in its own IndexedDB database after the first load and
  // read from there by later worker starts (lib/background/pack-cache.ts).
  const packCache = DEFAULT_PACK_KEY ? idbPackCache() : null;
  // A cached image that fails its checksum after being handed out: load the knowledge again (from the shards).
  const cached = packCache && DEFAULT_PACK_KEY ? { key: DEFAULT_PACK_KEY, cache: packCache, onCorrupt: () => knowledge.invalidate() } : null;
  const knowledge = createKnowledgeSource(() =>
    loadAllPacks(() => loadPackagedPack(DEFAULT_PACK_URL, (p) => browser.runtime.getURL(p as '/'), fetch, cached), loadInstalledPacks, log),
  );

  const reports = new TabReports(browser.storage.session ?? null, log);
  const currentReportId = async (tabId: number): Promise<string | null> => {
    try {
      const reply = (await browser.tabs.sendMessage(tabId, { type: 'bg:report-id' }, { frameId: 0 })) as Result<string | null> | undefined;
      return reply?.ok ? reply.value : null;
    } catch {
      return null; // no content script in that document
    }
  };
  const handle = createMessageHandler({ self, knowledge, reports, analyze: articleAnalysis, history: createHistoryPort(log), currentReportId, log });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !/^(cs|ui):/.test(type)) return undefined;
    return handle(message, sender);
  });

  // Building the knowledge takes a while: start it as soon as the worker starts (browser start,
  // install/update, or a wake-up after the worker was stopped for idleness), so a content script's
  // message finds it under way or done. knowledge.get() shares one build among all askers.
  const warmUp = (): void => void knowledge.get().catch((err: unknown) => log('knowledge build failed', err));
  warmUp();
  browser.runtime.onStartup.addListener(warmUp);
  browser.runtime.onInstalled.addListener(warmUp);

  browser.tabs.onRemoved.addListener((tabId) => void handle.closeTab(tabId).catch((err: unknown) => log('tab close failed', err)));
  // No tabs.onUpdated here: without the `tabs` permission it cannot tell an in-page jump
  // (#section, which keeps the article) from a new document. The handler instead asks the
  // page which report it shows (bg:report-id) whenever the popup wants one.

  browser.commands?.onCommand.addListener((command) => {
    handleCommand(command).catch((err: unknown) => log('command failed', command, err));
  });
});
