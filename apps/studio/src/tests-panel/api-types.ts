import type { AppRouter } from '@mapwright/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['testCases'];
type Inputs = inferRouterInputs<AppRouter>['testCases'];

export type TestCaseSummary = Outputs['list'][number];
export type TestRunResult = Outputs['run']['results'][number];
export type TestSource = Inputs['run']['source'];
