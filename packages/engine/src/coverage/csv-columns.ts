import type { Mapping } from '../model';
import { readPaths } from './read-paths';

/**
 * The CSV columns a mapping reads, each with the first node that reads it, from the static read paths of its
 * source paths, transform expressions, for-each and conditions: `rows.<column>` anywhere, or a name read
 * relative to the current row. Cached per mapping object (a compiled mapping keeps its own).
 */
export function csvColumnsRead(mapping: Mapping): Map<string, string> {
  let columns = cache.get(mapping);
  if (!columns) {
    columns = readColumns(mapping);
    cache.set(mapping, columns);
  }
  return columns;
}

const cache = new WeakMap<Mapping, Map<string, string>>();

function readColumns(mapping: Mapping): Map<string, string> {
  const columns = new Map<string, string>();
  for (const node of mapping.nodes) {
    const expressions =
      node.type === 'source'
        ? [node.path]
        : node.type === 'transform'
          ? [node.expression]
          : node.type === 'target'
            ? [node.forEach, node.condition]
            : [];
    for (const expression of expressions) {
      if (expression === undefined) continue;
      for (const { steps, absolute } of readPaths(expression, null)) {
        // `rows` alone (a for-each) names no column; `$msg.x` with x not `rows` is not a column either
        const column = steps[0] === 'rows' ? steps[1] : absolute ? undefined : steps[0];
        if (column !== undefined && !columns.has(column)) columns.set(column, node.id);
      }
    }
  }
  return columns;
}
