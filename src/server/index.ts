export { createApp, type AppOptions, type TalentflowApp } from './app.ts';
export { startServer, WEB_DIST, type ServeOptions } from './serve.ts';
export { route, type RouteDef, type RouteDoc, type ServerDeps } from './route.ts';
export { STATUS, HttpError, toErrorBody, errorResponse } from './errors.ts';
export { JobRegistry, type JobView, type JobContext, type JobState } from './jobs.ts';
