/**
 * `npm run bench`: Counterpoint's anchoring and highlighting against the Hypothesis client's quote anchoring
 * (rewritten here), `@apache-annotator/dom` and `dom-anchor-text-quote`, on the same real pages and the same
 * targets, in one run of headless Chromium with page scripts off and the network blocked. Writes
 * `bench-results.json` and prints the figures beside the targets of issue 3. `BENCH_QUICK=1` runs one page, two
 * runs a figure, for working on the bench itself.
 * `BENCH_DRIFT_ONLY=1` runs the drift set of real revisions alone (drift.ts) and prints it without writing.
 * `BENCH_SUGGEST_ONLY=1` runs the suggestions alone (suggestions.ts), their times and their gold sets, and prints
 * them without writing. `BENCH_LIBRARY_ONLY=1` runs the notes page and popup over a library of 10,000 claims
 * alone (library.ts), the same.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPageBundles, engineCodeSize, ENGINES, REPO, sizeOf } from './bundles';
import type { CodeSize, EngineName, PageBundles } from './bundles';
import { call, CHROMIUM_ARGS, launchBench, openPage, scriptsBlocked } from './browser';
import type { BenchBrowser } from './browser';
import { driftRunsBelowWork, measureDrift } from './drift';
import type { DriftResults, DriftRun } from './drift';
import { libraryReport, measureLibrary } from './library';
import type { LibraryBench } from './library';
import { measureNoNotes } from './no-notes';
import { measureNoteBundles } from './note-bundles';
import type { NoteBundleBench } from './note-bundles';
import type { NoNotesResult } from './no-notes';
import type { Drawn, Judged, Located, Prepared, Revised, Timing } from './page/harness';
import { checkTargets, driftReport, printReport, suggestionChecks } from './report';
import type { TargetCheck } from './report';
import { belowWork, coldWarm, median, runTimes, type RunTime, type RunTimes } from './sampling';
import { serveCorpus } from './server';
import { measureSuggestions } from './suggestions';
import type { SuggestionBench } from './suggestions';

const CORPUS = resolve(REPO, '../shared/corpus');
const QUICK = process.env.BENCH_QUICK === '1';
const DRIFT_ONLY = process.env.BENCH_DRIFT_ONLY === '1';
const SUGGEST_ONLY = process.env.BENCH_SUGGEST_ONLY === '1';
const LIBRARY_ONLY = process.env.BENCH_LIBRARY_ONLY === '1';
const RUNS = QUICK ? 2 : 5;
const SEED = 20260311;
const REVISION_SEED = 7;
const EDIT_FRACTION = 0.1;
const DRAW_COUNT = 1000;
/** After this long in one figure, stop adding runs to a baseline (ours always gets every run); the output says so. */
const FIGURE_BUDGET_MS = 10_000;
/** Skip a figure whose first run is projected (from the same engine's smaller N) to take longer than this. */
const RUN_LIMIT_MS = 25_000;
/** Describing targets with a baseline's own describe function is slow; stop at this much per page and engine. */
const DESCRIBE_BUDGET_MS: Record<EngineName, number> = {
  counterpoint: 60_000,
  hypothesis: 70_000,
  'apache-annotator': 130_000,
  'dom-anchor-text-quote': 70_000,
};
const DESCRIBE_CHUNK = 100;

export type Scenario = 'unchanged' | 'revised' | 'other-dom';

interface PagePlan {
  id: string;
  source: string;
  /** The same text under another DOM, for scenario 3; the Hypothesis page has none. */
  expected: string | null;
  counts: number[];
}

const PAGES: PagePlan[] = [
  {
    id: 'wikipedia-2',
    source: 'readability/wikipedia-2/source.html',
    expected: 'readability/wikipedia-2/expected.html',
    counts: [100, 500, 2000],
  },
  {
    id: 'wordpress',
    source: 'readability/wordpress/source.html',
    expected: 'readability/wordpress/expected.html',
    counts: [100],
  },
  {
    id: 'hypothesis-wikipedia-regression-testing',
    source: 'hypothesis-baselines/wikipedia-regression-testing.html',
    expected: null,
    counts: [100],
  },
];

