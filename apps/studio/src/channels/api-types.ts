import type { AppRouter } from '@mapwright/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type Channel = Outputs['channels']['list'][number];
export type LiveVersion = NonNullable<Channel['live']>;
export type Deployment = Outputs['deployments']['history'][number];
