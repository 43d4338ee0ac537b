import { computeLayout } from './compute-layout.ts';
import type { LayoutRequest, LayoutResponse } from './layout-client.ts';

// Layouts of thousands of elements take hundreds of milliseconds; here they never block the
// page. One request at a time: the client terminates the worker to cancel a stale one.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input, spec } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, ...computeLayout(input, spec) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};

// Tells the page this worker has loaded its code and is ready for a layout without delay.
self.postMessage({ ready: true });
