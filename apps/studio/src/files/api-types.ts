import type { AppRouter } from '@mapwright/api';
import type { inferRouterOutputs } from '@trpc/server';

export type ImportAnswer = inferRouterOutputs<AppRouter>['mappings']['importFiles'];
