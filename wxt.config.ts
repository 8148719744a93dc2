import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One codebase, two manifests: Firefox-only keys stay out of Chrome's manifest.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Context for news pages, on your device: who is who, what came before, and which passages are opinion.',
    // storage: settings; activeTab is not needed because the content script reports to the background itself.
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
