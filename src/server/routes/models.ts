import { coded } from '../../core/messages/index.ts';
import type { Hono } from 'hono';
import { choiceInput, runChoiceFit } from '../../app/fit/choice.ts';
import { finishGravityFit, prepareGravityFit } from '../../app/fit/gravity.ts';
import { storedGravityInput } from '../../app/fit/gravity-input.ts';
import type { Step } from '../../app/step.ts';
import { deleteModel, listModels, loadModel } from '../../store/models.ts';
import { toErrorBody } from '../errors.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { modelName } from '../schemas.ts';

// The bodies are the fit operations' inputs (src/app/fit), shared with `talentflow fit gravity`
// and `talentflow fit choice`; checked here before a job starts, so a bad option is a 400 naming
// its field. Gravity fits the workspace's stored flows only (no file paths over HTTP).

export function modelRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  const { lock, jobs } = deps;
  const locked: Step = (f) => lock.run(f);
  route(app, deps, docs, { method: 'get', path: '/api/models', tag: 'models', summary: 'Saved models: name, kind, when saved, and the level and case (country, as GET /api/cases names it) of the regions each was fitted to', handler: ({ deps: d }) => lock.run(() => listModels(d.ws)) });
  route(app, deps, docs, {
    method: 'get', path: '/api/models/{name}', tag: 'models', summary: 'A saved model with its full result',
    handler: ({ params, deps: d }) => lock.run(() => loadModel(d.ws, modelName.parse(params.name))),
  });
  route(app, deps, docs, {
    method: 'delete', path: '/api/models/{name}', tag: 'models', summary: 'Delete a saved model',
    handler: async ({ params, deps: d }) => {
      await lock.run(() => deleteModel(d.ws, modelName.parse(params.name)));
      return { deleted: params.name };
    },
  });
  route(app, deps, docs, {
    method: 'post', path: '/api/models/gravity', tag: 'models', status: 202, body: storedGravityInput,
    summary: 'Fit a gravity model on workspace flows, with fixest\'s options (fixed effects and interactions, an offset from an indicator or the distance, one- to four-way clusters, ssc, na); the answer is the result `talentflow fit gravity --json` gives (a job: poll /api/jobs/{id})',
    handler: async ({ body, deps: d }) => jobs.start('fit-gravity', async (ctx) => {
      ctx.progress(0.05, coded('job.readingFlows', {}));
      const prepared = await prepareGravityFit(d.ws, body, locked);
      if (ctx.signal.aborted) return null;
      ctx.progress(0.3, coded('job.fitting', {}));
      return finishGravityFit(d.ws, prepared, locked);
    }, (e) => toErrorBody(e)),
  });
  route(app, deps, docs, {
    method: 'post', path: '/api/models/choice', tag: 'models', status: 202, body: choiceInput,
    summary: "Fit a destination-choice model (conditional or nested logit) on the workspace's graduate records (a job: poll /api/jobs/{id})",
    handler: async ({ body, deps: d }) => jobs.start('fit-choice', (ctx) =>
      runChoiceFit(d.ws, body, locked, { progress: (f, m) => ctx.progress(f, m), aborted: () => ctx.signal.aborted }), (e) => toErrorBody(e)),
  });
}
