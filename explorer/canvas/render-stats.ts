/** Figures of the last graph drawn, for the first-frame measurements of the e2e suite. */
export interface RenderStats {
  readonly title: string;
  readonly elements: number;
  readonly layout: string;
  /** Layout computation alone (in the worker). */
  readonly layoutMs: number;
  /** From the elements arriving to the positions being back on the main thread. */
  readonly positionedMs: number;
  /** Adding the positioned elements to cytoscape (styles included). */
  readonly addMs: number;
  /** From the elements arriving to the first frame drawn with positions. */
  readonly totalMs: number;
}

/** Hooks the e2e suite reads; harmless for users. */
export interface OverblikTestHooks {
  lastRender?: RenderStats;
  lastRenderMs?: number;
  renders?: number;
  /** Ids of the nodes drawn on the most recently rendered canvas. */
  nodeIds?: () => string[];
  /** Where a node is on the page (client coordinates), to click it like a user. */
  nodePosition?: (id: string) => { x: number; y: number } | null;
}

declare global {
  interface Window {
    __overblik?: OverblikTestHooks;
  }
}

export function testHooks(): OverblikTestHooks {
  window.__overblik ??= {};
  return window.__overblik;
}

export function recordRender(stats: RenderStats): void {
  const hooks = testHooks();
  hooks.lastRender = stats;
  hooks.lastRenderMs = Math.round(stats.totalMs);
  hooks.renders = (hooks.renders ?? 0) + 1;
}
