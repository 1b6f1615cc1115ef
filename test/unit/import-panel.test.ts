// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ImportPanel, type ImportState } from '../../components/ImportPanel';
import { PREVIEW_EXPIRED, type ImportSummary } from '../../core/protocol';
import { confirmImport } from '../../entrypoints/popup/import-flow';
import { ask } from '../../messaging/send';

const HOSTILE = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';

const summary: ImportSummary = {
  format: 'a Counterpoint bundle',
  counts: { new: 2, updated: 1, unchanged: 0, deleted: 0, rejected: 1 },
  problems: [{ path: `first.items[0].body[1].value`, message: `contains ${HOSTILE}` }],
  moreProblems: 3,
  pages: [{ pageKey: 'https://a.example/post', url: 'https://a.example/post', title: HOSTILE }],
};

const report = { ...summary, batch: 'urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' };

function show(state: ImportState): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    h(ImportPanel, {
      state,
      onFile: () => undefined,
      onConfirm: () => undefined,
      onCancel: () => undefined,
      onUndo: () => undefined,
    }),
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
    const root = show({ step: 'done', fileName: 'notes.json', summary: report });
    const link = root.querySelector('.touched a');
    expect(link?.getAttribute('href')).toBe('https://a.example/post');
    expect(link?.textContent).toBe(HOSTILE);
    expect(root.querySelector('img, script')).toBeNull();
  });

  // The end-to-end test clicks it: the panel takes only the reader's own, trusted, clicks.
  it('offers to undo the import it reports, and says so while it undoes', () => {
    const root = show({ step: 'done', fileName: 'notes.json', summary: report });
    const undo = root.querySelector<HTMLButtonElement>('button.import-undo');
    expect(undo?.textContent).toBe('Undo this import');
    expect(undo?.disabled).toBe(false);
    const undoing = show({ step: 'done', fileName: 'notes.json', summary: report, undo: 'undoing' });
    expect(undoing.querySelector<HTMLButtonElement>('button.import-undo')?.disabled).toBe(true);
    expect(undoing.querySelector('button.import-undo')?.textContent).toBe('Undoing…');
  });

  it('says why an undo was refused, and offers it no more', () => {
    const refused = 'This import cannot be undone: 1 note it brought in or changed has been changed since.';
    const root = show({ step: 'done', fileName: 'notes.json', summary: report, undo: { refused } });
    expect(root.querySelector('.import-undo-refused[role="alert"]')?.textContent).toBe(refused);
    expect(root.querySelector('button.import-undo')).toBeNull();
  });

  it('offers no undo for an import that changed nothing', () => {
    const root = show({ step: 'done', fileName: 'notes.json', summary: { ...report, batch: null } });
    expect(root.querySelector('button.import-undo')).toBeNull();
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

describe('an import cut short', () => {
  const file = { fileName: 'notes.json', token: 'urn:uuid:first', text: '{"items":[]}', summary };
  /** A preview of the same file: what importing it now would change. */
  const preview = (counts: ImportSummary['counts']) => ({ ...summary, counts, token: 'urn:uuid:second' });
  let importCalls: number;

  /** The background as the popup reaches it: `bundle.import` with no answer, `bundle.preview` with `answer`. */
  function background(previewAnswer: () => unknown): void {
    importCalls = 0;
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const { type } = message as { type: string };
      if (type === 'bundle.import') {
        importCalls++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      if (type === 'bundle.preview') return previewAnswer();
      throw new Error(`unexpected ${type}`);
    });
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says plainly that nothing was imported and that trying again is safe, and offers the import again', async () => {
    background(() => ({ ok: true, value: preview(summary.counts) }));
    const outcome = await confirmImport(ask, file);
    expect(importCalls).toBe(1);
    expect(outcome.saved).toBe(false);
    expect(outcome.retry).toEqual({ token: 'urn:uuid:second', text: file.text });
    const root = show(outcome.state);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'The import was cut short: Counterpoint could not be reached (Could not establish connection. ' +
        'Receiving end does not exist.). Nothing was imported: your notes are as they were. It is safe to ' +
        'try again.',
    );
    expect(root.textContent).toContain('2 new notes, 1 updated, 0 unchanged, 0 deleted, 1 refused');
    expect(root.querySelector<HTMLButtonElement>('button.import-confirm')?.disabled).toBe(false);
  });

  it('says the import had finished when only its answer was lost', async () => {
    background(() => ({
      ok: true,
      value: preview({ new: 0, updated: 0, unchanged: 3, deleted: 0, rejected: 1 }),
    }));
    const outcome = await confirmImport(ask, file);
    expect(outcome.saved).toBe(true);
    expect(outcome.retry).toBeNull();
    expect(show(outcome.state).querySelector('[role="alert"]')?.textContent).toContain(
      'the import had finished: every note of this file is in your library',
    );
  });

  it('says it cannot tell, that nothing is ever half imported and that retrying is safe, when still unreachable', async () => {
    background(() => {
      throw new Error('The message port closed before a response was received.');
    });
    const outcome = await confirmImport(ask, file);
    expect(outcome.saved).toBe(false);
    expect(outcome.retry).toBeNull();
    const alert = show(outcome.state).querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Counterpoint could not be reached');
    expect(alert).toContain('cannot tell yet whether it was saved');
    expect(alert).toContain('all or nothing, never half done, and importing the same file again is safe');
  });

  it('sends the file again when the background has forgotten the preview', async () => {
    const sent: unknown[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push((message as { payload: unknown }).payload);
      return sent.length === 1 ? { ok: false, error: PREVIEW_EXPIRED } : { ok: true, value: summary };
    });
    const outcome = await confirmImport(ask, file);
    expect(sent).toEqual([{ token: file.token }, { text: file.text }]);
    expect(outcome.state.step).toBe('done');
  });

  it('reports the import when the background answers', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async () => ({ ok: true, value: summary }));
    const outcome = await confirmImport(ask, file);
    expect(outcome).toEqual({
      state: { step: 'done', fileName: 'notes.json', summary },
      saved: true,
      retry: null,
    });
  });
});
