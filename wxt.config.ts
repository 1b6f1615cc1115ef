import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Our own `storage/` folder holds the database; WXT's auto-imported `storage` helper would shadow it.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Counterpoint',
    description:
      'Mark the claims of an article as contested or supported, attach the comments that rebut them, and share your notes.',
    // A fixed id keeps the Firefox add-on's storage across reinstalls and lets tests install it.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpoint@counterpoint.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Android's Firefox learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '128' }),
    action: { default_title: 'Counterpoint notes' },
    // The content script loads its full interface from here only on pages that need it, and frames the
    // claim card, an extension page, so that what the reader types stays out of the page's reach.
    web_accessible_resources: [
      { resources: ['page-ui.js', 'card.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
  }),
});
