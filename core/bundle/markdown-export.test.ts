/** The Markdown export as a reader sees it, and its escaping: reader text must render as itself. */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { emptyRecords, type BundleRecords } from './bundle-format';
import { textArbitrary } from './fixtures/record-arbitraries';
import { ARTICLE_URL, claimOtherPage, rebuttalNotGuilty, seedLibrary } from './fixtures/seed-library';
import { escapeMarkdown, exportMarkdown } from './markdown-export';

/** Property runs take seconds; on a loaded CI runner more than the default 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 };

describe('exportMarkdown', () => {
  const markdown = exportMarkdown(seedLibrary());

  it('gives each page a heading with its title and link', () => {
    expect(markdown).toContain(
      '## [The real reasons Ken wants Lutfur back in the party](<https://labourlist.example/2010/11/the-real-reasons-ken-wants-lutfur-back>)',
    );
    expect(markdown).toContain('## [A second story](<https://news.example/story?id=42>)');
    expect(markdown.startsWith('# Counterpoint notes\n\n3 claims on 2 pages.\n')).toBe(true);
  });

  it('shows each claim as a quote with its status, note and tags', () => {
    expect(markdown).toContain(
      [
        '> Kumar Murshid, was accused of stealing money from a youth organisation',
        '',
        '- **Status:** Contested',
        '- **Note:** A commenter says he was found not guilty; the article leaves that out.\\',
        '  Check the court record.',
        '- **Tags:** tower-hamlets, missing-context',
      ].join('\n'),
    );
    expect(markdown).toContain('- **Status:** Needs source');
  });

  it('lists each rebuttal with its stance, author, excerpt and permalink', () => {
    expect(markdown).toContain(
      [
        '- **Rebuttals:**',
        '  - **Rebuts**: Stuart Madewell, 2010-11-18T14:02:00.000Z ([permalink](<https://labourlist.example/2010/11/the-real-reasons-ken-wants-lutfur-back#comment-1>))',
        '    > He was found not guilty.',
        '',
        '    Note: Direct contradiction of the claim.',
        '  - **Context**: A reader \\*with\\* \\[markup\\] (comment comment-7)',
        '    > Abbas that is true',
      ].join('\n'),
    );
  });

  it('escapes markup, links and script in notes so that they render as text', () => {
    expect(markdown).toContain(
      '- **Note:** Where are the \\<b\\>numbers\\</b\\>? \\<script\\>alert(1)\\</script\\> \\[link\\](javascript:alert(1))',
    );
  });

  it('falls back to the address for a page without a title, and names an anonymous author', () => {
    const library = seedLibrary();
    library.claims = library.claims.map((claim) => ({ ...claim, title: '' }));
    library.rebuttals = library.rebuttals.map((r) => ({ ...r, comment: { ...r.comment, author: ' ' } }));
    const text = exportMarkdown(library);
    expect(text).toContain(`## [${claimOtherPage.url}](<${claimOtherPage.url}>)`);
    expect(text).toContain('**Rebuts**: Anonymous');
  });

  it('says so when there is nothing to show', () => {
    expect(exportMarkdown(emptyRecords())).toBe('# Counterpoint notes\n\n0 claims on 0 pages.\n');
  });
});

describe('escapeMarkdown', PROPERTY_TIMEOUT, () => {
  it('breaks every block marker at the start of a line', () => {
    expect(escapeMarkdown('# heading\n- item\n+ item\n1. one\n2) two\n> quote\n=====\n---')).toBe(
      ['\\# heading', '\\- item', '\\+ item', '1\\. one', '2\\) two', '\\> quote', '\\=====', '\\---'].join(
        '\\\n',
      ),
    );
  });

  it('escapes inline syntax anywhere in a line', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <g> &amp; |h| ~~i~~ $j$ !k \\l')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\&amp; \\|h\\| \\~\\~i\\~\\~ \\$j\\$ \\!k \\\\l',
    );
  });

  it('round-trips: removing the escapes gives back the text, line by line', () => {
    fc.assert(
      fc.property(textArbitrary({ maxLength: 60, multiLine: true }), (text) => {
        const escaped = escapeMarkdown(text);
        const lines = escaped === '' ? [] : escaped.split('\\\n');
        const unescaped = lines.map((line) => line.replace(/\\(.)/g, '$1'));
        const expected = text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '');
        expect(unescaped).toEqual(expected);
        // Once escapes are removed, no character that starts inline Markdown or an autolink is left standing.
        for (const line of lines) {
          expect(line.replace(/\\./g, '')).not.toMatch(/[\\`*_[\]<>&|~!$@]|:\/\/|www\./i);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Two independent renderers: markdown-it in its CommonMark mode, and micromark with every GFM extension. */
