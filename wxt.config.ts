import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { defaultPackAsset } from './lib/build/default-pack-plugin';

// One codebase, two manifests: Firefox-only keys stay out of Chrome's.
// Both browsers get Manifest V3 (WXT defaults Firefox to MV2), so the Firefox build lands in
// .output/firefox-mv3 — the directory `npm run lint:firefox` checks.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // BACKSTORY_OUT_DIR: a private build directory (e.g. .cache/out-<name>) so parallel work in one
  // checkout does not overwrite .output/ under someone's E2E run. Point E2E_CHROME_DIR /
  // E2E_FIREFOX_DIR at <dir>/chrome-mv3 and <dir>/firefox-mv3 to test that build.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), defaultPackAsset()],
  }),
  // The sources zip (for store review) carries what builds the extension, not local artefacts.
  zip: {
    excludeSources: ['test/e2e/screenshots/**', 'test/e2e/artifacts/**', '.cache/**', '**/*.log'],
  },
  hooks: {
    // WXT takes the toolbar title from popup.html's <title>; the manifest one is translatable.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    // Translatable: extName / extDescription in public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    // Required by the browsers because public/_locales exists (UI strings, ready for translation).
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // storage: settings, installed packs' metadata, per-tab reports (storage.session).
    // No `tabs`, no `activeTab`, no host permissions: the content script (matches http/https)
    // reports to the background itself, and the popup only needs the active tab's id.
    permissions: ['storage'],
    // The content script's eager half (issue #8): a plain unlisted script (entrypoints/content-gate.ts)
    // rather than a defineContentScript entrypoint, whose wrapper and polyfill cost every page ~8 ms.
    // The CSS holds only ::highlight() rules (entrypoints/content/index.css).
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content-gate.js'],
        css: ['content-scripts/content.css'],
        run_at: 'document_idle',
      },
    ],
    // The content script's heavy half (issue #8), imported by the eager content script on likely
    // articles only. Chrome: a per-session URL, so pages cannot probe for the extension with it.
    web_accessible_resources: [
      {
        resources: ['article-reader.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'toggle-opinion': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_cmdToggleOpinion__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0', // CSS Custom Highlight API (marks, opinion highlighting) ships in Firefox 140
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
