// @vitest-environment jsdom
/**
 * Extraction on real pages saved in `../shared/corpus/`, read in place (never copied into the repo):
 * - `readability/`: articles, some with comment sections. Pages whose comment widget had not loaded when they were
 *   saved (Livefyre, Echo, Disqus iframes) must yield no comments, but still name the section to watch;
 * - `comments/`: 19 comment sections from 14 systems, each checked against its `INDEX.json` entry for the count,
 *   and every comment's author, text and parent.
 * Without `../shared` these skip with a message, except under CI, where a missing corpus fails the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import { extractComments, findCommentSections } from './extract';
import { COMMENT_CORPUS, corpusPages, scorePage } from './fixtures/comment-corpus';

const corpus = sharedPath('corpus/readability');

function load(name: string): Document {
  const html = readFileSync(join(corpus, name, 'source.html'), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const SLOW = 30_000;

const pages = corpusPages();

describeWithShared(
  'extractComments on the comment sections of ../shared/corpus/comments, against INDEX.json',
  { needs: ['corpus/comments/INDEX.json'] },
  () => {
    it('finds the 19 pages INDEX.json lists', () => expect(pages).toHaveLength(19));

    for (const page of pages) {
      it(
        `${page.name} (${page.system}): ${page.commentCount} comments, each with its author, text and parent`,
        () => {
          const doc = new DOMParser().parseFromString(
            readFileSync(join(COMMENT_CORPUS, page.file), 'utf8'),
            'text/html',
          );
          const score = scorePage(doc, page, extractComments(doc));
          expect({ ...score, misses: undefined }).toEqual({
            expected: page.commentCount,
            found: page.commentCount,
            paired: page.commentCount,
            authors: { right: score.authors.of, of: score.authors.of },
            texts: { right: page.commentCount, of: page.commentCount },
            parents: { right: page.commentCount, of: page.commentCount },
            misses: undefined,
          });
          expect(score.misses).toEqual([]);
        },
        SLOW,
      );
    }

    it(
      'names every author the page names: only deleted comments are without one',
      () => {
        const named = new Map<string, number>();
        for (const page of pages) {
          const doc = new DOMParser().parseFromString(
            readFileSync(join(COMMENT_CORPUS, page.file), 'utf8'),
            'text/html',
          );
          const score = scorePage(doc, page, extractComments(doc));
          named.set(page.name, score.authors.of);
        }
        // New Reddit's snapshots hold deleted comments, which name no author (INDEX.json: withAuthor 16 and 10).
        expect(named.get('reddit-new-2019-humansbeingbros')).toBe(16);
        expect(named.get('reddit-new-2019-askreddit')).toBe(10);
        expect(named.get('xenforo1-sufficientvelocity-p54')).toBe(25);
      },
      SLOW * 4,
    );
  },
);

describeWithShared(
  'extractComments on real pages from ../shared/corpus/readability',
  { needs: ['corpus/readability'] },
  () => {
    it(
      'wordpress (WP Tavern, Epoch plugin): 13 comments in threads up to four deep',
      () => {
        const comments = extractComments(load('wordpress'));
        expect(comments).toHaveLength(13);
        expect(comments.slice(0, 4).map((c) => c.author)).toEqual([
          'Sallie Goetsch (rhymes with sketch)',
          'Rarst',
          'Barry Kooij',
          'Ahmad Awais',
        ]);
        expect(comments.find((c) => c.author === 'Ammon')?.parentId).toBe('comment-215114');
        expect(Math.max(...comments.map((c) => c.depth))).toBe(3);
        // The page's <time datetime="comment_date"> is a template slip; the visible date is used instead.
        expect(comments[0]?.posted).toBe('2017-03-10T00:20');
        expect(comments[0]?.permalink).toMatch(/#comment-215101$/);
        expect(comments.every((c) => !c.text.includes('Report'))).toBe(true);
      },
      SLOW,
    );

    it(
      'aclu (Drupal): 10 comments, two of them replies, with date and time read from separate elements',
      () => {
        const comments = extractComments(load('aclu'));
        expect(comments).toHaveLength(10);
        expect(new Set(comments.map((c) => c.author))).toEqual(
          new Set(['Anonymous', 'Lars', 'Ed B. -Netherlands']),
        );
        expect(comments.filter((c) => c.depth === 1).map((c) => c.parentId)).toEqual([
          'comment-223421',
          'comment-223424',
        ]);
        expect(comments[0]?.posted).toBe('2018-04-05T18:32');
        expect(comments[0]?.text).toMatch(/^One valuable reform/);
      },
      SLOW,
    );

    it(
      'firefox-nightly-blog (WordPress, hAtom list): 2 comments, not the "Recent comments" widget',
      () => {
        const comments = extractComments(load('firefox-nightly-blog'));
        expect(comments.map((c) => [c.author, c.posted, c.markup])).toEqual([
          ['Alan Goodale', '2020-12-24T03:53', 'wordpress'],
          ['John Doe', '2021-02-09T22:16', 'wordpress'],
        ]);
      },
      SLOW,
    );

    it(
      '002 (Mozilla Hacks, WordPress): a question and the author’s reply',
      () => {
        const comments = extractComments(load('002'));
        expect(comments.map((c) => [c.author, c.depth, c.text])).toEqual([
          ['Alexander Petrov', 0, 'how do you abort a fetch?'],
          ['Nikhil Marathe', 1, expect.stringMatching(/^At this point there is no way to do so\./)],
        ]);
      },
      SLOW,
    );

    it(
      'pixnet (Chinese blog platform): 39 comments under a "留言列表" section',
      () => {
        const comments = extractComments(load('pixnet'));
        expect(comments).toHaveLength(39);
        expect(comments[0]).toMatchObject({
          author: '小鳳',
          posted: '2013-12-28T10:28',
          text: '露營兼賞楓，好棒的生活',
        });
        expect(comments.every((c) => c.author !== 'Anonymous' && c.posted !== undefined)).toBe(true);
      },
      SLOW,
    );

    it(
      'yahoo-2: the 3 reader comments shown beside the story, numbered points kept apart',
      () => {
        const comments = extractComments(load('yahoo-2'));
        expect(comments.map((c) => c.author)).toEqual(['J', 'Sky', 'sai']);
        expect(comments[2]?.paragraphs[0]).toMatch(/^1\. /);
      },
      SLOW,
    );

    it(
      'lifehacker-post-comment-load (Kinja): 4 loaded replies with epoch timestamps',
      () => {
        const comments = extractComments(load('lifehacker-post-comment-load'));
        expect(comments.map((c) => c.author)).toEqual(['jnovo22', 'Patrick Allan', 'timgray', 'timgray']);
        expect(comments[0]?.posted).toBe('2015-03-09T15:12:35Z');
        // The link on the date leads to the reply's own page.
        expect(comments[0]?.permalink).toMatch(/-1690284499$/);
        expect(comments[0]?.text).toMatch(/^This is one of my hardest habits to break\./);
      },
      SLOW,
    );

    for (const name of ['cnet', 'cnet-svg-classes', 'wapo-1', 'wapo-2', 'telegraph']) {
      it(
        `${name}: the comment widget was saved before it loaded, so no comments, but a section to watch`,
        () => {
          const doc = load(name);
          const comments = extractComments(doc);
          expect(comments).toEqual([]);
          expect(findCommentSections(doc, comments).length).toBeGreaterThan(0);
        },
        SLOW,
      );
    }

    for (const name of [
      'wikipedia',
      'nytimes-1',
      'bbc-1',
      'guardian-1',
      'medium-1',
      'breitbart',
      'lemonde-1',
      'ars-1',
    ]) {
      it(
        `${name}: an article without comments yields none`,
        () => {
          expect(extractComments(load(name))).toEqual([]);
        },
        SLOW,
      );
    }
  },
);
