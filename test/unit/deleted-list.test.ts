// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DeletedList } from '../../components/DeletedList';
import { claim, NEW, OTHER } from './card-fixtures';

const DELETED = '2026-03-05T14:03:00.000Z';

afterEach(() => {
  document.body.replaceChildren();
});

describe('Recently deleted', () => {
  it('names each claim’s page and status in words, when it was deleted and what comes back with it', () => {
    const root = document.body.appendChild(document.createElement('div'));
    render(
      h(DeletedList, {
        deleted: [
          {
            claim: claim(NEW, { status: 'needs-source', note: '<b>check</b> the figures', title: 'Budget' }),
            deleted: DELETED,
            rebuttals: 1,
          },
          { claim: claim(OTHER, { status: 'supported', title: '' }), deleted: DELETED, rebuttals: 3 },
        ],
        restoring: new Set([OTHER]),
        onRestore: () => undefined,
      }),
      root,
    );
    const when = new Date(DELETED).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const [first, second] = [...root.querySelectorAll('li')];
    expect(first?.textContent).toContain('Budget');
    expect(first?.textContent).toContain(`quote of ${NEW.slice(-4)}`);
    expect(first?.textContent).toContain('Needs source');
    expect(first?.textContent).toContain(`Deleted ${when}`);
    expect(first?.textContent).toContain('1 rebuttal');
    // A note is text, never markup.
    expect(first?.querySelector('.note')?.textContent).toBe('<b>check</b> the figures');
    expect(first?.querySelector('b')).toBeNull();
    // A page without a title is named by its address.
    expect(second?.querySelector('a')?.textContent).toBe('http://blog.example/post');
    expect(second?.textContent).toContain('Supported');
    expect(second?.textContent).toContain('3 rebuttals');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.restore')];
    expect(buttons.map((button) => [button.getAttribute('aria-label'), button.disabled])).toEqual([
      [`Restore the claim “quote of ${NEW.slice(-4)}”`, false],
      [`Restore the claim “quote of ${OTHER.slice(-4)}”`, true],
    ]);
  });
});
