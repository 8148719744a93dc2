import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defaultPackAsset } from './lib/build/default-pack-plugin';
import { eagerCompileHint } from './lib/build/compile-hint-plugin';

/**
 * The popup's stylesheets go inline into popup.html (issue #8, popup first render with data).
 * Each <link rel="stylesheet"> is a request to the browser for an extension file, and the popup's
 * module script may not run until every stylesheet has arrived: in a traced popup load one CSS
 * file arrived ~100 ms after the scripts and held the module back that long. Inline, the popup's
 * only requests are its scripts. (MV3's default extension-page CSP limits scripts, not styles.)
 * A CSS file no other page links is dropped from the build.
 */
export function inlinePopupStyles(): Plugin {
  const link = /<link rel="stylesheet"(?: crossorigin)? href="\/?([^"]+\.css)">/g;
  return {
    name: 'backstory:inline-popup-styles',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // Vite names the page after its source (entrypoints/popup/index.html); WXT moves it later.
      const html = Object.values(bundle).find((a) => a.type === 'asset' && /(^|\/)popup(\/index)?\.html$/.test(a.fileName));
      if (html?.type !== 'asset') return;
      const inlined = new Set<string>();
      html.source = String(html.source).replace(link, (tag, file: string) => {
        const css = bundle[file];
        if (css?.type !== 'asset') return tag;
        inlined.add(file);
        return `<style>${String(css.source).trim()}</style>`;
      });
      const linkedElsewhere = (file: string) =>
        Object.values(bundle).some((a) => a.type === 'asset' && a.fileName.endsWith('.html') && a !== html && String(a.source).includes(file));
      for (const file of inlined) if (!linkedElsewhere(file)) delete bundle[file];
    },
  };
}

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
    // The rest of the content script (full gate and reader) compiles whole while it streams in,
    // off the page's main thread (#8).
    plugins: [preact(), defaultPackAsset(), inlinePopupStyles(), eagerCompileHint(['article-reader.js'])],
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
    // activeTab + scripting (issue #8; neither shows an install warning): when the user opens the
    // popup on a tab, the popup reads why the page is not an article from the eager content
    // script's isolated world (lib/page/status-global.ts), so that script needs no message
    // listener, and a page that is not an article touches no extension API (~1.3 ms each in Chromium).
    // No `tabs`, no host permissions: the content script (matches http/https) reports articles to
    // the background itself.
    permissions: ['storage', 'activeTab', 'scripting'],
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
    // The rest of the content script (issue #8): the full gate and the reader in one module,
    // imported by the first look (content-gate.js) only where its pre-gate cannot settle a page.
    // Chrome: a per-session URL, so pages cannot probe for the extension with it.
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
