import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One codebase, two manifests: Firefox-only keys stay out of Chrome's.
// Both browsers get Manifest V3 (WXT defaults Firefox to MV2), so the Firefox build lands in
// .output/firefox-mv3 — the directory `npm run lint:firefox` checks.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // Data files imported with `?url` (the default pack) are always emitted as files and fetched
    // from the extension's origin, never inlined as data: URLs into the worker.
    build: { assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined) },
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    // Required by the browsers because public/_locales exists (UI strings, ready for translation).
    default_locale: 'en',
    description: 'Context for news pages, on your device: who is who, what came before, and which passages are opinion.',
    // storage: settings, installed packs' metadata, per-tab reports (storage.session).
    // No `tabs`, no `activeTab`, no host permissions: the content script (matches http/https)
    // reports to the background itself, and the popup only needs the active tab's id.
    permissions: ['storage'],
    commands: {
      'toggle-opinion': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Toggle opinion highlighting',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
