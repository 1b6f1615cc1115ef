import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb } from '../../storage/db';
import { pruneHistory } from '../../storage/history';
import { createCardRelay } from './card-relay';
import { listenForReaderCommands } from './reader-commands';
import { createRouter } from './router';
import { createTabControl } from './tabs';

export default defineBackground(() => {
  const extensionRoot = browser.runtime.getURL('/');
  const db = openDb();
  const now = () => new Date().toISOString();
  const route = createRouter({
    db,
    tabs: createTabControl(),
    extensionId: browser.runtime.id,
    extensionRoot,
    now,
  });
  // Each start prunes the history to its rule; with nothing to prune, that is one read.
  pruneHistory(db, now()).catch((error: unknown) =>
    console.warn('Counterpoint could not prune the history of replaced notes', error),
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  const relay = createCardRelay(browser.runtime.id, extensionRoot, route);
  browser.runtime.onConnect.addListener((port) => void relay(port));
  listenForReaderCommands();
  // The first-run page shows how to mark a claim, attach a rebuttal and find the notes page (issue 13).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
