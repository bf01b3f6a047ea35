import ELK from 'elkjs/lib/elk-api.js';
import ElkWorker from 'elkjs/lib/elk-worker.min.js?worker';
import type { LayoutEngine } from '../model';

let engine: LayoutEngine | undefined;

/** ELK in a Web Worker: laying out 300 nodes takes seconds, and the canvas must not freeze meanwhile. */
export function layoutEngine(): LayoutEngine {
  engine ??= new ELK({ workerFactory: () => new ElkWorker() as unknown as Worker });
  return engine;
}
