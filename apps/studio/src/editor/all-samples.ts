import type { ConceptMap, MappingInput } from '@mapwright/engine';
import type { PreviewAnswer, PreviewResult } from '../preview/preview-types';
import type { SampleChoice } from './SourcePanel';

/** One sample's outcome under the current graph: what the "All samples" tab and lookup nodes show. */
export interface SampleCheck {
  sampleId: string;
  name: string;
  status: PreviewResult['status'];
  errors: number;
  warnings: number;
  resources: number;
  /** Codes a lookup did not find in this sample, per lookup node. MAY CONTAIN PHI-adjacent codes: UI only. */
  unmapped: Array<{ nodeId: string; code: string }>;
}

/** Summarises a preview into the per-sample row. Pure, so it is tested without a worker. */
export function summarise(sample: Pick<SampleChoice, 'id' | 'name'>, result: PreviewResult): SampleCheck {
  const entries = (result.bundle as { entry?: unknown[] } | undefined)?.entry?.length ?? 0;
  return {
    sampleId: sample.id,
    name: sample.name,
    status: result.status,
    errors: result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length,
    warnings: result.issues.filter((i) => i.severity === 'warning').length,
    resources: entries,
    unmapped: result.issues
      .filter((i) => i.code === 'unmapped-code' && i.nodeId !== undefined)
      .map((i) => ({ nodeId: i.nodeId!, code: String(i.value ?? '') })),
  };
}

/** Distinct unmapped codes of one lookup across the checked samples, with the samples they came from. */
export function unmappedAcross(
  checks: readonly SampleCheck[],
  nodeId: string,
): Array<{ code: string; samples: string[] }> {
  const byCode = new Map<string, string[]>();
  for (const check of checks)
    for (const u of check.unmapped)
      if (u.nodeId === nodeId) byCode.set(u.code, [...new Set([...(byCode.get(u.code) ?? []), check.name])]);
  return [...byCode]
    .map(([code, samples]) => ({ code, samples }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Runs every sample through the current graph in a worker of its own (the live preview's worker keeps
 * only the newest request, and this must see each one), one after another.
 */
export async function checkAllSamples(
  mapping: MappingInput,
  samples: readonly SampleChoice[],
  conceptMaps: ConceptMap[],
): Promise<SampleCheck[]> {
  const worker = new Worker(new URL('../preview/preview.worker.ts', import.meta.url), { type: 'module' });
  try {
    const checks: SampleCheck[] = [];
    for (const [i, sample] of samples.entries()) {
      const answer = await new Promise<PreviewAnswer>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<PreviewAnswer>) => resolve(event.data);
        worker.onerror = () => reject(new Error('The check stopped: the preview worker failed.'));
        worker.postMessage({
          requestId: i + 1,
          mapping,
          sample: { content: sample.content, format: sample.contentType },
          conceptMaps,
        });
      });
      if (answer.kind === 'worker-error') throw new Error(answer.message);
      checks.push(summarise(sample, answer.result));
    }
    return checks;
  } finally {
    worker.terminate();
  }
}
