import type { LayoutSpec } from '../graph/layouts.ts';
import type { LayoutInput, LayoutResult } from './compute-layout.ts';

export interface LayoutRequest {
  readonly id: number;
  readonly input: LayoutInput;
  readonly spec: LayoutSpec;
}

export type LayoutResponse =
  ({ readonly id: number } & LayoutResult) | { readonly id: number; readonly error: string };

/** A started worker and when it has loaded its code (cytoscape and fcose). */
interface WarmWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
}

let spare: WarmWorker | null = null;

function spawnWorker(): WarmWorker {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const ready = new Promise<void>((resolve) => {
    const onReady = (event: MessageEvent<{ ready?: boolean }>) => {
      if (!event.data.ready) return;
      worker.removeEventListener('message', onReady);
      resolve();
    };
    worker.addEventListener('message', onReady);
  });
  return { worker, ready };
}

/**
 * Starts a layout worker ahead of need: loading cytoscape and fcose into a worker takes a few
 * hundred milliseconds, which would otherwise come on top of the first layout. Call it at start-up
 * (the worker loads while the first query is in flight); every worker taken is replaced at once.
 */
export function prewarmLayoutWorker(): void {
  if (typeof Worker !== 'undefined' && !spare) spare = spawnWorker();
}

/** Resolves when the spare worker has loaded (at once without workers). */
export function layoutWorkerReady(): Promise<void> {
  prewarmLayoutWorker();
  return spare?.ready ?? Promise.resolve();
}

function takeWorker(): Worker {
  const taken = spare ?? spawnWorker();
  spare = null;
  setTimeout(prewarmLayoutWorker, 0);
  return taken.worker;
}

/** Why a layout promise rejected because a newer layout replaced it. */
export class LayoutCancelled extends Error {
  constructor() {
    super('Layout replaced by a newer one');
    this.name = 'LayoutCancelled';
  }
}

/**
 * Runs layouts in a Web Worker, one at a time: a new request cancels the running one by
 * terminating the worker (a layout cannot be interrupted from outside otherwise). Without
 * workers (tests, old browsers) the layout runs on the main thread instead.
 */
export class LayoutClient {
  private worker: Worker | null = null;
  private pending: {
    id: number;
    resolve: (r: LayoutResult) => void;
    reject: (e: Error) => void;
  } | null = null;
  private nextId = 1;

  run(input: LayoutInput, spec: LayoutSpec): Promise<LayoutResult> {
    if (typeof Worker === 'undefined') {
      return import('./compute-layout.ts').then((m) => m.computeLayout(input, spec));
    }
    if (this.pending) {
      this.pending.reject(new LayoutCancelled());
      this.pending = null;
      this.worker?.terminate();
      this.worker = null;
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<LayoutResult>((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const request: LayoutRequest = { id, input, spec };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.pending?.reject(new LayoutCancelled());
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = takeWorker();
    worker.onmessage = (event: MessageEvent<LayoutResponse | { ready: true }>) => {
      const pending = this.pending;
      if ('ready' in event.data || !pending || pending.id !== event.data.id) return;
      this.pending = null;
      if ('error' in event.data) pending.reject(new Error(`Layout failed: ${event.data.error}`));
      else pending.resolve(event.data);
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.pending = null;
      this.worker = null;
      pending?.reject(new Error(`Layout worker failed: ${event.message}`));
    };
    this.worker = worker;
    return worker;
  }
}
