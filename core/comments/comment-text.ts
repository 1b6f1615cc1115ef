/**
 * The readable text of a comment, as paragraphs, with numbered points kept apart.
 *
 * Commenters who rebut an article point by point ("1, Kumar Murshid is not…", "2, Ken has…") expect each point to
 * stand alone: a reader attaches point 3 to one claim and point 6 to another. So block elements, line breaks and
 * in-line numbering ("1) … 2) …") all start a new paragraph. Reply buttons, avatars, scripts and nested replies are
 * not part of a comment's own text.
 */
import { LINE_BREAKING_ELEMENTS } from '../block-elements';

const SKIPPED_TAGS = new Set([
  'button',
  'iframe',
  'img',
  'input',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'video',
  'audio',
  'canvas',
  'form',
]);

/**
 * Class tokens of what sits inside a comment's body on many platforms but is not what the commenter wrote: reply and
 * report links, vote and share buttons, and the byline blocks of themes that print them inside the body.
 */
const CONTROL_TOKEN =
  /^(?:reply|says|report|share|sharing|vote|votes|voting|likes?|flag|toolbar|actions|vcard)$|(?:^|[-_])(?:reply-link|reply-button|report-link|actions|toolbar|buttons|comment-author|comment-meta|comment-metadata|commentmetadata|comment-util)$/i;

function isControl(element: Element): boolean {
  const classes = element.getAttribute('class');
  return !!classes && classes.split(/\s+/).some((token) => CONTROL_TOKEN.test(token));
}

/** A numbered point at the start of a line: "1.", "2)", "3,", "(4)", "5 -". */
const LEADING_NUMBER = /^\(?\d{1,2}(?:[.),:]|\s[-–])\s*\S/;

/** Options for {@link commentParagraphs}. */
export interface CommentTextOptions {
  /** True for elements that belong to another comment (a nested reply), whose text is not this comment's. */
  isOtherComment?: (element: Element) => boolean;
  /** True for other elements that are about the comment rather than in it, such as its byline. */
  skip?: (element: Element) => boolean;
}

function isHidden(element: Element): boolean {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
}

/**
 * Splits "… as follows: 1) first 2) second 3) third" at in-line markers that count up from 1. The text before the
 * first marker, if any, comes first; every other piece is a numbered point.
 */
function splitInlineNumbering(line: string): string[] {
  const starts: number[] = [];
  let expected = 1;
  for (const m of line.matchAll(/(?:^|\s)\(?(\d{1,2})[.)]\s+(?=\S)/g)) {
    if (Number(m[1]) !== expected) continue;
    starts.push(m.index + (m[0].startsWith(' ') ? 1 : 0));
    expected += 1;
  }
  // One "1." alone is usually a version number or a date, not a list.
  if (starts.length < 2) return [line];
  const pieces: string[] = [];
  const head = line.slice(0, starts[0]).trim();
  if (head) pieces.push(head);
  starts.forEach((start, i) => pieces.push(line.slice(start, starts[i + 1] ?? line.length).trim()));
  return pieces;
}

/**
 * Collects a comment body's paragraphs in reading order.
 * Each block element or `<br>` ends a line; consecutive lines are joined into one paragraph unless a line starts a
 * numbered point. Whitespace is collapsed as a browser would render it.
 */
export function commentParagraphs(body: Element, options: CommentTextOptions = {}): string[] {
  const blocks: string[][] = [[]];
  let line = '';
  const endLine = (): void => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (text) blocks[blocks.length - 1]?.push(text);
  };
  const endBlock = (): void => {
    endLine();
    if ((blocks[blocks.length - 1]?.length ?? 0) > 0) blocks.push([]);
  };

  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toLowerCase();
      if (SKIPPED_TAGS.has(tag) || isHidden(element)) continue;
      if (isControl(element) || options.isOtherComment?.(element) || options.skip?.(element)) continue;
      if (tag === 'br') {
        // An empty line (<br><br>) ends the paragraph, as it does on screen.
        if (line.trim()) endLine();
        else endBlock();
        continue;
      }
      const block = LINE_BREAKING_ELEMENTS.has(tag);
      if (block) endBlock();
      walk(element);
      if (block) endBlock();
    }
  };
  walk(body);
  endBlock();

  // Lines of one block make one paragraph, except that each numbered point starts a paragraph of its own.
  const paragraphs: string[] = [];
  for (const lines of blocks) {
    let current = '';
    for (const line of lines) {
      for (const piece of splitInlineNumbering(line)) {
        if (current && LEADING_NUMBER.test(piece)) {
          paragraphs.push(current);
          current = piece;
        } else {
          current = current ? `${current}\n${piece}` : piece;
        }
      }
    }
    if (current) paragraphs.push(current);
  }
  return paragraphs;
}
