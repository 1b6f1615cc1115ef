/**
 * Main-thread cost of the built extension on a page where the reader has no notes. The same page is loaded in
 * Chromium without the extension and with it (`launchChromium`, a fresh profile, so there are no notes), with
 * page scripts off, and the page renderer's CDP `Performance.getMetrics` is read once the page has settled.
 * With the page's own scripts blocked, `ScriptDuration` without the extension is the bench's floor (about 0),
 * so the difference is the content script's JavaScript; `TaskDuration` (all main-thread tasks: parsing,
 * style, layout, script) is reported beside it, but a page load's own variance is larger than 5 ms.
 */
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../browsers';
import { blockNetwork, CHROMIUM_ARGS } from './browser';
import { coldWarm } from './sampling';

/** Long enough for the content script to ask the background for this page's notes and get the answer. */
const SETTLE_MS = 1500;

export interface LoadCost {
  scriptMs: number;
  taskMs: number;
}

export interface NoNotesResult {
  url: string;
  runs: number;
  without: LoadCost;
  with: LoadCost;
  /** with − without, warm: medians of the loads after the first. */
  extraScriptMs: number;
  /**
   * with − without of TaskDuration, warm; null when it is not larger than `taskSpreadMs`: a page load's own
   * variance then hides whatever the extension adds, and a difference of two noisy medians can even be negative.
   */
  extraTaskMs: number | null;
  /** The widest range of TaskDuration over the warm loads of either browser: the noise of one load. */
  taskSpreadMs: number;
  /** The first load of each: the browser's and the extension's first page, nothing cached. */
  cold: { without: LoadCost; with: LoadCost; extraScriptMs: number; extraTaskMs: number | null };
  /** Profiler samples in the extension's scripts during one more load with it. */
  profiledExtensionMs: number;
  method: string;
}

/**
 * A cross-check that names the culprit: one load under the sampling profiler, counting the samples whose stack
 * holds a frame of the extension's own scripts (the profiler's overhead makes this read a little high).
 */
async function profiledExtensionMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = profile.nodes.find((candidate) => candidate.id === id);
    const result =
      (node?.callFrame.url.startsWith('chrome-extension://') ?? false) || isOurs(parents.get(id));
    ours.set(id, result);
    return result;
  };
  let micros = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (isOurs(id)) micros += profile.timeDeltas?.[i] ?? 0;
  });
  return micros / 1000;
}

async function loadCost(context: BrowserContext, url: string): Promise<LoadCost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  await page.close();
  return { scriptMs: value('ScriptDuration'), taskMs: value('TaskDuration') };
}

/** Medians of the loads after the first. */
function warm(costs: readonly LoadCost[]): LoadCost {
  return {
    scriptMs: coldWarm(costs.map((cost) => cost.scriptMs)).warm,
    taskMs: coldWarm(costs.map((cost) => cost.taskMs)).warm,
  };
}

/** How far TaskDuration ranges over the loads after the first. */
function taskSpread(costs: readonly LoadCost[]): number {
  const warmTasks = costs.slice(1).map((cost) => cost.taskMs);
  return warmTasks.length > 1 ? Math.max(...warmTasks) - Math.min(...warmTasks) : Number.NaN;
}

/** A TaskDuration difference only where it stands out of the noise: never one at or below zero. */
function beyondSpread(difference: number, spread: number): number | null {
  return difference <= 0 || (Number.isFinite(spread) && difference <= spread) ? null : difference;
}

const NO_LOAD: LoadCost = { scriptMs: Number.NaN, taskMs: Number.NaN };

export async function measureNoNotes(url: string, origin: string, runs: number): Promise<NoNotesResult> {
  const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const without: LoadCost[] = [];
  const withExtension: LoadCost[] = [];
  let profiled = Number.NaN;
  try {
    const context = await plain.newContext();
    await blockNetwork(context, origin);
    for (let i = 0; i < runs; i++) without.push(await loadCost(context, url));
  } finally {
    await plain.close();
  }
  const session = await launchChromium();
  try {
    await blockNetwork(session.context, origin);
    for (let i = 0; i < runs; i++) withExtension.push(await loadCost(session.context, url));
    profiled = await profiledExtensionMs(session.context, url);
  } finally {
    await session.close();
  }
  const a = warm(without);
  const b = warm(withExtension);
  const coldA = without[0] ?? NO_LOAD;
  const coldB = withExtension[0] ?? NO_LOAD;
  const spread = Math.max(taskSpread(without), taskSpread(withExtension));
  return {
    url,
    runs,
    without: a,
    with: b,
    extraScriptMs: b.scriptMs - a.scriptMs,
    extraTaskMs: beyondSpread(b.taskMs - a.taskMs, spread),
    taskSpreadMs: spread,
    cold: {
      without: coldA,
      with: coldB,
      extraScriptMs: coldB.scriptMs - coldA.scriptMs,
      extraTaskMs: beyondSpread(coldB.taskMs - coldA.taskMs, spread),
    },
    profiledExtensionMs: profiled,
    method:
      'CDP Performance.getMetrics of the page renderer, 1.5 s after load; the first load apart (cold), the ' +
      'median of the rest (warm); the same page without ' +
      'the extension and with the built chrome-mv3 extension (fresh profile: no notes). Page scripts are blocked, ' +
      'so ScriptDuration without the extension is ~0 and the difference is the content script; TaskDuration ' +
      '(all main-thread work) varies more than 5 ms between loads, so its difference is reported only where it is ' +
      'larger than the widest range of the warm loads (taskSpreadMs), else as within that spread. Cross-check: CPU profiler ' +
      'samples whose stack holds an extension script, over one more load.',
  };
}
