import { authRouter } from './routers/auth';
import { channelsRouter } from './routers/channels';
import { conceptMapsRouter } from './routers/concept-maps';
import { deploymentsRouter } from './routers/deployments';
import { mappingsRouter } from './routers/mappings';
import { messagesRouter } from './routers/messages';
import { reviewsRouter } from './routers/reviews';
import { samplesRouter } from './routers/samples';
import { testCasesRouter } from './routers/test-cases';
import { usersRouter } from './routers/users';
import { versionsRouter } from './routers/versions';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  channels: channelsRouter,
  conceptMaps: conceptMapsRouter,
  deployments: deploymentsRouter,
  mappings: mappingsRouter,
  messages: messagesRouter,
  reviews: reviewsRouter,
  samples: samplesRouter,
  testCases: testCasesRouter,
  users: usersRouter,
  versions: versionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
