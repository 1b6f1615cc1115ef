/**
 * The real-drift part of `npm run bench` (issue 11): on each document of the drift set, every engine describes
 * passages sampled from the old version and anchors them on the new one, timed as the rest of the bench times
 * anchoring. Placements are judged against where a word diff of the two texts puts each passage
 * (`drift-truth.ts`), which owes nothing to any engine under test.
 */
import type { Page } from 'playwright-core';
import { ENGINES } from './bundles';
import type { EngineName } from './bundles';
import { call, launchBench, scriptsBlocked } from './browser';
import type { BenchBrowser } from './browser';
import { DRIFT_DOCUMENTS, renderDriftSet } from './drift-set';
import type { DriftPages } from './drift-set';
import { driftTruth } from './drift-truth';
import type { Found } from './drift-truth';
import type { Example, Prepared } from './page/harness';
import { belowWork, median, runTimes, type RunTime, type RunTimes } from './sampling';
import { serveCorpus } from './server';
import { addTally, emptyTally } from './truth';
import type { Tally } from './truth';

/** Passages sampled from each old version, half sentences and half phrases, as on the synthetic pages. */
const PASSAGES = 100;
const SEED = 11;
/** Documents of a `BENCH_QUICK` run. */
const QUICK_DOCUMENTS = 3;
/**
 * Anchorings again in the first run's page, once its placements are judged. Every timed run opens a fresh page,
 * where an engine's code runs cold; these show what each engine costs once its code is compiled and optimised.
 */
const SAME_PAGE_REPEATS = 4;

/** Whether the new version keeps a passage's text as it was (in place or moved whole), or changed it. */
export type TextChange = 'unchanged' | 'edited';

export interface DriftFigure extends RunTimes {
  document: string;
  engine: EngineName;
  described: number;
  runs: number;
  /** Why this figure has fewer than the planned runs. */
  capped: string | null;
  byText: Record<TextChange, Tally>;
  allRuns: RunTime[];
  /** The anchorings again in one page (SAME_PAGE_REPEATS), and the median of their busy times. */
  samePageRuns: RunTime[];
  samePageBusyMs: number;
  examples: Example[];
}

export interface DriftDocumentResult {
  id: string;
  sources: DriftPages['sources'];
  viewLength: { old: number; new: number };
  passages: number;
  byText: Record<TextChange, number>;
  /** How the diff found each passage on the new version. */
  found: Record<Found, number>;
}

/** One engine over every document: verdicts added up, and times summed over documents. */
export interface DriftTotal {
  engine: EngineName;
  byText: Record<TextChange, Tally>;
  paintedMs: number;
  busyMs: number;
  coldMs: number;
  coldBusyMs: number;
  samePageBusyMs: number;
  /** Documents whose figure has no warm median, which leaves the warm sums without a value. */
  capped: number;
}

export interface DriftResults {
  method: string;
  seed: number;
  passagesPerDocument: number;
  pageScriptsBlocked: boolean;
  requestsBlocked: number;
  documents: DriftDocumentResult[];
  figures: DriftFigure[];
  totals: DriftTotal[];
}

export interface DriftRun {
  runs: number;
  quick: boolean;
  /** After this long in one figure, stop adding runs to a baseline; ours always gets every run. */
  figureBudgetMs: number;
  /** Open a page with the harness and one engine, as the rest of the bench opens pages. */
  open(bench: BenchBrowser, url: string, engine: EngineName): Promise<Page>;
  log(message: string): void;
}

const METHOD =
  'Pairs of real versions of one document: pages of npm’s manual in npm 7.0.0 and 10.0.0, and READMEs of ' +
  'packages across majors, from the tarballs on the npm registry (checked against their published integrity), ' +
  `rendered from Markdown with markdown-it. ${PASSAGES} sentences and 2–6 word phrases of each old page ` +
  `(seed ${SEED}) are described by each engine there and anchored on the new page. The truth comes from a ` +
  'word diff of the two texts (diff-match-patch, no time limit): a passage with at least 60% of its words ' +
  'kept, making up at least 60% of the words where they now stand, is that span, widened over new words that ' +
  'replaced its first or last ones; else one found whole once elsewhere is there; one with under 20% of its ' +
  'words kept and no 12 characters of it left anywhere is gone, and only an orphan is right for it; any other ' +
  'is not judged (unknown). Unchanged: the new text holds the passage word for word; edited: any other. ' +
  'Right: sharing at least half of the union with the truth. Times are summed over documents: warm = the sum ' +
  'of each document’s median of the runs after the first, cold = the sum of first runs, each run in a fresh ' +
  `page; same page = the sum of each document's median of ${SAME_PAGE_REPEATS} anchorings again in the first ` +
  'run’s page, highlights cleared before each, the engine’s code by then compiled and optimised.';

