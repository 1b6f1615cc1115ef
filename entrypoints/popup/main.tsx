import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { withUpdated } from '../../components/claim-edit';
import { ClaimList } from '../../components/ClaimList';
import { useDebounced } from '../../components/debounce';
import { DeletedList } from '../../components/DeletedList';
import type { ExportChoice } from '../../components/ExportPanel';
import { ExportPanel } from '../../components/ExportPanel';
import type { ImportState } from '../../components/ImportPanel';
import { ImportPanel } from '../../components/ImportPanel';
import { STATUS_LABELS } from '../../core/labels';
import type { ClaimCounts, SortOrder } from '../../components/library-rows';
import { countClaims, libraryRows, sortClaims } from '../../components/library-rows';
import { NoteFilters } from '../../components/NoteFilters';
import type { NoteFilter } from '../../components/note-filter';
import { filterClaims, NO_FILTER, tagsOf } from '../../components/note-filter';
import type { LiveVisit } from '../../components/placement-marks';
import { UndoToast } from '../../components/UndoToast';
import { placementMarks } from '../../components/placement-marks';
import type { Claim } from '../../core/model';
import { CLAIM_STATUSES } from '../../core/model';
import type { ClaimChanges, DeletedClaim, ExportFormat, ExportScope } from '../../core/protocol';
import { HISTORY_DAYS } from '../../core/protocol';
import { ask, askTab } from '../../messaging/send';
import { readBundleFile, saveFile } from './bundle-files';
import { confirmImport } from './import-flow';
import type { LoadedNotes } from './library-loader';
import { askFirstSlice, loadNotes } from './library-loader';

type View = 'page' | 'all' | 'deleted';
interface CurrentPage {
  pageKey: string;
  title: string;
  /** What the tab showing the page finds of its claims; null when the page was named in the URL. */
  live: LiveVisit | null;
}

/** How long a deletion can be undone from its toast. */
const UNDO_SECONDS = 10;

/** How long the search waits for typing to pause, once keys come quicker than that. */
const SEARCH_DEBOUNCE_MS = 120;

/**
 * The article this view is about: the one named in `?page=` when the notes page was opened for it, else, in
 * the toolbar popup, the one in the active tab, as its content script reports it. Null when there is none (a
 * browser page, or the notes page opened for every page).
 */
async function findCurrentPage(notesPage: boolean): Promise<CurrentPage | null> {
  const named = new URLSearchParams(location.search).get('page');
  if (named) return { pageKey: named, title: '', live: null };
  if (notesPage) return null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const answer = await askTab(tab.id, 'tab.describe', {});
  if (!answer.ok) return null;
  const { pageKey, title, orphans, changed } = answer.value;
  return { pageKey, title, live: { orphans, changed } };
}

/** The first claims of every page, asked for at once unless the page was opened for one article. */
let early = new URLSearchParams(location.search).has('page') ? null : askFirstSlice(ask);

