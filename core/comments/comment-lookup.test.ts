// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentAt, findCommentByRef } from './comment-lookup';
import { commentRefOf } from './comment-ref';
import { extractComments } from './extract';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('commentAt', () => {
  it('names the reply a selection is in, not the thread around it, and nothing outside comments', () => {
    const doc = page('wordpress-classic.html');
    const comments = extractComments(doc);
    const inReply = doc.querySelector('#comment-102 .comment-content p')?.firstChild;
    const inParent = doc.querySelector('#comment-101 .comment-content p')?.firstChild;
    const inArticle = doc.querySelector('article.post p')?.firstChild;
    expect(inReply && commentAt(comments, inReply)?.id).toBe('comment-102');
    expect(inParent && commentAt(comments, inParent)?.id).toBe('comment-101');
    expect(inArticle && commentAt(comments, inArticle)).toBeUndefined();
  });
});

describe('findCommentByRef', () => {
  it('finds each comment again from the reference a rebuttal stored, after the thread is re-ordered', () => {
    const doc = page('hacker-news.html');
    const refs = extractComments(doc).map((c) => [c.id, commentRefOf(c)] as const);
    const table = doc.querySelector('table.comment-tree tbody') ?? doc.querySelector('table.comment-tree');
    const rows = [...(table?.children ?? [])];
    for (const row of rows.reverse()) table?.append(row);
    const again = extractComments(doc);
    for (const [id, ref] of refs) expect(findCommentByRef(again, ref)?.id).toBe(id);
  });

  it('finds a comment by its in-page name when the article is read at another URL', () => {
    const comments = extractComments(page('wordpress-classic.html'));
    const ref = { author: 'Oskar B.', permalink: 'https://mirror.example/old/river-path/#comment-103' };
    expect(findCommentByRef(comments, ref)?.author).toBe('Oskar B.');
    const discourse = extractComments(page('discourse.html'));
    expect(
      findCommentByRef(discourse, {
        author: 'kaisa',
        permalink: 'https://other.example/t/tram-timetable/412/2',
      })?.id,
    ).toBe('post_2');
  });

  it('reports a comment that is gone as not found rather than picking a lookalike', () => {
    const comments = extractComments(page('wordpress-classic.html'));
    expect(
      findCommentByRef(comments, {
        author: 'Marta Ilves',
        permalink: 'https://example.org/river-path/#comment-999',
      }),
    ).toBeUndefined();
    expect(findCommentByRef(comments, { author: 'Marta Ilves', permalink: '#comment-998' })).toBeUndefined();
  });

  it('falls back to author and time only when they single out one comment', () => {
    const comments = extractComments(page('generic-heading.html'));
    const fenna = comments.find((c) => c.author === 'Fenna');
    expect(
      fenna &&
        findCommentByRef(comments, { author: 'Fenna', permalink: 'about:blank', posted: fenna.posted }),
    ).toBe(fenna);
    expect(findCommentByRef(comments, { author: 'gus', permalink: 'about:blank' })).toBeUndefined();
  });
});
