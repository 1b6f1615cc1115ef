/** Claims and card views as the page interface sends them, for the card's unit tests. */
import type { CardView } from '../../core/card-channel';
import type { Claim } from '../../core/model';

export const NEW = 'urn:uuid:11111111-2222-4333-8444-555555555555';
export const OTHER = 'urn:uuid:66666666-7777-4888-9999-aaaaaaaaaaaa';

export function claim(id: string, changes: Partial<Claim> = {}): Claim {
  return {
    id,
    pageKey: 'http://blog.example/post',
    url: 'http://blog.example/post',
    title: 'Post',
    target: {
      quote: { type: 'TextQuoteSelector', exact: `quote of ${id.slice(-4)}`, prefix: '', suffix: '' },
    },
    status: 'contested',
    note: '',
    tags: [],
    created: '2026-03-01T12:00:00.000Z',
    modified: '2026-03-01T12:00:00.000Z',
    ...changes,
  };
}

export function view(shown: Claim, more: Partial<CardView> = {}): CardView {
  return {
    claim: shown,
    create: false,
    anchored: true,
    currentText: null,
    focusNote: false,
    problem: null,
    scheme: 'light',
    rebuttals: [],
    orphanRebuttals: [],
    comments: [],
    unattached: [],
    ...more,
  };
}
