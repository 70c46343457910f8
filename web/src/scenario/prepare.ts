import { api, post, waitForJob, type JobView } from '../api.ts';

/**
 * The fitted models the example scenarios name, and how to make them when a workspace lacks
 * them: the same specifications as examples/run-northeast.sh and examples/run-korea.sh. A model
 * the table does not know has to be fitted in the Models tab (or with `talentflow fit`).
 */
interface ModelRecipe {
  /** China's province flows are estimates from the two census birthplace tables: make them first if missing. */
  estimate?: { from: number; to: number };
  fit: { periods: string[]; within: string; level?: string; constraint: string; destinationVars: string[] };
}

const RECIPES: Record<string, ModelRecipe> = {
  'china-provinces': {
    estimate: { from: 2000, to: 2010 },
    fit: { periods: ['2000-2010'], within: 'CN', level: 'province', constraint: 'production', destinationVars: ['population', 'gdp_per_capita'] },
  },
  'korea-2019': { fit: { periods: ['2019'], within: 'KR', constraint: 'production', destinationVars: ['grdp_pc', 'population'] } },
};

export const canPrepare = (model: string): boolean => model in RECIPES;

/** Estimates the flows (if needed) and fits and saves `model`, reporting the jobs' progress. */
export async function prepareModel(model: string, onProgress: (p: number, message: string | null) => void): Promise<void> {
  const recipe = RECIPES[model];
  if (!recipe) throw new Error(`no recipe for the model ${model}: fit it in the Models tab`);
  if (recipe.estimate) {
    const periods = (await api.periods()).flows.map((p) => p.period);
    if (!periods.includes(`${recipe.estimate.from}-${recipe.estimate.to}`)) {
      const job = await post<JobView>('estimate/flows-from-stocks', { ...recipe.estimate, save: true });
      await waitForJob(job.id, onProgress);
    }
  }
  const job = await post<JobView>('models/gravity', { ...recipe.fit, save: model, replace: true });
  await waitForJob(job.id, onProgress);
}