function byText(byEdit: Partial<Record<string, Tally>>): Record<TextChange, Tally> {
  const out: Record<TextChange, Tally> = { unchanged: emptyTally(), edited: emptyTally() };
  for (const [words, tally] of Object.entries(byEdit)) {
    if (tally) addTally(out[words === '0' ? 'unchanged' : 'edited'], tally);
  }
  return out;
}

async function measureDocument(
  bench: BenchBrowser,
  origin: string,
  pages: DriftPages,
  run: DriftRun,
): Promise<{ result: DriftDocumentResult; figures: DriftFigure[] }> {
  const url = (path: string): string => `${origin}/corpus/${path}`;
  const stores = {} as Record<EngineName, unknown[]>;
  let prepared: Prepared | null = null;
  let before = '';
  for (const engine of ENGINES) {
    const page = await run.open(bench, url(pages.old), engine);
    try {
      const picked = await call(page, 'prepare', SEED, PASSAGES);
      // The same seed on the same page picks the same passages for every engine: keep the first one's.
      if (prepared === null) {
        prepared = picked;
        before = await call(page, 'viewText');
      }
      stores[engine] = await call(page, 'describe', 0, picked.sampled);
    } finally {
      await page.close();
    }
  }
  if (prepared === null) throw new Error('No engines to run.');
  const quotes = prepared.quotes;
  const reader = await run.open(bench, url(pages.new), ENGINES[0]);
  const after = await call(reader, 'viewText').finally(() => reader.close());
  const truths = driftTruth(before, after, prepared.spans);
  const truth = truths.map((found) => found.truth);
  const changed = truths.map((found) => found.changedWords);
  const found: Record<Found, number> = { kept: 0, moved: 0, gone: 0, unknown: 0 };
  for (const each of truths) found[each.found]++;
  const unchanged = changed.filter((words) => words === 0).length;
  const result: DriftDocumentResult = {
    id: pages.id,
    sources: pages.sources,
    viewLength: { old: before.length, new: after.length },
    passages: quotes.length,
    byText: { unchanged, edited: quotes.length - unchanged },
    found,
  };

  const figures: DriftFigure[] = [];
  for (const engine of ENGINES) {
    const stored = stores[engine];
    const figure: DriftFigure = {
      document: pages.id,
      engine,
      described: stored.length,
      runs: 0,
      capped: null,
      byText: { unchanged: emptyTally(), edited: emptyTally() },
      paintedMs: Number.NaN,
      busyMs: Number.NaN,
      workMs: Number.NaN,
      coldMs: Number.NaN,
      coldBusyMs: Number.NaN,
      coldWorkMs: Number.NaN,
      allRuns: [],
      samePageRuns: [],
      samePageBusyMs: Number.NaN,
      examples: [],
    };
    const started = Date.now();
    // The same-page anchorings are not runs: the budget leaves them out.
    let samePageMs = 0;
    for (let i = 0; i < run.runs; i++) {
      const page = await run.open(bench, url(pages.new), engine);
      try {
        await call(page, 'setTruth', truth, quotes, changed);
        await call(page, 'idle', 5);
        const timing = await call(page, 'anchorAndPaint', stored);
        figure.allRuns.push({ paintedMs: timing.total, busyMs: timing.busy, workMs: timing.work });
        // Placements are the same on every run: judge the first.
        if (i === 0) {
          const judged = await call(page, 'evaluate');
          figure.byText = byText(judged.byEdit);
          figure.examples = judged.examples;
          const repeatsStarted = Date.now();
          for (let again = 0; again < SAME_PAGE_REPEATS; again++) {
            await call(page, 'clear');
            const repeat = await call(page, 'anchorAndPaint', stored);
            figure.samePageRuns.push({ paintedMs: repeat.total, busyMs: repeat.busy, workMs: repeat.work });
          }
          figure.samePageBusyMs = median(figure.samePageRuns.map((repeat) => repeat.busyMs));
          samePageMs = Date.now() - repeatsStarted;
        }
      } finally {
        await page.close();
      }
      figure.runs = i + 1;
      if (
        engine !== 'counterpoint' &&
        i + 1 < run.runs &&
        Date.now() - started - samePageMs > run.figureBudgetMs
      ) {
        figure.capped = `${figure.runs} of ${run.runs} runs: each run takes ${((Date.now() - started - samePageMs) / 1000 / figure.runs).toFixed(1)} s`;
        break;
      }
    }
    Object.assign(figure, runTimes(figure.allRuns));
    figures.push(figure);
  }
  return { result, figures };
}