/**
 * One engine on one page and scenario. Its painted times wait for the second frame; the idle two frames are kept
 * apart in `idle`, never subtracted.
 */
export interface Figure extends RunTimes {
  page: string;
  scenario: Scenario;
  n: number;
  engine: EngineName;
  runs: number;
  /** Why this figure has fewer than the planned runs, or none. */
  capped: string | null;
  idle: { total: number; busy: number };
  allRuns: RunTime[];
  accuracy: Judged | null;
  revision: Revised | null;
  located: Located | null;
}

export interface DrawFigure {
  engine: EngineName;
  painter: string;
  runs: number;
  count: number;
  /** Warm medians, over the runs after the first. */
  drawMs: number;
  drawBusyMs: number;
  removeMs: number;
  removeBusyMs: number;
  /** The first run's painted and busy ms. */
  drawColdMs: number;
  drawColdBusyMs: number;
  removeColdMs: number;
  removeColdBusyMs: number;
  /** Medians of the painting and clearing calls alone: the least the figures beside them can be. */
  drawWorkMs: number;
  removeWorkMs: number;
  nodesAdded: number;
  elementsAdded: number;
  nodesLeftAfterRemove: number;
  /** Every run's draw and remove, each with the work it contains (`work`), for the check that figures hold it. */
  allRuns: { draw: Timing; remove: Timing }[];
}

export interface Results {
  date: string;
  durationSeconds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    os: string;
    node: string;
    /**
     * One-minute load averages sampled through the run. Other work on a shared machine slows every engine;
     * compare figures within one run, and distrust a run whose load stayed above the number of CPUs.
     */
    loadAverage: { start: number; median: number; max: number };
  };
  browser: { name: string; version: string; args: string[]; headless: boolean };
  method: Record<string, string>;
  config: { seed: number; runs: number; pages: PagePlan[]; editFraction: number; figureBudgetMs: number };
  checks: { pageScriptsBlocked: boolean; requestsBlocked: number };
  /** The code measured: the bench builds and bundles the working tree, which may differ from the commit. */
  code: {
    commit: string;
    /** Whether any file in `checked` differs from the commit: then the figures are not the commit's. */
    dirty: boolean;
    uncommittedFiles: string[];
    checked: string;
  };
  pages: { id: string; viewLength: number; sampled: number; sentences: number; phrases: number }[];
  described: Record<string, Partial<Record<EngineName, number>>>;
  anchoring: Figure[];
  drawing: DrawFigure[];
  sizes: {
    contentScript: CodeSize & { file: string; built: string };
    /** The interface the content script loads on pages with notes or a selection. */
    pageUi: CodeSize & { file: string };
    contentCss: CodeSize;
    engine: CodeSize;
  };
  noNotes: NoNotesResult | null;
  suggestions: SuggestionBench;
  noteBundles: NoteBundleBench | null;
  /** The notes page and popup over a library of 10,000 claims (issue 13); null in a quick run. */
  library: LibraryBench | null;
  /** Anchoring across real revisions of real documents (issue 11). */
  drift: DriftResults;
  targets: TargetCheck[];
}

const PAINTERS: Record<EngineName, string> = {
  counterpoint: 'core/highlighter.ts Highlighter (CSS Custom Highlight API)',
  hypothesis:
    '@apache-annotator/dom highlightText with <hypothesis-highlight>, as the Hypothesis client wraps',
  'apache-annotator': '@apache-annotator/dom highlightText, <mark> wrapping',
  'dom-anchor-text-quote':
    '@apache-annotator/dom highlightText with <hypothesis-highlight>, Hypothesis-style wrapping',
};

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function requireCorpus(): void {
  if (!existsSync(CORPUS)) {
    log(`The corpus is missing: ${CORPUS} should hold the shared pages (see ../shared/corpus/README.md).`);
    process.exit(1);
  }
}

/**
 * The content script as it ships: the part every page loads, and the interface it loads where needed. The
 * Chrome build is made afresh on every run (a few seconds), because the sizes and the no-notes and bundle
 * figures are of `.output`, which would otherwise be of whatever sources were last built.
 */
