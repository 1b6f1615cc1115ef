/** How often to compare the address where the browser reports no single-page navigation. */
const ADDRESS_CHECK_MS = 1000;

/**
 * Call `listener` when the page moves to another address without loading a new document: back and forward
 * (`popstate`), and a single-page site's `history.pushState`. The Navigation API reports the latter where the
 * browser has it (Chromium); Firefox ESR 140 has not, and a page script's `pushState` fires no event a content
 * script can hear, so there the address is compared once a second, a string comparison.
 */
export function onPageNavigation(listener: () => void): void {
  window.addEventListener('popstate', listener);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', listener);
    return;
  }
  let address = location.href;
  setInterval(() => {
    if (location.href === address) return;
    address = location.href;
    listener();
  }, ADDRESS_CHECK_MS);
}
