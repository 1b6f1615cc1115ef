import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClaimList } from '../../components/ClaimList';
import type { ExportChoice } from '../../components/ExportPanel';
import { ExportPanel } from '../../components/ExportPanel';
import type { ImportState } from '../../components/ImportPanel';
import { ImportPanel } from '../../components/ImportPanel';
import { NoteFilters } from '../../components/NoteFilters';
import type { NoteFilter } from '../../components/note-filter';
import { filterClaims, NO_FILTER, tagsOf } from '../../components/note-filter';
import { PageGroups } from '../../components/PageGroups';
import type { LiveVisit } from '../../components/placement-marks';
import { placementMarks } from '../../components/placement-marks';
import type { Claim } from '../../core/model';
import type { ExportFormat, ExportScope, Notes } from '../../core/protocol';
import { ask, askTab } from '../../messaging/send';
import { readBundleFile, saveFile } from './bundle-files';
import { confirmImport } from './import-flow';

type View = 'page' | 'all';
interface CurrentPage {
  pageKey: string;
  title: string;
  /** What the tab showing the page finds of its claims; null when the page was named in the URL. */
  live: LiveVisit | null;
}

/**
 * The article this view is about: the one named in `?page=` when the notes page was opened for it, else
 * the one in the active tab, as its content script reports it. Null when there is none (a browser page,
 * or the popup opened as a tab of its own).
 */
async function findCurrentPage(): Promise<CurrentPage | null> {
  const named = new URLSearchParams(location.search).get('page');
  if (named) return { pageKey: named, title: '', live: null };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const answer = await askTab(tab.id, 'tab.describe', {});
  if (!answer.ok) return null;
  const { pageKey, title, orphans, changed } = answer.value;
  return { pageKey, title, live: { orphans, changed } };
}

