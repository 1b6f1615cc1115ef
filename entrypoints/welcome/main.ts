/**
 * The first-run page (issue 13): shows the shortcuts as the browser has them now, since the reader may have
 * changed them, or the browser may have left one unset because another extension had it.
 */
import { browser } from 'wxt/browser';

void browser.commands.getAll().then((commands) => {
  for (const { name, shortcut } of commands) {
    const key = document.querySelector<HTMLElement>(`kbd[data-command="${name}"]`);
    if (key) key.textContent = shortcut || 'no key set';
  }
});
