import { useState } from 'react';
import { hrefFor } from '../routes';
import { useMappingVersions } from '../versions/use-mapping-versions';
import { DiffView } from './DiffView';
import { useComparison } from './use-comparison';

/** Any two versions of a mapping, the older on the left whatever order the link names them in. */
export function ComparePage({ slug, from, to }: { slug: string; from: number; to: number }) {
  const { mapping, versions, missing, error } = useMappingVersions(slug);
  const [older, newer] = from <= to ? [from, to] : [to, from];
  const fromVersion = versions?.find((v) => v.number === older) ?? null;
  const toVersion = versions?.find((v) => v.number === newer) ?? null;
  const compared = useComparison(fromVersion?.id ?? null, toVersion?.id ?? null);
  const [selected, setSelected] = useState<string | null>(null);

  const problem =
    error ??
    compared.error ??
    (missing ? `There is no mapping "${slug}".` : null) ??
    (versions && (!fromVersion || !toVersion)
      ? `Mapping "${slug}" has no version ${!fromVersion ? older : newer}.`
      : null);
  return (
    <div className="compare-page">
      <header className="page-head">
        <h1>
          {mapping?.name ?? slug}: version {older} → {newer}
        </h1>
        {mapping && <a href={hrefFor({ name: 'mapping', id: mapping.id })}>Back to the editor</a>}
      </header>
      {problem && <p role="alert">{problem}</p>}
      {!problem && !compared.loaded && <p aria-busy="true">Comparing the versions…</p>}
      {compared.loaded && (
        <DiffView
          loaded={compared.loaded}
          selected={selected}
          onSelect={setSelected}
          includeCorpus={compared.includeCorpus}
          onIncludeCorpus={compared.setIncludeCorpus}
          refreshing={compared.refreshing}
        />
      )}
    </div>
  );
}
