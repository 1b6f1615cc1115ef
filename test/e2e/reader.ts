/**
 * A reader's actions and observations, over any page the driver gives: selecting with the mouse, clicking
 * what is on screen, and reading which text is highlighted in which status.
 */
import type { PageLike, ScriptTarget, Tab } from './driver';
import { waitFor } from './driver';
import { parseComputedColor } from '../../core/color-scheme';
import { HIGHLIGHT_LAYERS } from '../../core/highlighter';

/** Claim sentences of the demo article (`demo/article.html`). */
export const CLAIMS = {
  traffic:
    'Since the Quarry Lane cycleway opened in March, car traffic on Quarry Lane has fallen by 38 percent.',
  footfall:
    'Footfall at the shops on Chandler Street rose by a third over the summer, according to the traders’ association.',
};

interface Point {
  x: number;
  y: number;
}

/**
 * Where the `sentence` starts and ends on screen, scrolling it into view first. Whitespace is compared
 * collapsed, as the reader sees it.
 */
export async function locateText(
  page: PageLike,
  sentence: string,
): Promise<{ start: Point; middle: Point; end: Point }> {
  const found = await page.evaluate((wanted: string) => {
    const chars: { node: Text; offset: number }[] = [];
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const char = /\s/.test(data.charAt(i)) ? ' ' : data.charAt(i);
        if (char === ' ' && text.endsWith(' ')) continue;
        text += char;
        chars.push({ node, offset: i });
      }
    }
    const at = text.indexOf(wanted);
    if (at < 0) return null;
    chars[at]?.node.parentElement?.scrollIntoView({ block: 'center' });
    // Inline callbacks only: a named local function would not survive the trip into the page under tsx.
    const [first, last, mid] = [at, at + wanted.length - 1, at + Math.floor(wanted.length / 2)].map(
      (index) => {
        const { node, offset } = chars[index] ?? { node: document.body, offset: 0 };
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      },
    ) as [DOMRect, DOMRect, DOMRect];
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      middle: { x: mid.left + mid.width / 2, y: mid.top + mid.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, sentence);
  if (!found) throw new Error(`The page does not show “${sentence}”`);
  return found;
}

/** Drag the mouse across `sentence`, as a reader selects it. */
export async function selectWithMouse(page: PageLike, sentence: string): Promise<void> {
  const { start, end } = await locateText(page, sentence);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

/**
 * One range Counterpoint paints: its layer (a status, `rebuttal` or `flash`), its text, whether it is on screen,
 * and where it is in its document's viewport.
 */
interface PaintedRange {
  layer: string;
  text: string;
  inView: boolean;
  top: number;
  bottom: number;
}

/** Each layer's background as numbers (`[r, g, b, alpha]`), to recognise it in a computed colour. */
const LAYER_BACKGROUNDS = Object.entries(HIGHLIGHT_LAYERS).map(([layer, { css }]): [string, number[]] => {
  const background = /background-color:\s*([^;]+)/.exec(css)?.[1] ?? '';
  return [layer, (background.match(/[\d.]+/g) ?? []).map(Number)];
});

/**
 * Every range Counterpoint paints, found as any page script could find it: highlight names are random, so
 * each highlight in the registry is recognised by its computed colour, which `getComputedStyle` exposes.
 */
async function paintedRanges(page: ScriptTarget): Promise<PaintedRange[]> {
  return page.evaluate((backgrounds: [string, number[]][]) => {
    const found: PaintedRange[] = [];
    CSS.highlights.forEach((highlight, name) => {
      const computed = getComputedStyle(document.documentElement, `::highlight(${name})`).backgroundColor;
      const channels = (computed.match(/[\d.]+/g) ?? []).map(Number);
      if (channels.length === 3) channels.push(1);
      const layer = backgrounds.find(([, wanted]) =>
        wanted.every((value, i) => Math.abs(value - (channels[i] ?? NaN)) < 0.01),
      )?.[0];
      if (!layer) return;
      for (const range of highlight) {
        const box = (range as Range).getBoundingClientRect();
        found.push({
          layer,
          text: range.toString().replace(/\s+/g, ' ').trim(),
          inView: box.top >= 0 && box.bottom <= window.innerHeight,
          top: box.top,
          bottom: box.bottom,
        });
      }
    });
    return found;
  }, LAYER_BACKGROUNDS);
}

/** The texts Counterpoint highlights, by status (or `rebuttal`), whitespace collapsed; read as any page could. */
export async function highlightedTexts(page: ScriptTarget): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { layer, text } of await paintedRanges(page)) {
    if (layer !== 'flash') (found[layer] ??= []).push(text);
  }
  return found;
}

/** Select `sentence` with the mouse and mark it with the toolbar, then wait until it is highlighted so. */
export async function mark(tab: Tab, sentence: string, status = 'contested'): Promise<void> {
  await selectWithMouse(tab.page, sentence);
  await clickInOverlay(tab, `.choice-${status}`);
  await waitFor(`“${sentence.slice(0, 20)}…” marked ${status}`, async () =>
    (await highlightedTexts(tab.page))[status]?.includes(sentence),
  );
}

/** How long a quick reader holds the mouse button down in a click. */
const READER_PRESS_MS = 60;

