/**
 * Tab work for the background, done without the `tabs` permission: rather than reading every tab's URL,
 * it asks the content scripts, which know which claims they show.
 */
import { browser } from 'wxt/browser';
import { askFrame, askTab, readAllFrames } from '../../messaging/send';
import type { TabControl } from './router';

export function createTabControl(): TabControl {
  // Which claim a tab we opened should scroll to once its content script asks for its notes.
  const pendingReveals = new Map<number, string>();

  async function everyTabId(): Promise<number[]> {
    const tabs = await browser.tabs.query({});
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  }

  return {
    async revealInOpenTab(claimId) {
      for (const tabId of await everyTabId()) {
        const answer = await askTab(tabId, 'tab.reveal', { id: claimId });
        if (answer.ok && answer.value) {
          const tab = await browser.tabs.update(tabId, { active: true });
          if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
          return true;
        }
      }
      return false;
    },
    async openAndReveal(url, claimId) {
      const tab = await browser.tabs.create({ url });
      if (tab.id !== undefined) pendingReveals.set(tab.id, claimId);
    },
    takePendingReveal(tabId) {
      const claimId = pendingReveals.get(tabId) ?? null;
      pendingReveals.delete(tabId);
      return claimId;
    },
    async openNotes(pageKey) {
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/popup.html')}?page=${encodeURIComponent(pageKey)}`,
      });
    },
    async notifyChanged(pageKey, exceptTabId) {
      const others = (await everyTabId()).filter((id) => id !== exceptTabId);
      // Tabs answer in parallel; one that has no content script simply fails to answer.
      await Promise.all(others.map((tabId) => askTab(tabId, 'tab.refresh', { pageKey })));
    },
    async showCount(tabId, count) {
      // Firefox's Manifest V2 names the toolbar button `browserAction`.
      const button = browser.action ?? browser.browserAction;
      await button.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      await button.setBadgeBackgroundColor({ tabId, color: '#b91c1c' });
    },
    askFrame,
    readFrames: readAllFrames,
    async tellTop(tabId, payload) {
      const answer = await askTab(tabId, 'tab.frame-comments', payload);
      return answer.ok && answer.value;
    },
  };
}
