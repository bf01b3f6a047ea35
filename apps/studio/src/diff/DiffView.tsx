import type { ReactNode } from 'react';
import { DiffCode } from '../monaco';
import { ChangeList } from './ChangeList';
import { Checks } from './Checks';
import { DiffCanvas } from './DiffCanvas';
import { OutputDiff } from './OutputDiff';
import type { LoadedComparison } from './use-comparison';
import './diff.css';

/**
 * What changed between two versions, in the four ways a reviewer reads it: the graph on the canvas with
 * its changes listed, the generated JSONata side by side, the output over every message, and the checks.
 */
export function DiffView({
  loaded,
  selected,
  onSelect,
  commentCounts,
  side,
  includeCorpus,
  onIncludeCorpus,
  refreshing,
}: {
  loaded: LoadedComparison;
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
  commentCounts?: Readonly<Record<string, number>>;
  /** More for the panel beside the canvas (the review's comments). */
  side?: ReactNode;
  includeCorpus: boolean;
  onIncludeCorpus: (include: boolean) => void;
  refreshing: boolean;
}) {
  const { comparison, merged } = loaded;
  return (
    <div className="diff-view">
      <div className="diff-top">
        <DiffCanvas
          key={`${comparison.from.id} ${comparison.to.id}`}
          merged={merged}
          selected={selected}
          onSelect={onSelect}
          {...(commentCounts ? { commentCounts } : {})}
        />
        <aside className="diff-side">
          <ChangeList
            diff={comparison.graph}
            merged={merged}
            selected={selected}
            onSelect={(id) => onSelect(id)}
          />
          {side}
        </aside>
      </div>
      <div className="diff-bottom">
        <OutputDiff
          output={comparison.output}
          corpus={comparison.corpus}
          includeCorpus={includeCorpus}
          onIncludeCorpus={onIncludeCorpus}
          loading={refreshing}
        />
        <Checks comparison={comparison} />
      </div>
      <section className="program-diff" aria-label="Generated JSONata">
        <h3>
          Generated JSONata: version {comparison.from.number} (left) and {comparison.to.number} (right)
        </h3>
        <DiffCode
          before={comparison.program.before}
          after={comparison.program.after}
          language="jsonata"
          ariaLabel="Generated JSONata of both versions"
        />
      </section>
    </div>
  );
}
