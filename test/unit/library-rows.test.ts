// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimList } from '../../components/ClaimList';
import { countClaims, libraryRows, sortClaims } from '../../components/library-rows';
import type { Claim, ClaimStatus } from '../../core/model';
import { claim } from './card-fixtures';

const id = (n: number) => `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute)).toISOString();

/** Claim `n`, changed at minute `n`, on page `page`, with `status`, at `start` in its page. */
function made(n: number, page: string, status: ClaimStatus, start: number): Claim {
  return claim(id(n), {
    pageKey: `https://news.example/${page}`,
    url: `https://news.example/${page}`,
    title: `The ${page} story`,
    status,
    created: at(n),
    modified: at(n),
    target: {
      quote: { type: 'TextQuoteSelector', exact: `claim ${n}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + 7 },
    },
  });
}

// Newest change first, as the background hands them over.
const claims = [
  made(4, 'bridge', 'supported', 50),
  made(3, 'airport', 'contested', 900),
  made(2, 'bridge', 'needs-source', 10),
  made(1, 'airport', 'contested', 30),
];
const texts = (list: readonly Claim[]) => list.map((each) => each.target.quote.exact);

afterEach(() => {
  document.body.replaceChildren();
});

describe('the lists’ order, groups and counts', () => {
  it('sorts by newest or oldest change, by page and place in it, or by status', () => {
    expect(texts(sortClaims(claims, 'newest'))).toEqual(['claim 4', 'claim 3', 'claim 2', 'claim 1']);
    expect(texts(sortClaims(claims, 'oldest'))).toEqual(['claim 1', 'claim 2', 'claim 3', 'claim 4']);
    expect(texts(sortClaims(claims, 'page'))).toEqual(['claim 1', 'claim 3', 'claim 2', 'claim 4']);
    expect(texts(sortClaims(claims, 'status'))).toEqual(['claim 3', 'claim 1', 'claim 4', 'claim 2']);
    expect(texts(claims)).toEqual(['claim 4', 'claim 3', 'claim 2', 'claim 1']);
  });

  it('puts each page’s claims together under its heading, pages in the order of their first claim', () => {
    const rows = libraryRows(sortClaims(claims, 'newest'), true).map((row) =>
      row.kind === 'page' ? `${row.title} (${row.claims})` : row.claim.target.quote.exact,
    );
    expect(rows).toEqual([
      'The bridge story (2)',
      'claim 4',
      'claim 2',
      'The airport story (2)',
      'claim 3',
      'claim 1',
    ]);
    expect(libraryRows(claims, false).every((row) => row.kind === 'claim')).toBe(true);
  });

  it('counts claims, pages and each status', () => {
    expect(countClaims(claims)).toEqual({
      claims: 4,
      pages: 2,
      byStatus: { contested: 2, supported: 1, 'needs-source': 1, highlight: 0 },
    });
  });

  it('draws only the rows in view of a long list, each telling its place in the whole', () => {
    const many = Array.from({ length: 10_000 }, (_, n) => made(n, `page-${n % 500}`, 'contested', n));
    const root = document.createElement('div');
    document.body.append(root);
    render(
      h(ClaimList, {
        rows: libraryRows(many, true),
        rebuttals: new Map(),
        grouped: true,
        onReveal: () => undefined,
      }),
      root,
    );
    const drawn = root.querySelectorAll('.claims > li');
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(50);
    expect(drawn[0]?.textContent).toContain('The page-0 story');
    expect(drawn[1]?.getAttribute('aria-setsize')).toBe(String(10_500));
    expect(drawn[1]?.getAttribute('aria-posinset')).toBe('2');
  });
});
