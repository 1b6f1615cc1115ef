// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimList } from '../../components/ClaimList';
import { claim, NEW, OTHER } from './card-fixtures';

afterEach(() => {
  document.body.replaceChildren();
});

describe('the popup’s claim list', () => {
  it('tells which claims the page shows on changed text and which it does not show at all', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const claims = [claim(NEW), claim(OTHER)];
    render(
      h(ClaimList, {
        claims,
        rebuttals: [],
        orphans: new Set([OTHER]),
        changed: new Set([NEW]),
        onReveal: () => undefined,
      }),
      root,
    );
    const [edited, missing] = [...root.querySelectorAll('li')].map((item) => item.textContent ?? '');
    expect(edited).toContain('The text has changed since it was marked');
    expect(edited).not.toContain('Not found on this page');
    expect(missing).toContain('Not found on this page');
    expect(missing).not.toContain('The text has changed');
  });
});
