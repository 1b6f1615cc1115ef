/** The bench's printed report: figures of every engine side by side, then each target of issue 3, met or not. */
import type { EngineName } from './bundles';
import { ENGINES } from './bundles';
import type { DriftResults } from './drift';
import type { Found } from './drift-truth';
import type { Figure, Results } from './index';
import { libraryReport } from './library';
import type { LibraryBench } from './library';
import { coldWarm } from './sampling';
import type { SuggestionBench } from './suggestions';
import type { GoldScore } from '../../core/comments/fixtures/suggestion-gold';
import type { Tally } from './truth';

const SHORT: Record<EngineName, string> = {
  counterpoint: 'Counterpoint',
  hypothesis: 'Hypothesis (approx-string-match)',
  'apache-annotator': 'Apache Annotator',
  'dom-anchor-text-quote': 'dom-anchor-text-quote',
};

function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? `${Math.round(value).toLocaleString('en')} ms` : `${value.toFixed(1)} ms`;
}

/** A TaskDuration difference, or the load-to-load spread that hides it. */
function taskDelta(delta: number | null, spread: number): string {
  if (delta !== null) return ms(delta);
  return Number.isFinite(spread) ? `within the ${ms(spread)} spread of loads` : 'not above zero';
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** right / orphaned / wrong over every judged target of a figure. */
function sum(figure: Figure): Tally {
  const total: Tally = { right: 0, wrong: 0, orphaned: 0, gone: 0, unknown: 0 };
  for (const tally of Object.values(figure.accuracy?.byEdit ?? {})) {
    if (!tally) continue;
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
  }
  return total;
}

function accuracy(figure: Figure): string {
  if (!figure.accuracy) return '';
  const t = sum(figure);
  const parts = [`${t.right + t.gone} ok`, `${t.orphaned} orph`, `${t.wrong} WRONG`];
  if (t.unknown > 0) parts.push(`${t.unknown} unjudged`);
  return parts.join(', ');
}

function cell(figure: Figure | undefined): string {
  if (!figure) return '';
  if (figure.runs === 0) return 'not run';
  const runs = figure.runs < 5 ? ` [${figure.runs} run${figure.runs > 1 ? 's' : ''}]` : '';
  return (
    `warm ${ms(figure.busyMs)} busy, ${ms(figure.paintedMs)} painted, ${ms(figure.workMs)} work; ` +
    `cold ${ms(figure.coldBusyMs)} busy, ${ms(figure.coldMs)} painted, ${ms(figure.coldWorkMs)} work${runs}; ${accuracy(figure)}`
  );
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface TargetCheck {
  measure: string;
  target: string;
  value: string;
  /** Judged on main-thread (busy) time for the timed targets. */
  met: boolean;
  /** Timed targets judged on time to the second frame instead (16.7 ms steps); null for the others. */
  metToSecondFrame: boolean | null;
}

function find(
  results: Results,
  scenario: Figure['scenario'],
  engine: EngineName,
  n = 500,
): Figure | undefined {
  return results.anchoring.find(
    (f) => f.page === 'wikipedia-2' && f.scenario === scenario && f.n === n && f.engine === engine,
  );
}

/** One frame of headless Chromium, which draws at 60 Hz. */
const FRAME_MS = 1000 / 60;

/**
 * Whether `valueMs` meets `targetMs` honestly: it holds the work it contains (`workMs`), and a time to the
 * second frame (`toFrame`), which waits for two frames after the work starts, is at least one frame long.
 */
function meets(valueMs: number, workMs: number, targetMs: number, toFrame: boolean): boolean {
  return valueMs <= targetMs && valueMs >= workMs && (!toFrame || valueMs >= FRAME_MS);
}

export function checkTargets(results: Results): TargetCheck[] {
  const unchanged = find(results, 'unchanged', 'counterpoint');
  const revised = find(results, 'revised', 'counterpoint');
  // Issue 11 sets the speed targets against the Hypothesis client's own method, not its older packages.
  const hypothesisUnchanged = find(results, 'unchanged', 'hypothesis');
  const hypothesisRevised = find(results, 'revised', 'hypothesis');
  const oneWord = revised?.accuracy?.byEdit['1'];
  const draw = results.drawing.find((d) => d.engine === 'counterpoint');
  const content =
    results.sizes.contentScript.gzip + results.sizes.pageUi.gzip + results.sizes.contentCss.gzip;
  const ratio = (hypothesis: Figure | undefined, ours: Figure | undefined): string => {
    const times = hypothesis && ours ? timesFaster(hypothesis, ours) : null;
    return times ? `; ${times.text} faster than Hypothesis here` : '';
  };
  return [
    {
      measure: 'Unchanged page, N = 500 (wikipedia-2)',
      target: '≤ 11 ms',
      value: `${ms(unchanged?.busyMs ?? Number.NaN)} busy, ${ms(unchanged?.paintedMs ?? Number.NaN)} painted${ratio(hypothesisUnchanged, unchanged)}`,
      met: unchanged !== undefined && meets(unchanged.busyMs, unchanged.workMs, 11, false),
      metToSecondFrame: unchanged !== undefined && meets(unchanged.paintedMs, unchanged.workMs, 11, true),
    },
    {
      measure: 'Revised page, N = 500 (wikipedia-2)',
      target: '≤ 105 ms',
      value: `${ms(revised?.busyMs ?? Number.NaN)} busy, ${ms(revised?.paintedMs ?? Number.NaN)} painted${ratio(hypothesisRevised, revised)}`,
      met: revised !== undefined && meets(revised.busyMs, revised.workMs, 105, false),
      metToSecondFrame: revised !== undefined && meets(revised.paintedMs, revised.workMs, 105, true),
    },
    {
      measure: 'Revised page, one-word edits',
      target: '0 wrong, 0 orphaned',
      value: oneWord
        ? `${oneWord.wrong} wrong, ${oneWord.orphaned} orphaned of ${oneWord.right + oneWord.wrong + oneWord.orphaned}`
        : '—',
      met: oneWord !== undefined && oneWord.wrong === 0 && oneWord.orphaned === 0,
      metToSecondFrame: null,
    },
    {
      measure: 'Revised page, all targets',
      target: '0 wrong',
      value: revised ? `${sum(revised).wrong} wrong, ${sum(revised).orphaned} orphaned` : '—',
      met: revised !== undefined && sum(revised).wrong === 0,
      metToSecondFrame: null,
    },
    {
      measure: 'Draw 1,000 highlights',
      target: '≤ 5 ms, 0 nodes added',
      value: draw ? `${ms(draw.drawBusyMs)} busy, ${ms(draw.drawMs)} painted, ${draw.nodesAdded} nodes` : '—',
      met: draw !== undefined && meets(draw.drawBusyMs, draw.drawWorkMs, 5, false) && draw.nodesAdded === 0,
      metToSecondFrame:
        draw !== undefined && meets(draw.drawMs, draw.drawWorkMs, 5, true) && draw.nodesAdded === 0,
    },
    {
      measure: 'Remove 1,000 highlights',
      target: '≤ 15 ms',
      value: draw ? `${ms(draw.removeBusyMs)} busy, ${ms(draw.removeMs)} painted` : '—',
      met: draw !== undefined && meets(draw.removeBusyMs, draw.removeWorkMs, 15, false),
      metToSecondFrame: draw !== undefined && meets(draw.removeMs, draw.removeWorkMs, 15, true),
    },
    {
      measure: 'Anchoring and highlighter code',
      target: '≤ 8 KB gzip',
      value: `${kb(results.sizes.engine.gzip)} gzip (${kb(results.sizes.engine.minified)} minified)`,
      met: results.sizes.engine.gzip <= 8 * 1024,
      metToSecondFrame: null,
    },
    {
      measure: 'Whole content script, overlay included',
      target: '≤ 35 KB gzip',
      value:
        `${kb(content)} gzip (every page ${kb(results.sizes.contentScript.gzip)}, interface loaded where needed ` +
        `${kb(results.sizes.pageUi.gzip)}, css ${kb(results.sizes.contentCss.gzip)})`,
      met: content <= 35 * 1024,
      metToSecondFrame: null,
    },
    {
      measure: 'Page with no notes (wikipedia-2)',
      target: '< 5 ms main thread',
      value: results.noNotes
        ? `${ms(results.noNotes.extraScriptMs)} script warm, ${ms(results.noNotes.cold.extraScriptMs)} cold ` +
          `(TaskDuration Δ ${taskDelta(results.noNotes.extraTaskMs, results.noNotes.taskSpreadMs)} warm, ` +
          `${taskDelta(results.noNotes.cold.extraTaskMs, results.noNotes.taskSpreadMs)} cold)`
        : '—',
      met: results.noNotes !== null && results.noNotes.extraScriptMs < 5,
      metToSecondFrame: null,
    },
    ...suggestionChecks(results.suggestions),
    ...bundleChecks(results),
    ...libraryChecks(results),
    ...hypothesisChecks(results, hypothesisUnchanged, unchanged),
  ];
}

/** Out of how many, and the share. */
function share(count: number, of: number): string {
  return `${count}/${of} (${of > 0 ? Math.round((100 * count) / of) : 0}%)`;
}

function goldLine(score: GoldScore): string {
  return (
    `recall@3 ${share(score.inTopThree, score.answers)}, passages ${share(score.passageHits, score.answers)}, ` +
    `stances ${share(score.stanceHits, score.answers)}`
  );
}

/** The answering comments in the top three suggestions over both gold sets, as a share. */
function goldRecall(bench: SuggestionBench): number {
  const { seed, demo } = bench.gold;
  return (seed.inTopThree + demo.inTopThree) / (seed.answers + demo.answers);
}

/**
 * Speed (issue 4, cold and warm) and quality on the gold sets (issue 12). Issue 12 names no figure for recall@3;
 * it reports 92% for a selector-and-overlap baseline on the seed, so that is the bar here.
 */
export function suggestionChecks(bench: SuggestionBench): TargetCheck[] {
  return [
    {
      measure: 'Suggestions for a claim, 500 comments (issues 4 and 12)',
      target: '≤ 50 ms cold and warm',
      value:
        `first claim ${ms(bench.coldMs)} cold (names and comments read ahead in ${ms(bench.readAheadMs)} of idle time; ` +
        `${ms(bench.unreadColdMs)} with nothing read ahead), ${ms(bench.firstMs)} warm; ${ms(bench.laterMs)} each after`,
      met: bench.met,
      metToSecondFrame: null,
    },
    {
      measure: 'Suggestions on the gold sets (issue 12)',
      target: 'recall@3 ≥ 92% (the issue’s baseline)',
      value: `seed ${goldLine(bench.gold.seed)}; demo ${goldLine(bench.gold.demo)}`,
      met: goldRecall(bench) >= 0.92,
      metToSecondFrame: null,
    },
  ];
}

interface Timed {
  busyMs: number;
  coldBusyMs: number;
}

/**
 * How many times faster `ours` is than `baseline` on main-thread time, warm; a slow baseline capped at one run has
 * no warm median, so first runs are compared then, and the text says so. Null where either lacks a figure.
 */
function timesFaster(baseline: Timed, ours: Timed): { times: number; text: string } | null {
  const warm = Number.isFinite(baseline.busyMs) && ours.busyMs > 0;
  const times = warm ? baseline.busyMs / ours.busyMs : baseline.coldBusyMs / ours.coldBusyMs;
  if (!Number.isFinite(times)) return null;
  return { times, text: `${times.toFixed(times < 10 ? 1 : 0)}×${warm ? '' : ' (first runs)'}` };
}

/** Issue 11's targets, set against the Hypothesis client's own method: speed on both sets, and never wrong. */
function hypothesisChecks(
  results: Results,
  hypothesis: Figure | undefined,
  ours: Figure | undefined,
): TargetCheck[] {
  const unchanged = hypothesis && ours ? timesFaster(hypothesis, ours) : null;
  const total = (engine: EngineName) => results.drift.totals.find((t) => t.engine === engine);
  const driftOurs = total('counterpoint');
  const driftHypothesis = total('hypothesis');
  const drift = driftOurs && driftHypothesis ? timesFaster(driftHypothesis, driftOurs) : null;
  // Beside the target's figure, not instead of it: what the ratio becomes once both engines' code is warm.
  const samePage =
    driftOurs && driftHypothesis && driftOurs.samePageBusyMs > 0
      ? `; anchoring again in the same page, ${(driftHypothesis.samePageBusyMs / driftOurs.samePageBusyMs).toFixed(1)}×`
      : '';
  const wrong = driftOurs ? driftOurs.byText.unchanged.wrong + driftOurs.byText.edited.wrong : Number.NaN;
  return [
    {
      measure: 'Unchanged page, N = 500, against Hypothesis (issue 11)',
      target: '≥ 15× faster',
      value: unchanged?.text ?? '—',
      met: (unchanged?.times ?? 0) >= 15,
      metToSecondFrame: null,
    },
    {
      measure: 'Real drift, all documents, against Hypothesis (issue 11)',
      target: '≥ 10× faster',
      value: drift ? `${drift.text}${samePage}` : '—',
      met: (drift?.times ?? 0) >= 10,
      metToSecondFrame: null,
    },
    {
      measure: 'Real drift, every passage (issue 11)',
      target: '0 wrong',
      value: driftOurs ? `${wrong} wrong` : '—',
      met: wrong === 0,
      metToSecondFrame: null,
    },
  ];
}

/** Issue 5's figures, judged where they matter: the extension in Chromium, over its real IndexedDB. */
function bundleChecks(results: Results): TargetCheck[] {
  const bench = results.noteBundles;
  const where = bench?.results[0];
  if (!bench || !where) return [];
  const importMs = coldWarm(where.importMs);
  const exportMs = coldWarm(where.exportMs);
  const notes = `${(bench.claims + bench.rebuttals).toLocaleString('en')} notes, ${where.where}`;
  return [
    {
      measure: `Import a bundle of ${notes} (issue 5)`,
      target: `≤ ${bench.targets.importMs} ms, one transaction`,
      value: `${ms(importMs.cold)} cold, ${ms(importMs.warm)} warm`,
      met: importMs.cold <= bench.targets.importMs && importMs.warm <= bench.targets.importMs,
      metToSecondFrame: null,
    },
    {
      measure: `Export ${notes} (issue 5)`,
      target: `≤ ${bench.targets.exportMs} ms`,
      value: `${ms(exportMs.cold)} cold, ${ms(exportMs.warm)} warm`,
      met: exportMs.cold <= bench.targets.exportMs && exportMs.warm <= bench.targets.exportMs,
      metToSecondFrame: null,
    },
  ];
}

/** Issue 13's figures: the notes page and the popup over the bench's library, cold and warm. */
function libraryChecks(results: Results): TargetCheck[] {
  const bench = results.library;
  if (!bench) return [];
  const check = (measure: string, values: number[], targetMs: number): TargetCheck => {
    const { cold, warm } = coldWarm(values);
    return {
      measure: `${measure} (issue 13)`,
      target: `≤ ${targetMs} ms`,
      value: `${ms(cold)} cold, ${ms(warm)} warm`,
      met: cold <= targetMs && warm <= targetMs,
      metToSecondFrame: null,
    };
  };
  const { targets } = bench;
  return [
    check('Notes page, 10,000 claims: first claims on screen', bench.notesPageOpenMs, targets.openMs),
    check('Popup All pages, 10,000 claims: first claims on screen', bench.popupAllPagesMs, targets.openMs),
    check('Search keystroke to the updated list', bench.keystrokeMs, targets.keystrokeMs),
    check('Markdown export of the whole library', bench.markdownExportMs, targets.exportMs),
    check(
      'Scrolling the whole list: frame time p95',
      bench.scrolling.map((run) => run.frameP95Ms),
      targets.scrollFrameMs,
    ),
    ...importCheck(bench),
  ];
}

/** The library's import through the notes page: its longest task, the worst of its runs. */
function importCheck({ imports, targets }: LibraryBench): TargetCheck[] {
  if (imports.length === 0) return [];
  const longest = Math.max(...imports.map((run) => run.longestTaskMs));
  const overLong = Math.max(...imports.map((run) => run.tasksOver50Ms));
  return [
    {
      measure: `Import of ${imports[0]?.records.toLocaleString('en')} records on the notes page: longest task (issue 13)`,
      target: `no task over ${targets.importTaskMs} ms`,
      value: `${ms(longest)}, at most ${overLong} tasks over 50 ms in a run`,
      met: longest <= targets.importTaskMs,
      metToSecondFrame: null,
    },
  ];
}

/** The drift set: each engine's verdicts on unchanged and edited passages, and its time summed over documents. */
export function driftReport(drift: DriftResults): string[] {
  const count = (key: 'unchanged' | 'edited'): number =>
    drift.documents.reduce((sum, each) => sum + each.byText[key], 0);
  const found = (key: Found): number => drift.documents.reduce((sum, each) => sum + each.found[key], 0);
  const out = [
    `Real drift: ${drift.documents.length} documents, ${count('unchanged') + count('edited')} passages, ` +
      `${count('unchanged')} unchanged and ${count('edited')} edited (the diff kept ${found('kept')}, found ` +
      `${found('moved')} moved whole, ${found('gone')} gone, ${found('unknown')} unknown). Right / wrong / orphaned, ` +
      'placing a gone passage being wrong; gone = gone passages orphaned, rightly; unknown = not judged; ' +
      'times summed over documents, busy / painted:',
  ];
  out.push(
    table(
      ['Engine', 'unchanged', 'edited', 'gone', 'unknown', 'warm', 'cold', 'same page'],
      drift.totals.map((total) => {
        const { unchanged, edited } = total.byText;
        return [
          SHORT[total.engine],
          `${unchanged.right} / ${unchanged.wrong} / ${unchanged.orphaned}`,
          `${edited.right} / ${edited.wrong} / ${edited.orphaned}`,
          String(edited.gone),
          String(edited.unknown),
          total.capped > 0 ? `— (${total.capped} capped)` : `${ms(total.busyMs)} / ${ms(total.paintedMs)}`,
          `${ms(total.coldBusyMs)} / ${ms(total.coldMs)}`,
          `${ms(total.samePageBusyMs)} busy`,
        ];
      }),
    ),
  );
  const wrong = drift.figures
    .filter((f) => f.engine === 'counterpoint')
    .flatMap((f) =>
      f.examples.filter((e) => e.verdict === 'wrong').map((e) => ({ ...e, document: f.document })),
    )
    .slice(0, 5);
  if (wrong.length > 0)
    out.push('', `Counterpoint's wrong placements on real drift (first ${wrong.length}):`);
  for (const example of wrong) {
    out.push(
      `- ${example.document} #${example.index} (${example.editedWords} words changed) quote “${example.quote}”`,
    );
    out.push(`    placed on “${example.placed ?? ''}”; the passage is now “${example.truth ?? '(gone)'}”`);
  }
  return out;
}

export function printReport(results: Results): void {
  const out: string[] = [];
  out.push(
    `Counterpoint bench, ${results.date}: Chromium ${results.browser.version}, ${results.machine.cpus} × ${results.machine.cpuModel}, ` +
      `Node ${results.machine.node}; ${results.durationSeconds} s.`,
  );
  const load = results.machine.loadAverage;
  out.push(
    `Load average during the run: ${load.start.toFixed(1)} at start, median ${load.median.toFixed(1)}, max ${load.max.toFixed(1)}` +
      (load.median > results.machine.cpus
        ? ` — above the ${results.machine.cpus} CPUs: other work shared the machine, so every time here is inflated.`
        : '.'),
  );
  out.push(
    `Page scripts blocked: ${results.checks.pageScriptsBlocked ? 'yes (sentinel page)' : 'NO'}; requests blocked: ${results.checks.requestsBlocked}.`,
  );
  out.push(
    `Code: ${results.code.commit}` +
      (results.code.dirty
        ? `, DIRTY: not the commit's figures; changed or untracked: ${results.code.uncommittedFiles.join(', ')}`
        : ', clean') +
      ` (checked: ${results.code.checked}).`,
  );
  out.push('');
  for (const page of results.pages) {
    out.push(
      `${page.id}: ${page.viewLength.toLocaleString('en')} characters of text in the bench's view; ${page.sampled} targets (${page.sentences} sentences, ${page.phrases} phrases).`,
    );
  }
  out.push('');
  out.push(
    'Stored targets to painted highlights (warm = median of the runs after the first, cold = the first run; work = the anchoring and painting call, busy = it plus the next frame’s rendering, painted = to the 2nd frame, idle two frames not subtracted):',
  );
  const keys = [...new Set(results.anchoring.map((f) => `${f.page}|${f.scenario}|${f.n}`))];
  const rows = keys.map((key) => {
    const [page, scenario, n] = key.split('|');
    const of = (engine: EngineName): Figure | undefined =>
      results.anchoring.find((f) => `${f.page}|${f.scenario}|${f.n}` === key && f.engine === engine);
    return [`${page} ${scenario} N=${n}`, ...ENGINES.map((engine) => cell(of(engine)))];
  });
  out.push(table(['Page, scenario, N', ...ENGINES.map((engine) => SHORT[engine])], rows));
  const capped = results.anchoring.filter((f) => f.capped !== null);
  if (capped.length > 0) {
    out.push('');
    out.push('Capped baselines:');
    for (const f of capped) out.push(`- ${f.page} ${f.scenario} N=${f.n} ${SHORT[f.engine]}: ${f.capped}`);
  }
  const revised = results.anchoring.filter(
    (f) => f.page === 'wikipedia-2' && f.scenario === 'revised' && f.accuracy,
  );
  if (revised.length > 0) {
    out.push('');
    out.push('Revised wikipedia-2, by words edited inside the passage (right / orphaned / wrong):');
    out.push(
      table(
        ['Engine, N', 'unedited', 'one word', 'two words'],
        revised.map((f) => [
          `${SHORT[f.engine]} N=${f.n}`,
          ...['0', '1', '2'].map((k) => {
            const t = f.accuracy?.byEdit[k];
            return t ? `${t.right} / ${t.orphaned} / ${t.wrong}` : '—';
          }),
        ]),
      ),
    );
  }
  const ours = results.anchoring.filter(
    (f) => f.engine === 'counterpoint' && f.page === 'wikipedia-2' && f.n === 500 && f.accuracy,
  );
  for (const f of ours) {
    const wrong = f.accuracy?.examples.filter((example) => example.verdict === 'wrong') ?? [];
    if (wrong.length === 0) continue;
    out.push('');
    out.push(`Counterpoint's wrong placements, wikipedia-2 ${f.scenario} N=500 (first ${wrong.length}):`);
    for (const example of wrong) {
      out.push(`- #${example.index} (${example.editedWords} words edited) quote “${example.quote}”`);
      out.push(`    placed on “${example.placed ?? ''}”; the passage is now “${example.truth ?? '(gone)'}”`);
    }
  }
  out.push('');
  out.push(
    `Drawing and removing ${results.drawing[0]?.count ?? 0} highlights on wikipedia-2 (warm medians; cold = the first run, busy / painted):`,
  );
  out.push(
    table(
      [
        'Painter',
        'draw work',
        'draw busy',
        'draw painted',
        'remove work',
        'remove busy',
        'remove painted',
        'draw cold',
        'remove cold',
        'nodes added',
        'left after remove',
      ],
      results.drawing.map((d) => [
        d.painter,
        ms(d.drawWorkMs),
        ms(d.drawBusyMs),
        ms(d.drawMs),
        ms(d.removeWorkMs),
        ms(d.removeBusyMs),
        ms(d.removeMs),
        `${ms(d.drawColdBusyMs)} / ${ms(d.drawColdMs)}`,
        `${ms(d.removeColdBusyMs)} / ${ms(d.removeColdMs)}`,
        `${d.nodesAdded} (${d.elementsAdded})`,
        String(d.nodesLeftAfterRemove),
      ]),
    ),
  );
  if (results.noNotes) {
    out.push('');
    out.push(`No notes: ${results.noNotes.method}`);
    out.push(
      `  without: script ${ms(results.noNotes.without.scriptMs)}, tasks ${ms(results.noNotes.without.taskMs)}; ` +
        `with: script ${ms(results.noNotes.with.scriptMs)}, tasks ${ms(results.noNotes.with.taskMs)} (warm); ` +
        `cold extra: script ${ms(results.noNotes.cold.extraScriptMs)}, tasks ${taskDelta(results.noNotes.cold.extraTaskMs, results.noNotes.taskSpreadMs)}; ` +
        `profiler samples in extension code: ${ms(results.noNotes.profiledExtensionMs)}`,
    );
  }
  out.push('', ...driftReport(results.drift));
  if (results.library) out.push('', ...libraryReport(results.library));
  out.push('');
  out.push('Targets (issues 3 to 13):');
  out.push(
    table(
      ['Measure', 'Target', 'Reached', 'Met (busy)', 'Met (to 2nd frame)'],
      checkTargets(results).map((t) => [
        t.measure,
        t.target,
        t.value,
        t.met ? 'yes' : 'NO',
        t.metToSecondFrame === null ? '' : t.metToSecondFrame ? 'yes' : 'NO',
      ]),
    ),
  );
  out.push('');
  out.push(`Method: ${results.method.painted} ${results.method.busy}`);
  out.push('Results written to bench-results.json.');
  process.stdout.write(`${out.join('\n')}\n`);
}
