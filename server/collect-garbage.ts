import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Gc | undefined;

/**
 * A full, memory-reducing garbage collection now: V8 compacts the heap and gives free pages back
 * to the system. Node has no API for one, so this asks the gc extension (exposed on first use) for
 * its last-resort collection. It pauses the process (about 0.3 s with the national index), so it
 * belongs where nobody waits: after a large index build, before a benchmark measures.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