function contentScript(): { js: string; ui: string; css: string } {
  log('Building the Chrome extension from the current sources: `npx wxt build`…');
  // stdout to stderr: the bench's stdout is its report.
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO, stdio: ['ignore', 2, 2] });
  const dir = join(REPO, '.output/chrome-mv3/content-scripts');
  const js = join(dir, 'content.js');
  const ui = join(REPO, '.output/chrome-mv3/page-ui.js');
  if (!existsSync(js) || !existsSync(ui)) throw new Error(`The Chrome build wrote no ${js} or ${ui}.`);
  return { js, ui, css: join(dir, 'content.css') };
}

/** A fill for Hypothesis-style wrappers; Counterpoint's `Highlighter` adopts its own colours. */
const HIGHLIGHT_CSS = 'hypothesis-highlight { background-color: rgb(255 255 60 / 0.4); }';

async function open(
  bench: BenchBrowser,
  url: string,
  bundles: PageBundles,
  engine: EngineName,
): Promise<Page> {
  const page = await openPage(bench.context, url, [bundles.harness, bundles.engines[engine]]);
  await call(page, 'style', HIGHLIGHT_CSS);
  return page;
}

/**
 * The commit and every changed or untracked file of the whole tree: the figures depend on core/, the
 * entrypoints, components, storage, messaging, the bench itself and the build's configuration, so listing
 * some of them could call a changed build clean. The bench's own output is left out.
 */
function codeState(): Results['code'] {
  // trimEnd only: a porcelain line starts with a space when the change is not staged.
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trimEnd();
  const status = git('status', '--porcelain', '--untracked-files=all', '--', '.', ':!bench-results.json');
  const files = status === '' ? [] : status.split('\n').map((line) => line.slice(3));
  return {
    commit: git('rev-parse', 'HEAD'),
    dirty: files.length > 0,
    uncommittedFiles: files,
    checked: 'git status --porcelain of the whole tree, untracked files included, but bench-results.json',
  };
}

/**
 * Every run whose painted or busy time is below the anchoring or painting work it contains, named by figure and
 * run: such a time measured something other than the work, and no figure is written from it.
 */
function runsBelowWork(anchoring: readonly Figure[], drawing: readonly DrawFigure[]): string[] {
  const broken: string[] = [];
  for (const f of anchoring) {
    f.allRuns.forEach((run, i) => {
      const names = belowWork(run.workMs, { painted: run.paintedMs, busy: run.busyMs });
      if (names.length > 0)
        broken.push(`${f.page} ${f.scenario} N=${f.n} ${f.engine} run ${i + 1}: ${names.join(', ')} < work`);
    });
  }
  for (const d of drawing) {
    d.allRuns.forEach((run, i) => {
      for (const [what, timing] of [['draw', run.draw] as const, ['remove', run.remove] as const]) {
        const names = belowWork(timing.work, { painted: timing.total, busy: timing.busy });
        if (names.length > 0)
          broken.push(`${what} ${d.count} ${d.engine} run ${i + 1}: ${names.join(', ')} < work`);
      }
    });
  }
  return broken;
}

class Runner {
  readonly figures: Figure[] = [];
  readonly described: Results['described'] = {};
  readonly pages: Results['pages'] = [];

  constructor(
    private readonly bench: BenchBrowser,
    private readonly bundles: PageBundles,
    private readonly origin: string,
  ) {}

  private url(path: string): string {
    return `${this.origin}/corpus/${path}`;
  }