function totals(figures: readonly DriftFigure[]): DriftTotal[] {
  return ENGINES.map((engine) => {
    const total: DriftTotal = {
      engine,
      byText: { unchanged: emptyTally(), edited: emptyTally() },
      paintedMs: 0,
      busyMs: 0,
      coldMs: 0,
      coldBusyMs: 0,
      samePageBusyMs: 0,
      capped: 0,
    };
    for (const figure of figures.filter((f) => f.engine === engine)) {
      addTally(total.byText.unchanged, figure.byText.unchanged);
      addTally(total.byText.edited, figure.byText.edited);
      total.paintedMs += figure.paintedMs;
      total.busyMs += figure.busyMs;
      total.coldMs += figure.coldMs;
      total.coldBusyMs += figure.coldBusyMs;
      total.samePageBusyMs += figure.samePageBusyMs;
      if (!Number.isFinite(figure.busyMs)) total.capped++;
    }
    return total;
  });
}

/** Run the drift set in a browser of its own, on a loopback server of the rendered pages. */
export async function measureDrift(run: DriftRun): Promise<DriftResults> {
  const documents = run.quick ? DRIFT_DOCUMENTS.slice(0, QUICK_DOCUMENTS) : DRIFT_DOCUMENTS;
  const { root, pages } = await renderDriftSet(documents);
  const server = await serveCorpus(root);
  const bench = await launchBench(server.origin);
  try {
    const pageScriptsBlocked = await scriptsBlocked(bench.context, server.origin);
    if (!pageScriptsBlocked)
      throw new Error('A page script ran despite the policy: the bench would measure the page.');
    const results: DriftDocumentResult[] = [];
    const figures: DriftFigure[] = [];
    for (const each of pages) {
      const done = await measureDocument(bench, server.origin, each, run);
      results.push(done.result);
      figures.push(...done.figures);
      run.log(
        `  ${each.id}: ${done.result.passages} passages, ${done.result.byText.edited} edited; ` +
          done.figures
            .map((f) => `${f.engine} ${f.byText.unchanged.right + f.byText.edited.right} right`)
            .join(', '),
      );
    }
    return {
      method: METHOD,
      seed: SEED,
      passagesPerDocument: PASSAGES,
      pageScriptsBlocked,
      requestsBlocked: bench.blocked(),
      documents: results,
      figures,
      totals: totals(figures),
    };
  } finally {
    await bench.close();
    await server.close();
  }
}

/** Runs of the drift set whose painted or busy time is below the work they contain, named. */
export function driftRunsBelowWork(drift: DriftResults): string[] {
  return drift.figures.flatMap((f) =>
    [...f.allRuns, ...f.samePageRuns].flatMap((r, i) => {
      const names = belowWork(r.workMs, { painted: r.paintedMs, busy: r.busyMs });
      const which = i < f.allRuns.length ? `run ${i + 1}` : `same-page run ${i + 1 - f.allRuns.length}`;
      return names.length > 0 ? [`drift ${f.document} ${f.engine} ${which}: ${names.join(', ')} < work`] : [];
    }),
  );
}
