import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb } from '../../storage/db';
import { createRouter } from './router';
import { createTabControl } from './tabs';

export default defineBackground(() => {
  const route = createRouter({
    db: openDb(),
    tabs: createTabControl(),
    extensionId: browser.runtime.id,
    extensionRoot: browser.runtime.getURL('/'),
    now: () => new Date().toISOString(),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
