/**
 * The reader's keyboard shortcuts (the manifest's `commands`, rebindable in the browser's shortcut settings)
 * and the entries of the selection's context menu (issue 13). Both come from the browser, never from a page,
 * and both are handed to the page interface of the tab they were given in.
 */
import { browser } from 'wxt/browser';
import { isReaderCommand, READER_COMMAND_HOOK, type ReaderCommand } from '../../core/protocol';
import { askTab } from '../../messaging/send';

/** The context menu's entries on a selection: the statuses, as the toolbar offers them. */
const MENU_ENTRIES: { id: ReaderCommand; title: string }[] = [
  { id: 'mark-contested', title: 'Mark as contested' },
  { id: 'mark-supported', title: 'Mark as supported' },
  { id: 'mark-needs-source', title: 'Mark as needs source' },
  { id: 'mark-highlight', title: 'Highlight' },
];

/** Hand `command` to the page interface of tab `tabId`; true when it had something to act on. */
export async function runReaderCommand(command: string, tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined || !isReaderCommand(command)) return false;
  const answer = await askTab(tabId, 'tab.command', { command });
  return answer.ok && answer.value;
}

export function listenForReaderCommands(): void {
  (globalThis as Record<string, unknown>)[READER_COMMAND_HOOK] = runReaderCommand;
  browser.commands.onCommand.addListener((command, tab) => void runReaderCommand(command, tab?.id));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // The page interface lives in the top frame; a selection in another frame is not one it can mark.
    if (info.frameId === undefined || info.frameId === 0) {
      void runReaderCommand(String(info.menuItemId), tab?.id);
    }
  });
  // Entries outlive a restart of the background in Chromium; made afresh, they cannot be made twice.
  void browser.contextMenus.removeAll().then(() => {
    for (const { id, title } of MENU_ENTRIES) {
      browser.contextMenus.create({
        id,
        title,
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
    }
  });
}
