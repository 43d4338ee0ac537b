import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { summarize, type Summary } from './summarize.ts';

/**
 * The explorer's first frame in headless Chromium, measured the same way by the benchmark and by
 * the end-to-end suite: the explorer's `perf` view draws a generated graph of a given size and
 * records, in `window.__overblik.lastRender`, how long it took from the elements arriving to the
 * first frame drawn with positions (layout in the worker included).
 */

/** PERFORMANCE.md: first frame of a 1k / 5k element graph. */
export const FIRST_FRAME_GOALS = [
  { elements: 1000, goalMs: 1000 },
  { elements: 5000, goalMs: 3000 },
] as const;

/** Page loads per size; the figure is their median. */
export const FIRST_FRAME_RUNS = 5;

/** The size the explorer is measured and tested at. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Debian's Chromium (never a browser downloaded by a test tool); CHROMIUM_PATH overrides it. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why headless Chromium cannot run here, or null when it can: no browser at the path, or no
 * playwright-core (a development dependency, absent from production installs).
 */
export async function chromiumUnavailable(executablePath = chromiumPath()): Promise<string | null> {
  if (!existsSync(executablePath)) return `no Chromium at ${executablePath}`;
  const playwright = await import('playwright-core').catch(() => null);
  return playwright ? null : 'playwright-core is not installed (npm install with dev dependencies)';
}

/** Starts headless Chromium (see chromiumUnavailable for whether it can). */
export async function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface FirstFrame extends Summary {
  readonly elements: number;
  readonly goalMs: number;
  /** Each load's first frame, in milliseconds, in the order measured. */
  readonly runsMs: readonly number[];
  /** Medians of the layout alone and of adding the elements to the canvas. */
  readonly layoutP50Ms: number;
  readonly addP50Ms: number;
}

/** Loads the `perf` view `runs` times at one size and summarizes the first frames. */
export async function measureFirstFrame(
  page: Page,
  baseUrl: string,
  goal: { readonly elements: number; readonly goalMs: number },
  runs = FIRST_FRAME_RUNS,
): Promise<FirstFrame> {
  const totals: number[] = [];
  const layouts: number[] = [];
  const adds: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(`${baseUrl}/?view=perf&max=${goal.elements}`);
    await page.waitForFunction(
      (n) => window.__overblik?.lastRender?.elements === n,
      goal.elements,
      { timeout: 60_000 },
    );
    const stats = await page.evaluate(() => window.__overblik!.lastRender!);
    totals.push(Math.round(stats.totalMs));
    layouts.push(stats.layoutMs);
    adds.push(stats.addMs);
  }
  return {
    elements: goal.elements,
    goalMs: goal.goalMs,
    ...summarize(totals),
    runsMs: totals,
    layoutP50Ms: Math.round(summarize(layouts).p50Ms),
    addP50Ms: Math.round(summarize(adds).p50Ms),
  };
}

/** Every size of FIRST_FRAME_GOALS in a fresh page of an already running explorer. */
export async function measureFirstFrames(
  browser: Browser,
  baseUrl: string,
  runs = FIRST_FRAME_RUNS,
): Promise<FirstFrame[]> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'da-DK' });
  try {
    const page = await context.newPage();
    const results: FirstFrame[] = [];
    for (const goal of FIRST_FRAME_GOALS) {
      results.push(await measureFirstFrame(page, baseUrl, goal, runs));
    }
    return results;
  } finally {
    await context.close();
  }
}