function Popup() {
  const [page, setPage] = useState<CurrentPage | null | undefined>(undefined);
  const [view, setView] = useState<View>('page');
  const [notes, setNotes] = useState<Notes | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState<NoteFilter>(NO_FILTER);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportState>({ step: 'idle' });
  /**
   * The file being previewed: the background's token for it, and its text in case the background has forgotten
   * it by the time the reader confirms (it then decodes and checks the text afresh).
   */
  const [importFile, setImportFile] = useState<{ token: string; text: string } | null>(null);
  /** Firefox closes the toolbar popup when a file picker opens, so the popup offers the notes page for imports. */
  const [inTab, setInTab] = useState(true);
  /** Bumped to load the list again after an import. */
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void browser.tabs.getCurrent().then((tab) => setInTab(tab !== undefined));
  }, []);

  useEffect(() => {
    void findCurrentPage().then((found) => {
      setPage(found);
      if (!found) setView('all');
    });
  }, []);

  useEffect(() => {
    if (page === undefined) return;
    setNotes(null);
    const request =
      view === 'page' && page ? ask('library.page', { pageKey: page.pageKey }) : ask('library.all', {});
    void request.then((answer) => {
      if (answer.ok) setNotes(answer.value);
      else setProblem(answer.error);
    });
  }, [page, view, reloads]);

  const listed = useMemo(
    () => (notes ? filterClaims(notes.claims, notes.rebuttals, filter) : []),
    [notes, filter],
  );
  // The tab's own reading of its page is the latest visit; every other list shows the last one stored.
  const marks = useMemo(
    () => placementMarks(notes?.placements ?? [], view === 'page' ? (page?.live ?? null) : null),
    [notes, page, view],
  );

  async function exportNotes(choice: ExportChoice, format: ExportFormat) {
    const scope: ExportScope =
      choice === 'library'
        ? { kind: 'library' }
        : choice === 'page' && page
          ? { kind: 'page', pageKey: page.pageKey }
          : { kind: 'claims', ids: listed.map((claim) => claim.id) };
    setExporting(true);
    setExported(null);
    const answer = await ask('bundle.export', { scope, format });
    setExporting(false);
    if (!answer.ok) return setProblem(answer.error);
    if (!(await saveFile(answer.value))) {
      return setProblem('The export was made but could not be saved; please export again.');
    }
    const { claims, rebuttals, filename } = answer.value;
    setExported(
      `Saved ${claims} ${claims === 1 ? 'claim' : 'claims'} and ${rebuttals} ${rebuttals === 1 ? 'rebuttal' : 'rebuttals'} as “${filename}”.`,
    );
  }

  async function previewFile(file: File) {
    setImportFile(null);
    setImporting({ step: 'checking', fileName: file.name });
    const read = await readBundleFile(file);
    if (!read.ok) return setImporting({ step: 'failed', fileName: file.name, message: read.error });
    const answer = await ask('bundle.preview', { text: read.value });
    if (!answer.ok) return setImporting({ step: 'failed', fileName: file.name, message: answer.error });
    const { token, ...summary } = answer.value;
    setImportFile({ token, text: read.value });
    setImporting({ step: 'preview', fileName: file.name, summary });
  }

  async function importPreviewed() {
    if (importing.step !== 'preview' || importFile === null) return;
    const { fileName, summary } = importing;
    setImporting({ step: 'importing', fileName, summary });
    const outcome = await confirmImport(ask, { fileName, summary, ...importFile });
    setImportFile(outcome.retry);
    setImporting(outcome.state);
    if (outcome.saved) setReloads((count) => count + 1);
  }

  const cancelImport = () => {
    setImportFile(null);
    setImporting({ step: 'idle' });
  };

  const reveal = (claim: Claim) =>
    void ask('claim.reveal', { id: claim.id }).then((answer) => {
      if (!answer.ok) setProblem(answer.error);
    });

  return (
    <main>
      <header>
        <h1>Counterpoint</h1>
        <div role="tablist" aria-label="Which notes">
          <button role="tab" aria-selected={view === 'page'} disabled={!page} onClick={() => setView('page')}>
            This page
          </button>
          <button role="tab" aria-selected={view === 'all'} onClick={() => setView('all')}>
            All pages
          </button>
        </div>
      </header>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {notes && notes.claims.length > 0 && (
        <NoteFilters
          filter={filter}
          tags={tagsOf(notes.claims)}
          shown={listed.length}
          total={notes.claims.length}
          onChange={setFilter}
        />
      )}
      {notes === null ? (
        <p class="empty">Loading…</p>
      ) : notes.claims.length > 0 && listed.length === 0 ? (
        <p class="empty">No claims match this search and these filters.</p>
      ) : notes.claims.length === 0 ? (
        <p class="empty">
          {view === 'page'
            ? 'No claims on this page yet. Select a sentence in the article to mark it.'
            : 'No claims yet. Select a sentence in any article to mark it.'}
        </p>
      ) : view === 'page' ? (
        <ClaimList claims={listed} rebuttals={notes.rebuttals} marks={marks} onReveal={reveal} />
      ) : (
        <PageGroups claims={listed} rebuttals={notes.rebuttals} marks={marks} onReveal={reveal} />
      )}
      {!page && <p class="hint">No article in this tab: showing every page’s claims.</p>}
      <details class="share" open={importing.step !== 'idle' || undefined}>
        <summary>Export or import notes</summary>
        <ExportPanel
          canExportPage={!!page}
          listed={listed.length}
          busy={exporting}
          onExport={(choice, format) => void exportNotes(choice, format)}
        />
        {exported && (
          <p class="exported" role="status">
            {exported}
          </p>
        )}
        <ImportPanel
          state={importing}
          onFile={(file) => void previewFile(file)}
          onConfirm={() => void importPreviewed()}
          onCancel={cancelImport}
        />
        {!inTab && (
          <p class="hint">
            If choosing a file closes this popup,{' '}
            <a href="/popup.html" target="_blank" rel="noreferrer">
              import from the notes page
            </a>{' '}
            instead.
          </p>
        )}
      </details>
    </main>
  );
}

render(<Popup />, document.body);
