import { describe, expect, it } from 'vitest';
import { normalizeUrl, pageKeyFor, sameSite } from './page-key';

describe('pageKeyFor', () => {
  it('finds the same article behind tracking parameters and a fragment', () => {
    expect(pageKeyFor('https://blog.example/post?utm_source=x&fbclid=1#comment-3', null)).toBe(
      'https://blog.example/post',
    );
  });

  it('keeps parameters that select the content', () => {
    expect(pageKeyFor('https://forum.example/view?id=42&utm_medium=mail', null)).toBe(
      'https://forum.example/view?id=42',
    );
  });

  it('prefers a canonical link on the same site, with or without www', () => {
    expect(pageKeyFor('https://www.news.example/a/123?page=1', 'https://news.example/a/123')).toBe(
      'https://news.example/a/123',
    );
    expect(pageKeyFor('https://news.example/amp/123', '/a/123')).toBe('https://news.example/a/123');
  });

  it('ignores a canonical link to another site, so a page cannot borrow another article’s notes', () => {
    expect(pageKeyFor('https://evil.example/copy', 'https://bank.example/article')).toBe(
      'https://evil.example/copy',
    );
  });

  it('falls back to og:url on the same site when there is no canonical link', () => {
    expect(
      pageKeyFor('https://news.example/amp/123?utm_source=x', null, 'https://www.news.example/a/123#top'),
    ).toBe('https://news.example/a/123');
    expect(pageKeyFor('https://news.example/amp/123', 'http://[bad', '/a/123')).toBe(
      'https://news.example/a/123',
    );
  });

  it('prefers the canonical link to og:url', () => {
    expect(pageKeyFor('https://news.example/x', '/a/1', '/a/2')).toBe('https://news.example/a/1');
  });

  it('ignores an og:url on another site, as it ignores such a canonical link', () => {
    expect(pageKeyFor('https://evil.example/copy', null, 'https://bank.example/article')).toBe(
      'https://evil.example/copy',
    );
    expect(pageKeyFor('https://evil.example/copy', 'https://bank.example/a', 'https://bank.example/a')).toBe(
      'https://evil.example/copy',
    );
    expect(pageKeyFor('https://evil.example/copy', null, 'javascript:alert(1)')).toBe(
      'https://evil.example/copy',
    );
  });

  it('finds the same article with and without www., even with no canonical link', () => {
    expect(pageKeyFor('https://www.blog.example/post', null)).toBe(
      pageKeyFor('https://blog.example/post', null),
    );
  });

  it('keeps a query with a malformed escape as it is', () => {
    expect(pageKeyFor('https://blog.example/post?q=%E0%A4%A&utm_source=x', null)).toBe(
      'https://blog.example/post?q=%E0%A4%A',
    );
  });

  it('ignores a canonical link that is not a URL', () => {
    expect(pageKeyFor('https://blog.example/post', 'http://[bad')).toBe('https://blog.example/post');
  });
});

describe('sameSite', () => {
  it('rejects non-web schemes', () => {
    expect(sameSite('javascript:alert(1)', 'https://a.example/')).toBe(false);
    expect(sameSite('https://a.example/x', 'http://www.a.example/y')).toBe(true);
  });
});

describe('normalizeUrl', () => {
  it('orders parameters so that the same query spelled differently is one page', () => {
    expect(normalizeUrl('https://a.example/?b=2&a=1')).toBe(normalizeUrl('https://a.example/?a=1&b=2'));
  });
});
