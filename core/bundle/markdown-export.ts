/**
 * The Markdown export, for people to read and publish: per page its title and link, then each claim as a quote
 * with its status, note and tags, and its rebuttals (author, stance, excerpt, permalink).
 * Every piece of reader or page text is escaped so that a Markdown renderer shows it as written: no links
 * (bare URLs and addresses included, which GFM would link), emphasis, headings or HTML can come from a note,
 * a quote, a title or a comment. The only links are the ones this module writes.
 */
import { STANCE_LABELS, STATUS_LABELS } from '../labels';
import type { Claim, Rebuttal } from '../model';
import type { BundleRecords } from './bundle-format';
import { isWebPermalink } from './encode-bundle';

/**
 * Characters that start inline syntax anywhere in a line: escapes, code, emphasis, links and images, HTML and
 * entities, tables, strike-through, and `$` because some renderers read it as math.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~!$]/g;
/**
 * What GFM turns into a link with no markup at all (its autolink literals): the `://` after a scheme, the dot
 * of `www.`, and the `@` of an address (also in `mailto:` and `xmpp:`). One escape breaks each, and the
 * renderer still shows the character.
 */
const AUTOLINK_LITERAL = /:(?=\/\/)|(?<=www)\.|@/gi;
/** Line starts that open a block: headings, quotes, list items, thematic breaks, setext underlines. */
const BLOCK_START = /^(\s*)([#>+=-]|\d+[.)])/;

/**
 * One line of text, escaped so that it renders as itself. `keepLiterals` leaves URLs as they are, for the
 * address that is the text of our own link to it: links do not nest, so it cannot become another one.
 */
function escapeLine(line: string, { keepLiterals = false } = {}): string {
  const inline = line.replace(INLINE_SPECIAL, '\\$&');
  const escaped = (keepLiterals ? inline : inline.replace(AUTOLINK_LITERAL, '\\$&')).replace(
    BLOCK_START,
    (_, space: string, marker: string) => {
      // Only the last character of a marker is punctuation; escaping it is enough to break the marker.
      return `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`;
    },
  );
  // Trailing spaces would become a hard line break.
  return escaped.trimEnd();
}

/**
 * Text as Markdown: each line escaped, lines joined by hard breaks, blank lines dropped so that the text stays
 * one paragraph inside its list item or quote.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => escapeLine(line.trim()))
    .filter((line) => line !== '');
  return lines.join(`\\\n${indent}`);
}

/** A link destination that no character of the URL can break out of. */
function destination(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function quoteBlock(text: string, indent: string): string {
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => escapeLine(line.trim()))
    .filter((line) => line !== '');
  return lines.map((line) => `${indent}> ${line}`).join('\n');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rebuttalLines(rebuttal: Rebuttal): string[] {
  const { comment } = rebuttal;
  const author = comment.author.trim() === '' ? 'Anonymous' : escapeMarkdown(comment.author);
  const where = isWebPermalink(comment.permalink)
    ? `[permalink](${destination(comment.permalink)})`
    : `comment ${escapeMarkdown(comment.permalink)}`;
  const posted = comment.posted ? `, ${escapeMarkdown(comment.posted)}` : '';
  const lines = [`  - **${STANCE_LABELS[rebuttal.stance]}**: ${author}${posted} (${where})`];
  lines.push(quoteBlock(rebuttal.target.quote.exact, '    '));
  if (rebuttal.note.trim() !== '') lines.push(`\n    Note: ${escapeMarkdown(rebuttal.note, '    ')}`);
  return lines;
}

function claimLines(claim: Claim, rebuttals: Rebuttal[]): string[] {
  const lines = [quoteBlock(claim.target.quote.exact, ''), ''];
  lines.push(`- **Status:** ${STATUS_LABELS[claim.status]}`);
  if (claim.note.trim() !== '') lines.push(`- **Note:** ${escapeMarkdown(claim.note, '  ')}`);
  if (claim.tags.length > 0)
    lines.push(`- **Tags:** ${claim.tags.map((tag) => escapeMarkdown(tag)).join(', ')}`);
  if (rebuttals.length > 0) {
    lines.push(`- **Rebuttals:**`);
    for (const rebuttal of rebuttals) lines.push(...rebuttalLines(rebuttal));
  }
  return lines;
}

/** The library as a Markdown document. Pages and claims come in the same order as in a bundle. */
export function exportMarkdown(records: BundleRecords): string {
  const byPage = new Map<string, Claim[]>();
  for (const claim of [...records.claims].sort(
    (a, b) => compare(a.pageKey, b.pageKey) || compare(a.created, b.created) || compare(a.id, b.id),
  )) {
    const page = byPage.get(claim.pageKey);
    if (page) page.push(claim);
    else byPage.set(claim.pageKey, [claim]);
  }
  const rebuttalsOf = new Map<string, Rebuttal[]>();
  for (const rebuttal of records.rebuttals) {
    const list = rebuttalsOf.get(rebuttal.claimId);
    if (list) list.push(rebuttal);
    else rebuttalsOf.set(rebuttal.claimId, [rebuttal]);
  }

  const claimCount = records.claims.length;
  const out = [
    '# Counterpoint notes',
    '',
    `${claimCount} ${claimCount === 1 ? 'claim' : 'claims'} on ${byPage.size} ${byPage.size === 1 ? 'page' : 'pages'}.`,
  ];
  for (const claims of byPage.values()) {
    const [first] = claims;
    if (!first) continue;
    const title =
      first.title.trim() === ''
        ? escapeLine(first.url.trim(), { keepLiterals: true })
        : escapeMarkdown(first.title);
    out.push('', `## [${title}](${destination(first.url)})`);
    for (const claim of claims) {
      const rebuttals = (rebuttalsOf.get(claim.id) ?? []).sort(
        (a, b) => compare(a.created, b.created) || compare(a.id, b.id),
      );
      out.push('');
      for (const line of claimLines(claim, rebuttals)) out.push(line);
    }
  }
  return `${out.join('\n')}\n`;
}
