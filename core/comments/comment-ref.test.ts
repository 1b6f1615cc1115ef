import { describe, expect, it } from 'vitest';
import { commentRefOf } from './comment-ref';

describe('commentRefOf', () => {
  it('keeps the permalink and the posted time when the page gives them', () => {
    expect(
      commentRefOf({
        id: 'comment-7',
        author: 'Pia',
        permalink: 'https://example.org/a#comment-7',
        posted: '2023-11-20',
      }),
    ).toEqual({ author: 'Pia', permalink: 'https://example.org/a#comment-7', posted: '2023-11-20' });
  });

  it('falls back to the comment’s id in the page, as a fragment, and leaves out an unknown time', () => {
    const ref = commentRefOf({ id: '3101', author: 'quartzfan', permalink: undefined, posted: undefined });
    expect(ref).toEqual({ author: 'quartzfan', permalink: '#3101' });
    expect('posted' in ref).toBe(false);
  });
});
