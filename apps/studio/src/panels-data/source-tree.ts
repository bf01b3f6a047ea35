import type { PreviewCoverage, SampleFormat } from '../preview/preview-types';
import { csvSourceTree, jsonSourceTree } from './data-source-tree';
import { hl7SourceTree } from './hl7-source-tree';
import type { CsvDialect } from './read-csv';
import type { CoverageMark, SourceTree, SourceTreeNode } from './source-tree-types';

export type * from './source-tree-types';

export interface SourceTreeOptions {
  /** HL7 dictionary version for names and datatypes; defaults to the one the message declares (MSH-12). */
  version?: string;
  /** CSV delimiter and quote, as the mapping's `source.csv` says; `,` and `"` by default. */
  csv?: Partial<CsvDialect>;
}

/** The sample as the source panel's tree. Never throws: a sample that does not parse gives issues and no rows. */
export function sourceTree(
  sample: { content: string; format: SampleFormat },
  options: SourceTreeOptions = {},
): SourceTree {
  switch (sample.format) {
    case 'hl7v2':
      return hl7SourceTree(sample.content, options.version === undefined ? {} : { version: options.version });
    case 'csv':
      return csvSourceTree(sample.content, { delimiter: ',', quote: '"', ...options.csv });
    case 'json':
      return jsonSourceTree(sample.content);
  }
}

/**
 * The rows matching `query` (label, path or value, case-insensitive) and their ancestors, so a match is
 * shown where it sits. An empty query keeps everything.
 */
export function filterTree(roots: readonly SourceTreeNode[], query: string): SourceTreeNode[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...roots];
  const matches = (n: SourceTreeNode): boolean =>
    n.label.toLowerCase().includes(q) ||
    n.path.toLowerCase().includes(q) ||
    (n.value !== undefined && n.value !== null && String(n.value).toLowerCase().includes(q));
  const visit = (nodes: readonly SourceTreeNode[]): SourceTreeNode[] =>
    nodes.flatMap((n) => {
      const children = visit(n.children);
      return matches(n) || children.length > 0 ? [{ ...n, children }] : [];
    });
  return visit(roots);
}

/**
 * Marks each row from the preview's coverage: `unused-with-value` when it holds a value in this sample that
 * no node read (dropped data), `used` when its value was read, `empty` when the sample has nothing there.
 * The engine counts coverage per field, so components share their field's mark; segments, groups and
 * objects are `used` when anything inside them is.
 */
export function markCoverage(
  roots: readonly SourceTreeNode[],
  coverage: Pick<PreviewCoverage, 'unused'>,
): SourceTreeNode[] {
  const unused = new Set(coverage.unused.map((u) => u.field));
  const mark = (n: SourceTreeNode): SourceTreeNode => {
    if (n.children.length > 0) {
      const children = n.children.map(mark);
      return { ...n, children, coverage: strongest(children.map((c) => c.coverage ?? 'empty')) };
    }
    const hasValue = n.value !== undefined && n.value !== null && n.value !== '';
    const coverageMark: CoverageMark = !hasValue
      ? 'empty'
      : n.field !== undefined && unused.has(n.field)
        ? 'unused-with-value'
        : 'used';
    return { ...n, coverage: coverageMark };
  };
  return roots.map(mark);
}

function strongest(marks: CoverageMark[]): CoverageMark {
  if (marks.includes('used')) return 'used';
  if (marks.includes('unused-with-value')) return 'unused-with-value';
  return 'empty';
}
