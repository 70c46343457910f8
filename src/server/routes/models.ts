import type { Hono } from 'hono';
import { z } from 'zod';
import { INDICATOR_NAME_RULE, isIndicatorName } from '../../core/schema/indicator-name.ts';
import { fitGravity, type GravitySpec } from '../../models/index.ts';
import { deleteModel, listModels, loadModel, saveModel } from '../../store/models.ts';
import { gravityDataFromWorkspace } from '../../store/queries/model-data.ts';
import { buildChoiceSet, choiceSpecShape, fitChoiceSet, refineChoiceSpec, saveChoiceModel } from '../../store/choice/index.ts';
import { toErrorBody } from '../errors.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { level, modelName, period } from '../schemas.ts';

// Indicator names are the user's own column names (the core's one rule), optionally with :raw.
const term = z.string().refine((t) => isIndicatorName(t.replace(/:raw$/, '')), `${INDICATOR_NAME_RULE}, optionally with :raw`);

export const gravityRequest = z.object({
  periods: z.array(period).min(1).max(50),
  within: z.string().trim().min(1).max(200).optional(),
  level: level.optional(),
  constraint: z.enum(['unconstrained', 'production', 'attraction', 'doubly']).default('unconstrained'),
  decay: z.enum(['power', 'exponential']).default('power'),
  originVars: z.array(term).max(20).default([]),
  destinationVars: z.array(term).max(20).default([]),
  intra: z.boolean().default(false),
  fillZeros: z.boolean().default(true),
  save: modelName.optional(),
  replace: z.boolean().default(false),
}).strict();

/** A choice-model spec (src/store/choice/spec.ts) and whether to save the result. */
export const choiceRequest = z.object({ ...choiceSpecShape, save: modelName.optional(), replace: z.boolean().default(false) }).strict().superRefine(refineChoiceSpec);

const terms = (list: string[], prefix: string) => list.map((t) => ({ column: prefix + t.replace(/:raw$/, ''), transform: t.endsWith(':raw') ? 'identity' as const : 'log' as const }));

export function modelRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  const { lock, jobs } = deps;
  route(app, deps, docs, { method: 'get', path: '/api/models', tag: 'models', summary: 'Saved models', handler: ({ deps: d }) => lock.run(() => listModels(d.ws)) });
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
    method: 'post', path: '/api/models/gravity', tag: 'models', status: 202, body: gravityRequest,
    summary: 'Fit a gravity model on workspace flows (a job: poll /api/jobs/{id})',
    handler: async ({ body, deps: d }) => jobs.start('fit-gravity', async (ctx) => {
      ctx.progress(0.05, 'reading flows');
      const { data, notes } = await lock.run(() => gravityDataFromWorkspace(d.ws, {
        periods: body.periods, within: body.within, level: body.level, fillZeros: body.fillZeros,
        originIndicators: body.originVars.map((t) => t.replace(/:raw$/, '')), destinationIndicators: body.destinationVars.map((t) => t.replace(/:raw$/, '')),
      }));
      if (ctx.signal.aborted) return null;
      ctx.progress(0.3, 'fitting');
      const spec: GravitySpec = {
        constraint: body.constraint, decay: body.decay, costName: 'distance_km', intra: body.intra,
        originTerms: terms(body.originVars, 'origin_'), destinationTerms: terms(body.destinationVars, 'destination_'),
      };
      const t0 = performance.now();
      const result = fitGravity(data, spec);
      const fitSeconds = (performance.now() - t0) / 1000;
      if (body.save) await lock.run(() => saveModel(d.ws, body.save!, 'gravity', spec, result, { replace: body.replace }));
      return { ...result, fitSeconds, notes, saved: body.save ?? null };
    }, (e) => toErrorBody(e)),
  });
  route(app, deps, docs, {
    method: 'post', path: '/api/models/choice', tag: 'models', status: 202, body: choiceRequest,
    summary: "Fit a destination-choice model (conditional or nested logit) on the workspace's graduate records (a job: poll /api/jobs/{id})",
    handler: async ({ body, deps: d }) => jobs.start('fit-choice', async (ctx) => {
      const { save, replace, ...spec } = body;
      ctx.progress(0.05, 'building the choice set');
      const t0 = performance.now();
      const set = await lock.run(() => buildChoiceSet(d.ws, spec));
      if (ctx.signal.aborted) return null;
      ctx.progress(0.4, 'fitting');
      const result = fitChoiceSet(set, (performance.now() - t0) / 1000);
      return save ? lock.run(() => saveChoiceModel(d.ws, save, result, replace)) : result;
    }, (e) => toErrorBody(e)),
  });
}