function Popup() {
  const [page, setPage] = useState<CurrentPage | null | undefined>(undefined);
  const [view, setView] = useState<View>('page');
  const [notes, setNotes] = useState<LoadedNotes | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState<NoteFilter>(NO_FILTER);
  /** The order the reader chose; until then, one page's claims in their place in it, every page's newest first. */
  const [chosenSort, setSort] = useState<SortOrder | null>(null);
  /** The step of the export under way, or null. */
  const [exporting, setExporting] = useState<number | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportState>({ step: 'idle' });
  /**
   * The file being previewed: the background's token for it, and its text in case the background has forgotten
   * it by the time the reader confirms (it then decodes and checks the text afresh).
   */
  const [importFile, setImportFile] = useState<{ token: string; text: string } | null>(null);
  /**
   * Whether this is the notes page (a tab of its own) rather than the toolbar popup; null until known. Firefox
   * closes the toolbar popup when a file picker opens, so the popup offers the notes page for imports.
   */
  const [inTab, setInTab] = useState<boolean | null>(null);
  /** The claim just deleted, while its deletion can be undone. */
  const [deleted, setDeleted] = useState<Claim | null>(null);
  /** The claims Recently deleted lists, once loaded. */
  const [recentlyDeleted, setRecentlyDeleted] = useState<DeletedClaim[] | null>(null);
  /** The ids of the deleted claims being restored from that list. */
  const [restoring, setRestoring] = useState<ReadonlySet<string>>(new Set());
  /** Bumped to load the list again after an import. */
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void (async () => {
      const notesPage = (await browser.tabs.getCurrent()) !== undefined;
      setInTab(notesPage);
      const found = await findCurrentPage(notesPage);
      setPage(found);
      if (!found) setView('all');
    })();
  }, []);

  useEffect(() => {
    if (page === undefined || view === 'deleted') return;
    setNotes(null);
    let stale = false;
    const wanted =
      view === 'page' && page
        ? ({ kind: 'page', pageKey: page.pageKey } as const)
        : ({ kind: 'all' } as const);
    // The early answer serves the first load of every page's claims only; later loads ask afresh.
    const first = wanted.kind === 'all' ? early : null;
    early = null;
    void loadNotes(ask, wanted, setNotes, () => stale, first).then(
      (error) => error !== null && setProblem(error),
    );
    return () => {
      stale = true;
    };
  }, [page, view, reloads]);

  useEffect(() => {
    if (view !== 'deleted') return;
    setRecentlyDeleted(null);
    let stale = false;
    void ask('library.deleted', {}).then((answer) => {
      if (stale) return;
      if (answer.ok) setRecentlyDeleted(answer.value);
      else setProblem(answer.error);
    });
    return () => {
      stale = true;
    };
  }, [view, reloads]);

  const search = useDebounced(filter.search, SEARCH_DEBOUNCE_MS);
  const listed = useMemo(
    () => (notes ? filterClaims(notes.claims, notes.index, { ...filter, search }) : []),
    [notes, filter.status, filter.tag, search],
  );
  const sort = chosenSort ?? (view === 'page' ? 'page' : 'newest');
  const rows = useMemo(() => libraryRows(sortClaims(listed, sort), view === 'all'), [listed, sort, view]);
  const counts = useMemo(() => countClaims(listed), [listed]);
  const tags = useMemo(() => (notes ? tagsOf(notes.claims) : []), [notes]);
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
    setExporting(0);
    setExported(null);
    const answer = await ask('bundle.export', { scope, format });
    if (!answer.ok) {
      setExporting(null);
      return setProblem(answer.error);
    }
    setExporting(1);
    const saved = await saveFile(answer.value);
    setExporting(null);
    if (!saved) {
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

  /** Undo the import the report shows; the lists load again, as they were before it. */
  async function undoLastImport() {
    if (importing.step !== 'done') return;
    const { fileName, summary } = importing;
    if (summary.batch === null) return;
    setImporting({ step: 'done', fileName, summary, undo: 'undoing' });
    const answer = await ask('bundle.undo', { batch: summary.batch });
    if (!answer.ok) return setImporting({ step: 'done', fileName, summary, undo: { refused: answer.error } });
    setImporting({ step: 'undone', fileName });
    setReloads((count) => count + 1);
  }

  const cancelImport = () => {
    setImportFile(null);
    setImporting({ step: 'idle' });
  };

  async function deleteClaim(claim: Claim) {
    const answer = await ask('claim.delete', { id: claim.id });
    if (!answer.ok) return setProblem(answer.error);
    setNotes(
      (shown) =>
        shown && {
          ...shown,
          claims: shown.claims.filter((each) => each.id !== claim.id),
          total: shown.total - 1,
        },
    );
    setDeleted(claim);
  }

  /** Store a change made in a row, and show it there once stored; the background tells the article's tabs. */
  async function updateClaim(claim: Claim, changes: ClaimChanges): Promise<string | null> {
    const answer = await ask('claim.update', { id: claim.id, changes });
    if (!answer.ok) return answer.error;
    const updated = answer.value;
    setNotes((shown) => shown && { ...shown, claims: withUpdated(shown.claims, updated) });
    return null;
  }

  /**
   * Bring a deleted claim back, from its toast's Undo or from Recently deleted: it leaves that list, and the
   * list shown, if it is not that one, gets it first (restored is a change: the newest claim).
   */
  async function restore(claim: Claim) {
    setRestoring((ids) => new Set(ids).add(claim.id));
    const answer = await ask('claim.restore', { id: claim.id });
    setRestoring((ids) => {
      const left = new Set(ids);
      left.delete(claim.id);
      return left;
    });
    if (!answer.ok) return setProblem(answer.error);
    const { claim: restored, rebuttals } = answer.value;
    setRecentlyDeleted((shown) => shown && shown.filter((each) => each.claim.id !== restored.id));
    // Its Undo would now find nothing to restore.
    setDeleted((shown) => (shown?.id === restored.id ? null : shown));
    setNotes((shown) => {
      if (!shown) return shown;
      shown.index.add(rebuttals);
      const byClaim = new Map(shown.rebuttals);
      if (rebuttals.length > 0) byClaim.set(restored.id, rebuttals);
      return { ...shown, claims: [restored, ...shown.claims], rebuttals: byClaim, total: shown.total + 1 };
    });
  }

  const closeToast = useCallback(() => setDeleted(null), []);

  /** Show the other list, never the last one's claims under its name while it loads. */
  const choose = (next: View) => {
    if (next === view) return;
    setNotes(null);
    setView(next);
  };

  const reveal = (claim: Claim) =>
    void ask('claim.reveal', { id: claim.id }).then((answer) => {
      if (!answer.ok) setProblem(answer.error);
    });

  const allPages = inTab === true && !page;
  return (
    <main class={inTab ? 'notes-page' : 'popup'}>
      <header>
        <h1>{allPages ? 'Counterpoint: all your notes' : 'Counterpoint'}</h1>
        <div role="tablist" aria-label="Which notes">
          <button role="tab" aria-selected={view === 'page'} disabled={!page} onClick={() => choose('page')}>
            This page
          </button>
          <button role="tab" aria-selected={view === 'all'} onClick={() => choose('all')}>
            All pages
          </button>
          <button role="tab" aria-selected={view === 'deleted'} onClick={() => choose('deleted')}>
            Recently deleted
          </button>
        </div>
      </header>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {inTab === false && !page && <p class="hint">No article in this tab: showing every page’s claims.</p>}
      <details class="share" open={importing.step !== 'idle' || undefined}>
        <summary>Export or import notes</summary>
        <ExportPanel
          canExportPage={!!page}
          listed={listed.length}
          step={exporting}
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
          onUndo={() => void undoLastImport()}
        />
        {inTab === false && (
          <p class="hint">
            If choosing a file closes this popup,{' '}
            <a href="/popup.html" target="_blank" rel="noreferrer">
              import from the notes page
            </a>{' '}
            instead.
          </p>
        )}
      </details>
      {view === 'deleted' ? (
        recentlyDeleted === null ? (
          <p class="empty">Loading…</p>
        ) : recentlyDeleted.length === 0 ? (
          <p class="empty">
            No deleted claims to restore. A deleted claim can be restored here for {HISTORY_DAYS} days.
          </p>
        ) : (
          <>
            <p class="hint">
              Deleted claims, newest first. Each can be restored, with its rebuttals, for {HISTORY_DAYS} days.
            </p>
            <DeletedList
              deleted={recentlyDeleted}
              restoring={restoring}
              onRestore={(each) => void restore(each.claim)}
            />
          </>
        )
      ) : (
        <>
          {notes && notes.claims.length > 0 && (
            <NoteFilters
              filter={filter}
              tags={tags}
              shown={listed.length}
              total={notes.claims.length}
              sort={sort}
              onChange={setFilter}
              onSort={setSort}
            />
          )}
          {notes && notes.claims.length > 0 && (
            <p class="library-counts" aria-live="polite">
              {notes.complete
                ? describeCounts(counts)
                : `Loading… ${notes.claims.length.toLocaleString()} of ${notes.total.toLocaleString()} claims so far.`}
            </p>
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
          ) : (
            <ClaimList
              rows={rows}
              rebuttals={notes.rebuttals}
              marks={marks}
              grouped={view === 'all'}
              onReveal={reveal}
              // Not while slices still come: the loader's next slice would bring a deleted claim back, or an
              // edited one as it was.
              onDelete={notes.complete ? (claim) => void deleteClaim(claim) : undefined}
              onUpdate={notes.complete ? updateClaim : undefined}
            />
          )}
        </>
      )}
      {deleted && (
        <UndoToast
          message={`Deleted “${deleted.target.quote.exact.slice(0, 80)}”.`}
          seconds={UNDO_SECONDS}
          onUndo={() => {
            setDeleted(null);
            void restore(deleted);
          }}
          onClose={closeToast}
        />
      )}
    </main>
  );
}

/** The listed claims in numbers: how many, on how many pages, and of each status. */
function describeCounts({ claims, pages, byStatus }: ClaimCounts): string {
  const plural = (count: number, one: string, many: string) =>
    `${count.toLocaleString()} ${count === 1 ? one : many}`;
  const statuses = CLAIM_STATUSES.filter((status) => byStatus[status] > 0).map(
    (status) => `${byStatus[status].toLocaleString()} ${STATUS_LABELS[status].toLowerCase()}`,
  );
  return `${plural(claims, 'claim', 'claims')} on ${plural(pages, 'page', 'pages')}: ${statuses.join(', ')}.`;
}

render(<Popup />, document.body);