  /** Describe up to the largest count with each engine's own describe, within its budget. */
  /**
   * Describe the targets with each engine's own describe function, count by planned count, stopping before a
   * count whose projected describing time would pass the engine's budget.
   */
  private async describe(
    plan: PagePlan,
    engine: EngineName,
  ): Promise<{ stored: unknown[]; prepared: Prepared; note: string | null }> {
    const page = await open(this.bench, this.url(plan.source), this.bundles, engine);
    try {
      const prepared = await call(page, 'prepare', SEED, Math.max(...plan.counts));
      const stored: unknown[] = [];
      const started = Date.now();
      let note: string | null = null;
      for (const count of plan.counts) {
        const want = Math.min(count, prepared.sampled);
        const spent = Date.now() - started;
        const projected = stored.length > 0 ? (spent / stored.length) * want : 0;
        if (projected > DESCRIBE_BUDGET_MS[engine]) {
          note = `describing ${count} targets with its own describe function would take about ${Math.round(projected / 1000)} s (budget ${DESCRIBE_BUDGET_MS[engine] / 1000} s)`;
          break;
        }
        while (stored.length < want) {
          const to = Math.min(want, stored.length + DESCRIBE_CHUNK);
          stored.push(...(await call(page, 'describe', stored.length, to)));
        }
      }
      log(
        `  ${engine}: described ${stored.length} targets in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return { stored, prepared, note };
    } finally {
      await page.close();
    }
  }

  private async oneRun(
    plan: PagePlan,
    scenario: Scenario,
    engine: EngineName,
    stored: readonly unknown[],
    quotes: Prepared['quotes'],
  ): Promise<{
    idle: { total: number; busy: number };
    timing: { total: number; busy: number; work: number };
    extra: Pick<Figure, 'revision' | 'located'>;
    page: Page;
  }> {
    const n = stored.length;
    const page = await open(
      this.bench,
      this.url(scenario === 'other-dom' ? (plan.expected ?? '') : plan.source),
      this.bundles,
      engine,
    );
    let revision: Revised | null = null;
    let located: Located | null = null;
    if (scenario === 'other-dom') {
      located = await call(page, 'locate', quotes.slice(0, n));
    } else {
      await call(page, 'prepare', SEED, n);
      if (scenario === 'revised') revision = await call(page, 'revise', REVISION_SEED, n, EDIT_FRACTION);
    }
    const idle = await call(page, 'idle', 5);
    const timing = await call(page, 'anchorAndPaint', stored);
    return { idle, timing, extra: { revision, located }, page };
  }

  async figure(
    plan: PagePlan,
    scenario: Scenario,
    engine: EngineName,
    stored: readonly unknown[],
    quotes: Prepared['quotes'],
    skip: string | null,
    n = stored.length,
  ): Promise<Figure> {
    const figure: Figure = {
      page: plan.id,
      scenario,
      n,
      engine,
      runs: 0,
      capped: skip,
      idle: { total: Number.NaN, busy: Number.NaN },
      paintedMs: Number.NaN,
      busyMs: Number.NaN,
      workMs: Number.NaN,
      coldMs: Number.NaN,
      coldBusyMs: Number.NaN,
      coldWorkMs: Number.NaN,
      allRuns: [],
      accuracy: null,
      revision: null,
      located: null,
    };
    if (skip !== null) return figure;
    const started = Date.now();
    const idles: { total: number; busy: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { idle, timing, extra, page } = await this.oneRun(plan, scenario, engine, stored, quotes);
      try {
        idles.push(idle);
        // Wall time to the painted frame, idle frame not subtracted: a difference of two frame waits can go below zero.
        figure.allRuns.push({ paintedMs: timing.total, busyMs: timing.busy, workMs: timing.work });
        // Placements are the same on every run: judge the first.
        if (run === 0) {
          figure.accuracy = await call(page, 'evaluate');
          figure.revision = extra.revision;
          figure.located = extra.located;
        }
      } finally {
        await page.close();
      }
      figure.runs = run + 1;
      if (engine !== 'counterpoint' && run + 1 < RUNS && Date.now() - started > FIGURE_BUDGET_MS) {
        figure.capped = `${figure.runs} of ${RUNS} runs: each run takes ${((Date.now() - started) / 1000 / figure.runs).toFixed(1)} s`;
        break;
      }
    }
    figure.idle = {
      total: median(idles.map((idle) => idle.total)),
      busy: median(idles.map((idle) => idle.busy)),
    };
    Object.assign(figure, runTimes(figure.allRuns));
    log(
      `  ${plan.id} ${scenario} N=${n} ${engine}: warm ${figure.paintedMs.toFixed(1)} ms painted, ` +
        `${figure.busyMs.toFixed(1)} ms busy; cold ${figure.coldMs.toFixed(1)} ms painted (${figure.runs} runs)`,
    );
    this.figures.push(figure);
    return figure;
  }

  async page(plan: PagePlan): Promise<void> {
    const max = Math.max(...plan.counts);
    log(`${plan.id}: describing ${max} targets with each engine`);
    const stores = {} as Record<EngineName, unknown[]>;
    const notes: Partial<Record<EngineName, string>> = {};
    let quotes: Prepared['quotes'] = [];
    for (const engine of ENGINES) {
      const { stored, prepared, note } = await this.describe(plan, engine);
      stores[engine] = stored;
      if (note !== null) notes[engine] = note;
      if (engine === 'counterpoint') {
        quotes = prepared.quotes;
        const { viewLength, sampled, sentences, phrases } = prepared;
        this.pages.push({ id: plan.id, viewLength, sampled, sentences, phrases });
      }
      (this.described[plan.id] ??= {})[engine] = stored.length;
    }
    const scenarios: Scenario[] = plan.expected
      ? ['unchanged', 'revised', 'other-dom']
      : ['unchanged', 'revised'];
    for (const scenario of scenarios) {
      for (const engine of ENGINES) {
        let previous: Figure | null = null;
        for (const n of plan.counts) {
          const stored = stores[engine];
          let skip: string | null = null;
          if (stored.length < n) {
            skip = `not run: ${notes[engine] ?? `only ${stored.length} targets were described`}`;
          } else if (previous && previous.runs === 0) {
            skip = `not run: N = ${previous.n} was not run either`;
          } else if (previous && previous.coldWorkMs * (n / previous.n) > RUN_LIMIT_MS) {
            // From the cold run: a capped figure may have no warm one, and the first run is the longest.
            skip = `not run: projected ${((previous.coldWorkMs * (n / previous.n)) / 1000).toFixed(0)} s a run from N = ${previous.n}`;
          }
          const figure = await this.figure(plan, scenario, engine, stored.slice(0, n), quotes, skip, n);
          if (skip !== null) {
            log(`  ${plan.id} ${scenario} N=${n} ${engine}: ${skip}`);
            this.figures.push(figure);
          }
          previous = figure;
        }
      }
    }
  }

  async drawing(plan: PagePlan): Promise<DrawFigure[]> {
    const out: DrawFigure[] = [];
    for (const engine of ENGINES) {
      const runs: Awaited<ReturnType<typeof this.drawOnce>>[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await this.drawOnce(plan, engine));
      const first = runs[0];
      const warm = (pick: (drawn: Drawn) => number): number => coldWarm(runs.map((r) => pick(r.drawn))).warm;
      out.push({
        engine,
        painter: PAINTERS[engine],
        runs: runs.length,
        count: first?.drawn.count ?? 0,
        drawMs: warm((r) => r.draw.total),
        drawBusyMs: warm((r) => r.draw.busy),
        removeMs: warm((r) => r.remove.total),
        removeBusyMs: warm((r) => r.remove.busy),
        drawWorkMs: warm((r) => r.draw.work),
        removeWorkMs: warm((r) => r.remove.work),
        drawColdMs: first?.drawn.draw.total ?? Number.NaN,
        drawColdBusyMs: first?.drawn.draw.busy ?? Number.NaN,
        removeColdMs: first?.drawn.remove.total ?? Number.NaN,
        removeColdBusyMs: first?.drawn.remove.busy ?? Number.NaN,
        nodesAdded: first ? first.drawn.nodesAfterDraw - first.drawn.nodesBefore : Number.NaN,
        elementsAdded: first?.drawn.elementsAdded ?? Number.NaN,
        nodesLeftAfterRemove: first ? first.drawn.nodesAfterRemove - first.drawn.nodesBefore : Number.NaN,
        allRuns: runs.map((r) => ({ draw: r.drawn.draw, remove: r.drawn.remove })),
      });
      log(`  drawing ${DRAW_COUNT} with ${engine}: done`);
    }
    return out;
  }

  private async drawOnce(plan: PagePlan, engine: EngineName) {
    const page = await open(this.bench, this.url(plan.source), this.bundles, engine);
    try {
      await call(page, 'prepare', SEED, DRAW_COUNT);
      const idle = await call(page, 'idle', 5);
      const drawn = await call(page, 'drawAndRemove', DRAW_COUNT);
      return { idle, drawn };
    } finally {
      await page.close();
    }
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  const loads = [loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 10_000);
  sampler.unref();
  requireCorpus();
  // Before bundling: the state of the code that the bundles are built from.
  const code = codeState();
  const content = contentScript();
  const bundles = await buildPageBundles();
  const engineSize = await engineCodeSize();
  const server = await serveCorpus(CORPUS);
  const bench = await launchBench(server.origin);
  let results: Results;
  try {
    const pageScriptsBlocked = await scriptsBlocked(bench.context, server.origin);
    if (!pageScriptsBlocked)
      throw new Error('A page script ran despite the policy: the bench would measure the page.');

    const runner = new Runner(bench, bundles, server.origin);
    const plans = QUICK ? PAGES.slice(0, 1).map((plan) => ({ ...plan, counts: [100] })) : PAGES;
    for (const plan of plans) await runner.page(plan);
    const [wikipedia] = PAGES;
    if (!wikipedia) throw new Error('no pages planned');
    log(`Drawing and removing ${DRAW_COUNT} highlights on ${wikipedia.id}`);
    const drawing = await runner.drawing(wikipedia);
    log('Suggesting rebuttals among 500 comments');
    const suggestions = await measureSuggestions(bench.context, server.origin, RUNS);
    const requestsBlocked = bench.blocked();
    await bench.close();

    log('Main-thread time with no notes, with and without the extension');
    const noNotes = await measureNoNotes(`${server.origin}/corpus/${wikipedia.source}`, server.origin, RUNS);
    log('Importing and exporting a bundle of 10,000 notes');
    const noteBundles = QUICK ? null : await measureNoteBundles();
    log('Opening, searching and exporting a library of 10,000 claims');
    const library = QUICK ? null : await measureLibrary(RUNS, log);
    log('Anchoring passages of real documents on their later versions');
    const drift = await measureDrift(driftRun(bundles));

    clearInterval(sampler);
    const cpu = cpus();
    results = {
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - began) / 1000),
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        os: `${platform()} ${release()}`,
        node: process.version,
        loadAverage: { start: loads[0] ?? 0, median: median(loads), max: Math.max(...loads) },
      },
      browser: { name: 'Chromium (Debian)', version: bench.version, args: CHROMIUM_ARGS, headless: true },
      method: {
        painted:
          'Wall time from the start of anchoring to the second requestAnimationFrame after painting. The median ' +
          'of 5 idle two-frame times on the same page is reported beside it (idle), never subtracted. Headless ' +
          'Chromium draws at 60 Hz, so this figure moves in 16.7 ms steps. Frames are counted from the frame the ' +
          'work starts in: the next frame renders the change, the one after shows it; so the figure is at least ' +
          'the work, and at least one frame. Every run is checked to hold its work, or no results are written; a ' +
          'target is not met from a figure below its work, nor from a painted time under one frame.',
        busy:
          'Main-thread time of the same run: the anchoring and painting call, plus the rendering (style, layout, ' +
          'paint) of the next frame (from its rAF callback to a message posted there); the idle frame’s is beside it. ' +
          'Resolves differences under a frame; the targets are judged on it.',
        accuracy:
          'Each placement and the truth in raw text offsets, taken before painting: right when they share at least ' +
          'half of their union. The truth is a live Range on the picked passage, so it follows the revision. On ' +
          'expected.html the truth is known only where the quote occurs once; absent quotes should be orphaned.',
        baselines:
          'hypothesis: the Hypothesis client’s quote anchoring, rewritten in ' +
          'scripts/bench/page/hypothesis-anchoring.ts: the stored TextPositionSelector if the text there is still ' +
          'the quote, else approx-string-match within min(256, half the quote) errors, candidates scored on quote ' +
          '(50), prefix (20), suffix (20) and position (2); described with 32 characters of context over the ' +
          'body’s textContent; its XPath RangeSelector is left out. ' +
          'apache-annotator: @apache-annotator/dom’s own describe and exact match, first match taken. ' +
          'dom-anchor-text-quote: the packages of older Hypothesis clients, the stored position checked against the ' +
          'quote, else diff-match-patch near it. The three paint by wrapping text in elements.',
        targets:
          `Random sentences and 2–6 word phrases of visible text (seed ${SEED}); N = 100 and 500 are the first ` +
          'targets of the same list. Each engine describes them with its own describe function on the original page.',
        revision:
          `A 500-character paragraph before the first paragraph of 80+ characters; one word (2 in 3) or two words ` +
          `replaced inside about ${EDIT_FRACTION * 100}% of the passages of 3+ words (seed ${REVISION_SEED}).`,
        warmth:
          'Before each timed run the harness walks the page once, to pick the truth and, on revised pages, to edit ' +
          'it, so the DOM wrappers are already made for every engine alike. A content script’s first walk of a page ' +
          'also pays for making them: on wikipedia-2 a bare walk of its 24,000 nodes took about 6 ms cold against ' +
          '1.4 ms warm (measured separately).',
        build:
          'The Chrome extension (.output/chrome-mv3) is built from the working tree at the start of every run, so ' +
          'the sizes, the no-notes and the bundle figures are of the sources named in `code`, never an older build.',
        scripts:
          'Pages are served with Content-Security-Policy script-src none; a sentinel page proves no page script runs. ' +
          'Bench bundles are evaluated over CDP. Every request but the loopback server is aborted.',
      },
      config: {
        seed: SEED,
        runs: RUNS,
        pages: plans,
        editFraction: EDIT_FRACTION,
        figureBudgetMs: FIGURE_BUDGET_MS,
      },
      checks: { pageScriptsBlocked, requestsBlocked },
      code,
      pages: runner.pages,
      described: runner.described,
      anchoring: runner.figures,
      drawing,
      sizes: {
        contentScript: {
          ...sizeOf(readFileSync(content.js)),
          file: '.output/chrome-mv3/content-scripts/content.js',
          built: statSync(content.js).mtime.toISOString(),
        },
        pageUi: { ...sizeOf(readFileSync(content.ui)), file: '.output/chrome-mv3/page-ui.js' },
        contentCss: existsSync(content.css) ? sizeOf(readFileSync(content.css)) : { minified: 0, gzip: 0 },
        engine: engineSize,
      },
      noNotes,
      suggestions,
      noteBundles,
      library,
      drift,
      targets: [],
    };
  } finally {
    await bench.close().catch(() => undefined);
    await server.close();
  }
  results.durationSeconds = Math.round((Date.now() - began) / 1000);
  const broken = [...runsBelowWork(results.anchoring, results.drawing), ...driftRunsBelowWork(results.drift)];
  if (broken.length > 0) {
    throw new Error(
      `Not writing bench-results.json: a time below the work it contains is not a measurement.\n${broken.join('\n')}`,
    );
  }
  results.targets = checkTargets(results);
  await writeFile(join(REPO, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
}

/** The drift set's run, its pages opened as every other page of the bench. */
function driftRun(bundles: PageBundles): DriftRun {
  return {
    runs: RUNS,
    quick: QUICK,
    figureBudgetMs: FIGURE_BUDGET_MS,
    open: (bench, url, engine) => open(bench, url, bundles, engine),
    log,
  };
}

/** The drift set alone, printed and never written: bench-results.json holds whole runs only. */
async function driftOnly(): Promise<void> {
  const drift = await measureDrift(driftRun(await buildPageBundles()));
  const broken = driftRunsBelowWork(drift);
  if (broken.length > 0)
    throw new Error(`A time below the work it contains is not a measurement.\n${broken.join('\n')}`);
  process.stdout.write(`${driftReport(drift).join('\n')}\n`);
}

/** The suggestions alone, printed and never written. */
async function suggestOnly(): Promise<void> {
  requireCorpus();
  const server = await serveCorpus(CORPUS);
  const bench = await launchBench(server.origin);
  try {
    const suggestions = await measureSuggestions(bench.context, server.origin, RUNS);
    const lines = suggestionChecks(suggestions).map(
      (check) =>
        `${check.measure}: ${check.value} (target ${check.target}: ${check.met ? 'met' : 'NOT met'})`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await bench.close();
    await server.close();
  }
}

/** The library views alone, printed and never written. */
async function libraryOnly(): Promise<void> {
  const library = await measureLibrary(RUNS, log);
  process.stdout.write(`${libraryReport(library).join('\n')}\n`);
}

(DRIFT_ONLY ? driftOnly() : SUGGEST_ONLY ? suggestOnly() : LIBRARY_ONLY ? libraryOnly() : main()).catch(
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
