export { createApp, SESSION_COOKIE, type AppOptions } from './app';
export { ensureAdmin } from './first-run';
export { ServerEnv, secureCookies } from './config';
