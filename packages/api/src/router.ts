import { authRouter } from './routers/auth';
import { conceptMapsRouter } from './routers/concept-maps';
import { mappingsRouter } from './routers/mappings';
import { samplesRouter } from './routers/samples';
import { usersRouter } from './routers/users';
import { versionsRouter } from './routers/versions';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  conceptMaps: conceptMapsRouter,
  mappings: mappingsRouter,
  samples: samplesRouter,
  users: usersRouter,
  versions: versionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
