import type { Page } from 'playwright-core';
import { apiMutation, apiQuery, must } from './accounts';

interface Opened {
  draftRevision: number;
  graph: { nodes: Array<{ id: string; label?: string }> };
}

/**
 * Commits a mapping's draft as its next version through the API, as the analyst on `author` would,
 * after `edit` changes the draft (a version must differ from the one before). With `reviewer` the
 * version is also submitted and approved, carrying the gate fingerprint reviews.get shows the reviewer.
 */
export async function commitVersion(
  base: string,
  mappingId: string,
  author: Page,
  options: { message: string; edit?: (graph: Opened['graph']) => void; reviewer?: Page },
): Promise<{ id: string; number: number }> {
  const opened = must(await apiQuery<Opened>(author, base, 'mappings.open', { id: mappingId }));
  let revision = opened.draftRevision;
  if (options.edit) {
    const graph = structuredClone(opened.graph);
    options.edit(graph);
    const saved = must(
      await apiMutation<{ draftRevision: number }>(author, base, 'mappings.saveDraft', {
        id: mappingId,
        expectedRevision: revision,
        graph,
      }),
    );
    revision = saved.draftRevision;
  }
  const version = must(
    await apiMutation<{ id: string; number: number }>(author, base, 'versions.commit', {
      mappingId,
      expectedRevision: revision,
      message: options.message,
    }),
  );
  if (options.reviewer) {
    must(
      await apiMutation(author, base, 'reviews.submit', {
        versionId: version.id,
        description: options.message,
      }),
    );
    const review = must(
      await apiQuery<{ gate: { fingerprint: string } }>(options.reviewer, base, 'reviews.get', {
        versionId: version.id,
      }),
    );
    must(
      await apiMutation(options.reviewer, base, 'reviews.approve', {
        versionId: version.id,
        gateFingerprint: review.gate.fingerprint,
      }),
    );
  }
  return version;
}
