import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb } from '../../storage/db';
import { createCardRelay } from './card-relay';
import { listenForReaderCommands } from './reader-commands';
import { createRouter } from './router';
import { createTabControl } from './tabs';

export default defineBackground(() => {
  const extensionRoot = browser.runtime.getURL('/');
  const route = createRouter({
    db: openDb(),
    tabs: createTabControl(),
    extensionId: browser.runtime.id,
    extensionRoot,
    now: () => new Date().toISOString(),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  const relay = createCardRelay(browser.runtime.id, extensionRoot, route);
  browser.runtime.onConnect.addListener((port) => void relay(port));
  listenForReaderCommands();
  // The first-run page shows how to mark a claim, attach a rebuttal and find the notes page (issue 13).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
