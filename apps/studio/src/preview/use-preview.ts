import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConceptMap, MappingInput } from '@mapwright/engine';
import { ANY_REQUEST, applyAnswer, type PreviewState } from './preview-answers';
import type { PreviewAnswer, PreviewRequest, PreviewSample } from './preview-types';

export type { PreviewState };

type Listener = (answer: PreviewAnswer) => void;

// One worker for the whole studio: it keeps the FHIR definitions and compiled mappings between editors.
let worker: Worker | undefined;
let nextRequestId = 0;
const listeners = new Set<Listener>();

function previewWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<PreviewAnswer>) => {
    for (const listener of listeners) listener(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const answer: PreviewAnswer = {
      kind: 'worker-error',
      requestId: ANY_REQUEST,
      message: event.message || 'The preview worker stopped.',
    };
    for (const listener of listeners) listener(answer);
  };
  return worker;
}

/**
 * Live preview of a mapping on a sample: every change is posted to the preview worker, and only the answer
 * to the latest request is kept (an answer to an older one arriving late is dropped).
 */
export function usePreview({
  mapping,
  sample,
  conceptMaps,
}: {
  mapping: MappingInput;
  sample: PreviewSample | null;
  conceptMaps: ConceptMap[];
}): PreviewState {
  const [state, setState] = useState<PreviewState>({ result: null, pending: false, workerError: null });
  const latest = useRef(-1);

  useEffect(() => {
    const listener: Listener = (answer) => setState((s) => applyAnswer(s, answer, latest.current));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  // Callers often build `sample` and `conceptMaps` inline (a new object each render): post on a change of
  // content, not of identity, or every render would post a request and re-render again.
  const format = sample?.format ?? null;
  const content = sample?.content ?? null;
  const mapsJson = useMemo(() => JSON.stringify(conceptMaps), [conceptMaps]);

  useEffect(() => {
    const requestId = ++nextRequestId;
    latest.current = requestId;
    // Only plain data crosses to the worker.
    const request: PreviewRequest = {
      requestId,
      mapping,
      sample: format === null || content === null ? null : { content, format },
      conceptMaps: JSON.parse(mapsJson) as ConceptMap[],
    };
    try {
      previewWorker().postMessage(request);
      setState((s) => (s.pending ? s : { ...s, pending: true }));
    } catch (error) {
      // DataCloneError: something in the mapping is not plain data
      setState((s) => ({
        ...s,
        pending: false,
        workerError: error instanceof Error ? error.message : 'The preview could not be started.',
      }));
    }
  }, [mapping, format, content, mapsJson]);

  return state;
}
