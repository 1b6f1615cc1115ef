// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportPanel, type ImportState } from '../../components/ImportPanel';
import type { ImportSummary } from '../../core/protocol';

const HOSTILE = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';

const summary: ImportSummary = {
  format: 'a Counterpoint bundle',
  counts: { new: 2, updated: 1, unchanged: 0, deleted: 0, rejected: 1 },
  problems: [{ path: `first.items[0].body[1].value`, message: `contains ${HOSTILE}` }],
  moreProblems: 3,
  pages: [{ pageKey: 'https://a.example/post', url: 'https://a.example/post', title: HOSTILE }],
};

function show(state: ImportState): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    h(ImportPanel, { state, onFile: () => undefined, onConfirm: () => undefined, onCancel: () => undefined }),
    root,
  );
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the import panel', () => {
  it('shows the preview’s counts and each refused record with its place in the file, all as text', () => {
    const root = show({ step: 'preview', fileName: `${HOSTILE}.json`, summary });
    expect(root.textContent).toContain('2 new notes, 1 updated, 0 unchanged, 0 deleted, 1 refused');
    expect(root.textContent).toContain('first.items[0].body[1].value');
    expect(root.textContent).toContain('and 3 more problems');
    expect(root.textContent).toContain(HOSTILE);
    expect(root.querySelector('img, script')).toBeNull();
  });

  it('links the report to the pages it touched, with their titles as text', () => {
    const root = show({ step: 'done', fileName: 'notes.json', summary });
    const link = root.querySelector('.touched a');
    expect(link?.getAttribute('href')).toBe('https://a.example/post');
    expect(link?.textContent).toBe(HOSTILE);
    expect(root.querySelector('img, script')).toBeNull();
  });

  it('offers no import when the file changes nothing', () => {
    const none = { ...summary, counts: { new: 0, updated: 0, unchanged: 4, deleted: 0, rejected: 0 } };
    const root = show({ step: 'preview', fileName: 'again.json', summary: none });
    expect(root.textContent).toContain('importing it changes nothing');
    expect(root.querySelector<HTMLButtonElement>('button.import-confirm')?.disabled).toBe(true);
  });

  it('names the file in a refusal', () => {
    const root = show({
      step: 'failed',
      fileName: 'x.json',
      message: 'This file cannot be imported: not JSON.',
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      '“x.json”: This file cannot be imported: not JSON.',
    );
  });
});