/** Click the centre of the overlay element matching `selector` (and holding `text` or named by it, if given). */
export async function clickInOverlay(tab: Tab, selector: string, text?: string): Promise<void> {
  const matching = async (scrollTo?: string) =>
    (await tab.overlay.query(selector, scrollTo)).find(
      (candidate) => candidate.text.includes(text ?? '') || !!candidate.label?.includes(text ?? ''),
    );
  let last = await waitFor(`${selector} in the overlay`, () => matching(text ?? ''));
  // Click once it has stopped moving, as a reader would: input is hit-tested against what is on screen, and the
  // card settles its size and scroll after it opens.
  const element = await waitFor(`${selector} to stay put in the overlay`, async () => {
    await new Promise((done) => setTimeout(done, 50));
    const now = await matching();
    const still = now && now.x === last.x && now.y === last.y ? now : null;
    if (now) last = now;
    return still;
  });
  // Held as long as a quick reader's press. The card takes the keyboard on the press, and Chromium needs a few
  // milliseconds to move it into the card's out-of-process frame: a key sent 0 ms after a 0 ms click (as a driver
  // clicks) can still reach the page, a key typed after a reader's click cannot.
  await tab.page.mouse.click(element.x + element.width / 2, element.y + element.height / 2, {
    delay: READER_PRESS_MS,
  });
}

/** Click the element of an ordinary page (the popup, the notes page) matching `selector` and holding `text`. */
export async function clickOnPage(page: PageLike, selector: string, text: string): Promise<void> {
  const point = await waitFor(`${selector} “${text}”`, () =>
    page.evaluate(
      ([css, wanted]: [string, string]) => {
        const element = [...document.querySelectorAll(css)].find((candidate) =>
          candidate.textContent?.includes(wanted),
        );
        if (!element) return null;
        element.scrollIntoView({ block: 'center' });
        const box = element.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      },
      [selector, text] as [string, string],
    ),
  );
  await page.mouse.click(point.x, point.y);
}

/**
 * Click the button matching `button` inside the list row (of the popup or notes page; `rows` names the list's
 * rows, the claims' by default) that holds `text`.
 */
export async function clickInRow(
  page: PageLike,
  text: string,
  button: string,
  rows = '.claims > li',
): Promise<void> {
  const point = await waitFor(`${button} in the row “${text}”`, () =>
    page.evaluate(
      ([wanted, css, rowCss]: [string, string, string]) => {
        const row = [...document.querySelectorAll(rowCss)].find((candidate) =>
          candidate.textContent?.includes(wanted),
        );
        const target = row?.querySelector(css);
        if (!target) return null;
        const box = target.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      },
      [text, button, rows] as [string, string, string],
    ),
  );
  await page.mouse.click(point.x, point.y);
}

/** The visible text of an ordinary page, whitespace collapsed. */
export async function pageText(page: PageLike): Promise<string> {
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '), null);
}

/**
 * The text of every row of the popup's or notes page's list, as a reader scrolling it from top to bottom reads
 * it: the list draws only the rows in view.
 */
export async function listedText(page: PageLike): Promise<string> {
  return page.evaluate(async () => {
    const scroller = document.querySelector('.scroller');
    if (!scroller) return document.body.innerText.replace(/\s+/g, ' ');
    const seen: string[] = [];
    scroller.scrollTop = 0;
    for (;;) {
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      seen.push((scroller as HTMLElement).innerText.replace(/\s+/g, ' '));
      const before = scroller.scrollTop;
      scroller.scrollTop = before + scroller.clientHeight / 2;
      if (scroller.scrollTop === before) break;
    }
    return seen.join(' ');
  }, null);
}

/**
 * The status the list row holding `text` shows: its status select's chosen option where the row can change it,
 * else its badge. Read apart from the row's text, as browsers disagree on a select's `innerText`.
 */
export async function listedStatus(page: PageLike, text: string): Promise<string | null> {
  return page.evaluate((wanted: string) => {
    const row = [...document.querySelectorAll('.claims > li')].find((candidate) =>
      candidate.textContent?.includes(wanted),
    );
    const select = row?.querySelector('select');
    const shown = select ? select.selectedOptions[0] : row?.querySelector('.badge');
    return shown?.textContent ?? null;
  }, text);
}

/** Whether `sentence` is highlighted and on screen. */
export async function highlightInView(page: PageLike, sentence: string): Promise<boolean> {
  return (await paintedRanges(page)).some(({ text, inView }) => inView && text === sentence);
}

/**
 * Whether the excerpt Counterpoint paints starting with `start`, in the page's frame at `framePart`, is on
 * screen: inside the frame's own view, and that part of the frame inside the page's.
 */
export async function frameHighlightInView(tab: Tab, framePart: string, start: string): Promise<boolean> {
  const frame = await tab.frame(framePart);
  if (!frame) return false;
  const painted = (await paintedRanges(frame)).find((range) => range.text.startsWith(start));
  if (!painted?.inView) return false;
  const place = await tab.page.evaluate((part: string) => {
    const element = [...document.querySelectorAll('iframe')].find((each) => each.src.includes(part));
    return (
      element && { top: element.getBoundingClientRect().top + element.clientTop, view: window.innerHeight }
    );
  }, framePart);
  return !!place && place.top + painted.top >= 0 && place.top + painted.bottom <= place.view;
}

/** Whether a computed colour is dark: WCAG luminance under 0.18, where white text starts to read better. */
export function isDark(colour: string): boolean {
  const rgb = parseComputedColor(colour);
  if (!rgb) throw new Error(`Not a colour: ${colour}`);
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(rgb.r) + 0.7152 * linear(rgb.g) + 0.0722 * linear(rgb.b) < 0.18;
}
