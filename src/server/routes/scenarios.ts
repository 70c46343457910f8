import type { Hono } from 'hono';
import { coded } from '../../core/messages/index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compareScenarios, compileLevers, parseScenario, type ScenarioDocument } from '../../sim/index.ts';
import { listScenarioRuns, prepareScenario, loadScenarioRuns, scenarioModelOptions, type PreparedScenario } from '../../store/scenarios.ts';
import { packagePath } from '../../io/package-root.ts';
import { counterfactualAnswer } from '../../app/scenario/counterfactual.ts';
import { requestedDocument } from '../../app/scenario/document.ts';
import { counterfactualInput, scenarioRunInput } from '../../app/scenario/input.ts';
import { chooseScenarioRun, runChosenScenario } from '../../app/scenario/run.ts';
import type { Workspace } from '../../store/index.ts';
import { toErrorBody } from '../errors.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { modelName, qText } from '../schemas.ts';
import { HttpError } from '../errors.ts';

/**
 * Scenarios over HTTP: the bundled example documents, an exact aggregate counterfactual per
 * graduating cohort (fast enough for a dashboard slider), a full run with parameter draws as a
 * job, and the stored runs. The documents are validated by the library's own scenario schema.
 */
const EXAMPLES = packagePath('examples');

/**
 * The run operation's input (src/app/scenario), bounded for a server: at most 1,000 draws a
 * job, and stored only when asked (a dashboard explores before it keeps a run).
 */
const runBody = scenarioRunInput.extend({
  draws: z.number().int().min(1).max(1000).default(200),
  save: z.boolean().default(false),
}).strict();

/**
 * Prepared baselines by document with the interventions' sizes left out, so moving a slider
 * (a change value or a cost) recompiles only the levers: no workspace queries. Kept as
 * promises, so the many requests of a slider (or a load test) arriving before the first
 * preparation ends wait for that one instead of each preparing again; keyed on the
 * workspace's write counter, so a refitted model or new flows are picked up.
 */
const prepared = new WeakMap<Workspace, Map<string, Promise<PreparedScenario>>>();

function baselineKey(doc: ScenarioDocument): string {
  return JSON.stringify({ ...doc, name: '', description: '', assumptions: [], description_zh: '', assumptions_zh: [], interventions: doc.interventions.map((iv) => ({ ...iv, change: null, cost: null, name: null })) });
}

async function preparedFor(deps: ServerDeps, doc: ScenarioDocument): Promise<PreparedScenario> {
  let cache = prepared.get(deps.ws);
  if (!cache) prepared.set(deps.ws, (cache = new Map()));
  const key = `${deps.ws.db.version}:${baselineKey(doc)}`;
  let pending = cache.get(key);
  if (!pending) {
    if (cache.size >= 20) cache.clear();
    pending = deps.lock.run(() => prepareScenario(deps.ws, doc));
    cache.set(key, pending);
    // A failure (no such model yet) is not remembered: the next request tries again.
    pending.catch(() => cache.delete(key));
  }
  const p = await pending;
  if (p.document === doc) return p;
  const levers = compileLevers(p.choice, doc.interventions.map((iv, k) => ({ ...iv, targets: p.levers[k].targets })));
  return { ...p, document: doc, levers };
}

export function scenarioRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, {
    method: 'get', path: '/api/scenarios/examples', tag: 'scenarios', summary: 'The example scenario documents shipped in examples/',
    handler: async () => readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort().flatMap((file) => {
      try {
        return [{ file, document: parseScenario(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'))) }];
      } catch {
        return [];
      }
    }),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/scenarios/models/{name}', tag: 'scenarios',
    summary: "What a scenario on a saved model can be built from: its regions, base period, terms a payment can raise, indicators, flow periods, the default population indicator and graduate records",
    handler: ({ params, deps: d }) => d.lock.run(() => scenarioModelOptions(d.ws, modelName.parse(params.name))),
  });
  route(app, deps, docs, {
    method: 'post', path: '/api/scenarios/counterfactual', tag: 'scenarios', body: counterfactualInput,
    summary: 'Exact aggregate counterfactual of a scenario document per graduating cohort (baseline vs scenario, retained, net, cost); for sliders',
    handler: async ({ body, deps: d }) => {
      const t0 = performance.now();
      const { document, amountMessage } = requestedDocument(body.document, body.amount);
      const p = await preparedFor(d, document);
      return { ...counterfactualAnswer(p, amountMessage), milliseconds: performance.now() - t0 };
    },
  });
  route(app, deps, docs, {
    method: 'post', path: '/api/scenarios/run', tag: 'scenarios', status: 202, body: runBody,
    summary: 'Run a scenario document with parameter draws and cohort microsimulation (a job: poll /api/jobs/{id})',
    handler: async ({ body, deps: d }) => {
      // A model lacking a variable the scenario needs is a bad request, answered now rather than as a failed job.
      const chosen = await d.lock.run(() => chooseScenarioRun(d.ws, body));
      // The workspace lock is held only to prepare and to save; the draws pause for other
      // requests and stop on a cancel.
      return d.jobs.start('scenario', (ctx) => runChosenScenario(d.ws, chosen, {
        signal: ctx.signal, exclusive: (work) => d.lock.run(work),
        onProgress: (done, total) => ctx.progress(done / total, coded('job.draw', { done, total })),
      }), (e) => toErrorBody(e));
    },
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/scenarios', tag: 'scenarios', summary: 'Stored scenario runs', query: z.object({ scenario: qText.optional() }).strict(),
    handler: ({ query, deps: d }) => d.lock.run(() => listScenarioRuns(d.ws, query.scenario)),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/scenarios/compare', tag: 'scenarios',
    summary: 'Stored scenario runs side by side (as `talentflow scenario compare`): retained delta, total cost and cost per retained with intervals',
    query: z.object({ ids: z.string().trim().regex(/^\d{1,9}(,\d{1,9}){0,19}$/, 'run ids separated by commas, e.g. 1,2') }).strict(),
    handler: async ({ query, deps: d }) => {
      const ids = [...new Set(query.ids.split(',').map(Number))];
      const runs = await d.lock.run(() => loadScenarioRuns(d.ws, ids));
      const missing = ids.filter((id) => !runs.some((r) => r.id === id));
      if (missing.length) throw new HttpError(404, coded('scenario.run.notStored', { runs: missing.map(String) }));
      const comparison = compareScenarios(runs.map((r) => ({ name: `${r.scenario} #${r.id}`, model: `${r.model}@${r.modelVersion}`, result: r.result })));
      return { runs: runs.map(({ result: _r, ...meta }) => meta), ...comparison };
    },
  });
}
