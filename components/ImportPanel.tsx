import { useState } from 'preact/hooks';
import type { MergeCounts } from '../core/bundle';
import type { ImportReport, ImportSummary } from '../core/protocol';
import { Steps } from './Steps';
import { trusted } from './trusted';

/** Where an import stands: nothing chosen, a file being checked, its preview, or its outcome. */
export type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  /** `interrupted`: why the reader's last try failed, when it saved nothing and may simply be tried again. */
  | { step: 'preview'; fileName: string; summary: ImportSummary; interrupted?: string }
  | { step: 'importing'; fileName: string; summary: ImportSummary }
  /** `undo`: the reader asked to undo it, and it is under way or was refused with this message. */
  | { step: 'done'; fileName: string; summary: ImportReport; undo?: 'undoing' | { refused: string } }
  | { step: 'undone'; fileName: string }
  | { step: 'failed'; fileName: string; message: string };

export interface ImportPanelProps {
  state: ImportState;
  onFile(file: File): void;
  onConfirm(): void;
  onCancel(): void;
  /** Undo the import the report shows. */
  onUndo(): void;
}

/** An import's steps, as the panel shows them while one runs. */
const IMPORT_STEPS = ['Read and check the file', 'Preview what it changes', 'Import it, all or nothing'];

/** How many pages the report links to; the rest are counted. */
const PAGES_LISTED = 30;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The counts of a preview or a report, as one sentence. */
export function describeCounts(counts: MergeCounts, done: boolean): string {
  return [
    `${plural(counts.new, 'new note', 'new notes')}${done ? ' added' : ''}`,
    `${counts.updated} updated`,
    `${counts.unchanged} unchanged`,
    `${counts.deleted} deleted`,
    `${counts.rejected} refused`,
  ].join(', ');
}

function changes(counts: MergeCounts): number {
  return counts.new + counts.updated + counts.deleted;
}

function Problems({ summary }: { summary: ImportSummary }) {
  if (summary.problems.length === 0) return null;
  return (
    <details class="problems" open={summary.problems.length <= 5}>
      <summary>What was refused, and where in the file</summary>
      <ul>
        {summary.problems.map((problem, i) => (
          <li key={i}>
            <code>{problem.path || '(the whole file)'}</code>: {problem.message}
          </li>
        ))}
        {summary.moreProblems > 0 && (
          <li>…and {plural(summary.moreProblems, 'more problem', 'more problems')}</li>
        )}
      </ul>
    </details>
  );
}

/** Import a file: pick it or drop it, see what it would change, confirm, and see what it changed. */
export function ImportPanel({ state, onFile, onConfirm, onCancel, onUndo }: ImportPanelProps) {
  const [dragging, setDragging] = useState(false);
  const takeFirst = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  const busy =
    state.step === 'checking' ||
    state.step === 'importing' ||
    (state.step === 'done' && state.undo === 'undoing');
  return (
    <fieldset class="import">
      <legend>Import</legend>
      <label
        class={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!busy) takeFirst(event.dataTransfer?.files);
        }}
      >
        <span>Drop a note bundle, W3C annotations or a Hypothesis export here, or choose a file: </span>
        <input
          type="file"
          class="import-file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={busy}
          onChange={(event) => {
            takeFirst(event.currentTarget.files);
            // Cleared, so that choosing the same file again is noticed.
            event.currentTarget.value = '';
          }}
        />
      </label>
      {state.step === 'checking' && (
        <>
          <p class="import-status">Checking “{state.fileName}”…</p>
          <Steps steps={IMPORT_STEPS} current={0} label="Import" />
        </>
      )}
      {state.step === 'importing' && <Steps steps={IMPORT_STEPS} current={2} label="Import" />}
      {state.step === 'failed' && (
        <p class="problem import-failed" role="alert">
          “{state.fileName}”: {state.message}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <div class="preview" role="status">
          {state.step === 'preview' && state.interrupted !== undefined && (
            <p class="problem import-interrupted" role="alert">
              The import was cut short: {state.interrupted} Nothing was imported: your notes are as they were.
              It is safe to try again.
            </p>
          )}
          <p>
            “{state.fileName}” is {state.summary.format}. Importing it would give:{' '}
            <strong class="counts">{describeCounts(state.summary.counts, false)}</strong>.
          </p>
          <Problems summary={state.summary} />
          {changes(state.summary.counts) === 0 ? (
            <p>Your notes already hold everything in this file: importing it changes nothing.</p>
          ) : null}
          <div class="actions">
            <button
              type="button"
              class="import-confirm"
              disabled={state.step === 'importing' || changes(state.summary.counts) === 0}
              onClick={trusted(onConfirm)}
            >
              {state.step === 'importing' ? 'Importing…' : 'Import'}
            </button>
            <button
              type="button"
              class="import-cancel"
              disabled={state.step === 'importing'}
              onClick={trusted(onCancel)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div class="report" role="status">
          <p>
            Imported “{state.fileName}”:{' '}
            <strong class="counts">{describeCounts(state.summary.counts, true)}</strong>.
          </p>
          <Problems summary={state.summary} />
          {state.summary.pages.length > 0 && (
            <>
              <p>Pages whose notes changed:</p>
              <ul class="touched">
                {state.summary.pages.slice(0, PAGES_LISTED).map((page) => (
                  <li key={page.pageKey}>
                    <a href={page.url} target="_blank" rel="noreferrer">
                      {page.title || page.url}
                    </a>
                  </li>
                ))}
                {state.summary.pages.length > PAGES_LISTED && (
                  <li>…and {plural(state.summary.pages.length - PAGES_LISTED, 'more page', 'more pages')}</li>
                )}
              </ul>
            </>
          )}
          {typeof state.undo === 'object' && (
            <p class="problem import-undo-refused" role="alert">
              {state.undo.refused}
            </p>
          )}
          <div class="actions">
            {state.summary.batch !== null && typeof state.undo !== 'object' && (
              <button
                type="button"
                class="import-undo"
                disabled={state.undo === 'undoing'}
                onClick={trusted(onUndo)}
              >
                {state.undo === 'undoing' ? 'Undoing…' : 'Undo this import'}
              </button>
            )}
            <button
              type="button"
              class="import-done"
              disabled={state.undo === 'undoing'}
              onClick={trusted(onCancel)}
            >
              Done
            </button>
          </div>
        </div>
      )}
      {state.step === 'undone' && (
        <div class="report" role="status">
          <p class="import-undone">
            Undid the import of “{state.fileName}”: your notes are as they were before it.
          </p>
          <button type="button" class="import-done" onClick={trusted(onCancel)}>
            Done
          </button>
        </div>
      )}
    </fieldset>
  );
}