const RENDERERS = {
  CommonMark: (markdown: string) => new MarkdownIt('commonmark').render(markdown),
  GFM: (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
};

/** Where every link of rendered HTML points, in order. */
function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*>/g)].map(
    ([tag]) => new URL((/href="([^"]*)"/.exec(tag)?.[1] ?? '').replaceAll('&amp;', '&')).href,
  );
}

/** The visible text of rendered HTML. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** The links the export writes itself for the seed library: each page, then the one web permalink. */
const OWN_LINKS = [ARTICLE_URL, rebuttalNotGuilty.comment.permalink, claimOtherPage.url].map(
  (url) => new URL(url).href,
);

/** The seed library with `text` in every field a reader or a page wrote. */
function libraryWith(text: string): BundleRecords {
  const library = seedLibrary();
  const quoting = <T extends { target: { quote: { exact: string } } }>(record: T): T => ({
    ...record,
    target: { ...record.target, quote: { ...record.target.quote, exact: text } },
  });
  library.claims = library.claims.map((claim) => ({
    ...quoting(claim),
    note: text,
    title: text,
    tags: [text],
  }));
  library.rebuttals = library.rebuttals.map((rebuttal) => ({
    ...quoting(rebuttal),
    note: text,
    comment: {
      author: text,
      posted: text,
      // A web permalink is ours to link; any other (a comment's id) is text.
      permalink: rebuttal.comment.permalink.startsWith('https:')
        ? rebuttal.comment.permalink
        : `comment-${text}`,
    },
  }));
  return library;
}

describe.each(Object.entries(RENDERERS))('the export rendered as %s', (_name, render) => {
  const BARE =
    'see https://evil.example/a, www.evil.example, (WWW.evil.example), HTTP://evil.example/b, ' +
    'reader@evil.example, mailto:reader@evil.example and xmpp:reader@evil.example/x';

  it('links only to the pages and permalinks it names, whatever bare addresses the text holds', () => {
    const html = render(exportMarkdown(libraryWith(BARE)));
    expect(linksIn(html)).toEqual(OWN_LINKS);
    // Each bare address is shown as written, once per field that holds it.
    expect(textOf(html).split(BARE).length - 1).toBeGreaterThanOrEqual(10);
  });

  it('shows a page without a title by its address, as the text of its one link', () => {
    const library = seedLibrary();
    library.claims = library.claims.map((claim) => ({ ...claim, title: '' }));
    const html = render(exportMarkdown(library));
    expect(linksIn(html)).toEqual(OWN_LINKS);
    expect(html).toContain(`>${claimOtherPage.url}</a>`);
  });

  it(
    'links only to its own pages and permalinks for any text built of addresses and markup',
    PROPERTY_TIMEOUT,
    () => {
      const piece = fc.constantFrom(
        'https://evil.example',
        'http://',
        'HTTPS:',
        '//',
        ':',
        'www.',
        'WwW',
        '.',
        'evil.example',
        '@',
        'mailto:',
        'xmpp:',
        'a_b',
        '(',
        ')',
        '*',
        '~',
        '<',
        '>',
        '[',
        ']',
        ' ',
        '\n',
        'x',
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join('')),
          (text) => {
            expect(linksIn(render(exportMarkdown(libraryWith(text))))).toEqual(OWN_LINKS);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});

it('has renderers that do link bare addresses in GFM, so the tests above can fail', () => {
  expect(
    linksIn(RENDERERS.GFM('see https://evil.example, www.evil.example and a@evil.example')),
  ).toHaveLength(3);
});
