/** Test seam: pages and selections for the anchoring tests, built without assigning HTML to a live element. */

/** Parse `html` as a whole document and return its body. */
export function page(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
}

/** Parse `html` and make it the whole body of `doc`, a live document; returns the body. */
export function mountPage(doc: Document, html: string): HTMLElement {
  const parsed = page(html);
  doc.body.replaceChildren(...Array.from(doc.adoptNode(parsed).childNodes));
  return doc.body;
}

/** A range over the first occurrence of `words` inside one text node under `root`. */
export function rangeOver(root: Element, words: string): Range {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(words);
    if (at >= 0) {
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      return range;
    }
  }
  throw new Error(`no text node holds "${words}"`);
}
