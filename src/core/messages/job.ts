import { def } from './message.ts';

/**
 * What a running job is doing (src/server/jobs.ts: the `message` of GET /api/jobs/{id}), shown
 * beside the dashboard's progress bars while a model is fitted or prepared, flows are estimated
 * or a scenario's draws run.
 */
export const JOB_MESSAGES = {
  'job.readingFlows': def({}, () => 'reading flows'),
  'job.buildingChoiceSet': def({}, () => 'building the choice set'),
  'job.fitting': def({}, () => 'fitting'),
  'job.estimating': def({ method: 'ffs' }, (p) => `estimating (${p.method})`),
  'job.draw': def({ done: 40, total: 200 }, (p) => `draw ${p.done}/${p.total}`),
};
