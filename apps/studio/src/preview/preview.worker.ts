import { loadFhirDefinitions } from './fhir-definitions';
import { runPreview } from './preview-core';
import type { PreviewAnswer, PreviewRequest } from './preview-types';

/**
 * The live-preview engine, off the main thread: the same compile, map and validate the runtime uses. The
 * FHIR definitions load as soon as the worker starts, so they are usually ready by the first request.
 */
const definitions = loadFhirDefinitions();

// The workspace compiles with the DOM lib (not WebWorker): the little of the worker scope used, typed here.
const scope = self as unknown as {
  postMessage(message: PreviewAnswer): void;
  onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null;
};
const post = (answer: PreviewAnswer): void => scope.postMessage(answer);

// Typing fires a request per keystroke: while one runs, only the newest waiting request is kept (the studio
// ignores answers to older ones anyway).
let waiting: PreviewRequest | undefined;
let running = false;

scope.onmessage = (event: MessageEvent<PreviewRequest>) => {
  waiting = event.data;
  if (!running) void drain();
};

async function drain(): Promise<void> {
  running = true;
  while (waiting !== undefined) {
    const request = waiting;
    waiting = undefined;
    try {
      await definitions;
      post({ kind: 'result', result: await runPreview(request) });
    } catch (error) {
      // A failure of the worker itself (definitions not loadable, an engine bug), never input data.
      post({
        kind: 'worker-error',
        requestId: request.requestId,
        message: error instanceof Error ? error.message : 'The preview failed.',
      });
    }
  }
  running = false;
}
