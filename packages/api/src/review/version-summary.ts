import type { MappingVersionRecord } from '@mapwright/db';

/** A version without its graph: what history lists and comparisons show. */
export const versionSummary = ({ graph: _graph, ...rest }: MappingVersionRecord) => rest;
