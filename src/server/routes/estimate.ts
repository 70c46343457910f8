import { coded } from '../../core/messages/index.ts';
import type { Hono } from 'hono';
import { flowsFromStocksInput } from '../../app/estimate/input.ts';
import { chooseFlowsFromStocks, runFlowsFromStocks } from '../../app/estimate/run.ts';
import { toErrorBody } from '../errors.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';

export function estimateRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  const { lock, jobs } = deps;
  route(app, deps, docs, {
    method: 'post', path: '/api/estimate/flows-from-stocks', tag: 'models', status: 202, body: flowsFromStocksInput,
    summary: 'Estimate flows between two censuses from two birthplace stock tables (Abel 2013) or from populations alone (a job; the result carries definition, source, unit and naturalRange)',
    handler: async ({ body, deps: d }) => {
      // The body is the estimate operation's input (src/app/estimate), shared with the CLI.
      // Chosen before the job starts, so a wrong method or misplaced field is answered at once.
      const { options, choice } = await lock.run(() => chooseFlowsFromStocks(d.ws, body));
      return jobs.start('flows-from-stocks', async (ctx) => {
        ctx.progress(0.1, coded('job.estimating', { method: choice.method }));
        return runFlowsFromStocks(d.ws, options, choice, (f) => lock.run(f));
      }, (e) => toErrorBody(e));
    },
  });
}
