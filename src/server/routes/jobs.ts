import type { Hono } from 'hono';
import { NotFoundError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';

export function jobRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, { method: 'get', path: '/api/jobs', tag: 'jobs', summary: 'Jobs and their states', handler: async ({ deps: d }) => d.jobs.list() });
  route(app, deps, docs, {
    method: 'get', path: '/api/jobs/{id}', tag: 'jobs', summary: 'A job: state, progress and, when done, its result',
    handler: async ({ params, deps: d }) => {
      const j = d.jobs.get(params.id);
      if (!j) throw new NotFoundError(coded('job.notFound', { id: params.id }));
      return j;
    },
  });
  route(app, deps, docs, {
    method: 'delete', path: '/api/jobs/{id}', tag: 'jobs', summary: 'Cancel a running job',
    handler: async ({ params, deps: d }) => {
      const j = d.jobs.cancel(params.id);
      if (!j) throw new NotFoundError(coded('job.notFound', { id: params.id }));
      return j;
    },
  });
}
