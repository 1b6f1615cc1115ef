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
    // The selection's context menu offers the statuses (issue 13); `storage` remembers the side the reader
    // docked the claim card to, for the cards on every page.
    permissions: ['contextMenus', 'storage'],
    // Alt+Shift and a digit: neither browser nor the common desktops use these (Command+Shift+3 on a Mac
    // takes a screenshot, so there it is Control). Readers rebind them in the browser's shortcut settings.
    commands: {
      'mark-contested': {
        suggested_key: { default: 'Alt+Shift+1', mac: 'MacCtrl+Shift+1' },
        description: 'Mark the selection as contested',
      },
      'mark-supported': {
        suggested_key: { default: 'Alt+Shift+2', mac: 'MacCtrl+Shift+2' },
        description: 'Mark the selection as supported',
      },
      'mark-needs-source': {
        suggested_key: { default: 'Alt+Shift+3', mac: 'MacCtrl+Shift+3' },
        description: 'Mark the selection as needing a source',
      },
      // Chrome suggests at most four keys; this one waits for the reader to choose its key.
      'mark-highlight': { description: 'Highlight the selection' },
      'focus-bar': {
        suggested_key: { default: 'Alt+Shift+0', mac: 'MacCtrl+Shift+0' },
        description: 'Move the keyboard to Counterpoint’s bar on the page (Escape returns it)',
      },
    },
    // The content script loads its full interface from here only on pages that need it, and frames the
    // claim card, an extension page, so that what the reader types stays out of the page's reach.
    web_accessible_resources: [
      { resources: ['page-ui.js', 'card.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
  }),
});
