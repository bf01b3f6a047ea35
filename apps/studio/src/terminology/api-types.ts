import type { AppRouter } from '@mapwright/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['conceptMaps'];
type Inputs = inferRouterInputs<AppRouter>['conceptMaps'];

export type ConceptMapSummary = Outputs['list'][number];
export type ConceptMapIssue = Extract<Outputs['import'], { ok: false }>['errors'][number];
export type ImportInput = Inputs['import'];

/** `Line 3, column 3: …` or `group[0].element[2].code: …`: where the problem is, then what it is. */
export function describeIssue(issue: ConceptMapIssue): string {
  const { line, column, path } = issue.at;
  const where =
    line !== undefined
      ? `Line ${line}${column !== undefined ? `, column ${column}` : ''}`
      : path !== undefined && path !== '$'
        ? path
        : '';
  return where ? `${where}: ${issue.message}` : issue.message;
}

export { canEdit } from '../roles';
