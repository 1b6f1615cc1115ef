import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClaimList } from '../../components/ClaimList';
import { PageGroups } from '../../components/PageGroups';
import type { Claim } from '../../core/model';
import type { Notes } from '../../core/protocol';
import { ask, askTab } from '../../messaging/send';

type View = 'page' | 'all';
interface CurrentPage {
  pageKey: string;
  title: string;
  /** Claims the tab could not place; unknown (empty) when the page was named in the URL. */
  orphans: string[];
}

/**
 * The article this view is about: the one named in `?page=` when the notes page was opened for it, else
 * the one in the active tab, as its content script reports it. Null when there is none (a browser page,
 * or the popup opened as a tab of its own).
 */
async function findCurrentPage(): Promise<CurrentPage | null> {
  const named = new URLSearchParams(location.search).get('page');
  if (named) return { pageKey: named, title: '', orphans: [] };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const answer = await askTab(tab.id, 'tab.describe', {});
  return answer.ok ? answer.value : null;
}

function Popup() {
  const [page, setPage] = useState<CurrentPage | null | undefined>(undefined);
  const [view, setView] = useState<View>('page');
  const [notes, setNotes] = useState<Notes | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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
  }, [page, view]);

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
      {notes === null ? (
        <p class="empty">Loading…</p>
      ) : notes.claims.length === 0 ? (
        <p class="empty">
          {view === 'page'
            ? 'No claims on this page yet. Select a sentence in the article to mark it.'
            : 'No claims yet. Select a sentence in any article to mark it.'}
        </p>
      ) : view === 'page' ? (
        <ClaimList
          claims={notes.claims}
          rebuttals={notes.rebuttals}
          orphans={new Set(page?.orphans)}
          onReveal={reveal}
        />
      ) : (
        <PageGroups claims={notes.claims} rebuttals={notes.rebuttals} onReveal={reveal} />
      )}
      {!page && <p class="hint">No article in this tab: showing every page’s claims.</p>}
    </main>
  );
}

render(<Popup />, document.body);
