import { useEffect, useState, useSyncExternalStore } from 'react';
import { GraphCanvas } from '../canvas/GraphCanvas.tsx';
import { layoutWorkerReady } from '../canvas/layout-client.ts';
import { EMPTY_ELEMENTS, type GraphElements } from '../graph/elements.ts';
import { syntheticElements } from '../graph/synthetic-graph.ts';
import type { ViewState } from '../state/url-state.ts';

function subscribeToRenders(onChange: () => void): () => void {
  const timer = setInterval(onChange, 250);
  return () => clearInterval(timer);
}

/**
 * A generated graph of `max` elements, for measuring the first frame (`?view=perf&max=5000`).
 * Not in the navigation: it exists for the e2e suite and for anyone checking speed by hand.
 */
export function PerfView({ state }: { state: ViewState }) {
  const [elements, setElements] = useState<GraphElements>(EMPTY_ELEMENTS);
  // The graph "arrives" once the layout worker has loaded, as it does in the app, where the
  // worker loads while the first query is in flight.
  useEffect(() => {
    let current = true;
    void layoutWorkerReady().then(() => {
      if (current) setElements(syntheticElements(state.maxNodes));
    });
    return () => {
      current = false;
    };
  }, [state.maxNodes]);
  const lastMs = useSyncExternalStore(
    subscribeToRenders,
    () => window.__overblik?.lastRenderMs ?? null,
  );
  return (
    <div className="view perf-view">
      <main className="main" aria-label="Måling">
        <div className="view-header">
          <h1>Måling: {state.maxNodes.toLocaleString('da-DK')} elementer</h1>
          <span data-testid="perf-result">
            {lastMs === null ? 'Tegner…' : `Første billede efter ${lastMs} ms`}
          </span>
        </div>
        <div className="canvas-wrap">
          <GraphCanvas
            elements={elements}
            layout={state.layout ?? 'force'}
            title={`Måling ${state.maxNodes}`}
          />
        </div>
      </main>
    </div>
  );
}
