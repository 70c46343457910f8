import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { RadiationData } from '../../models/index.ts';
import { gravityDataFromWorkspace } from '../../store/queries/model-data.ts';
import { readColumns } from '../../store/read-columns.ts';
import type { Workspace } from '../../store/workspace.ts';

/**
 * Radiation needs every region's population and the full distance matrix. From a file they come
 * from the rows (origin/destination population and distance columns, all ordered pairs present);
 * from the workspace, from the population indicator and centroid distances.
 */
export async function radiationDataFrom(o: Record<string, string | boolean | undefined>, ws?: Workspace): Promise<RadiationData> {
  const s = (k: string) => o[k] as string | undefined;
  if (s('flows')) {
    for (const k of ['origin', 'destination', 'flow', 'distance', 'originPop', 'destinationPop']) {
      if (!s(k)) throw new InputError(coded('fit.flowsNeedsColumn', { option: `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}` }));
    }
    const c = await readColumns(s('flows')!, { text: [s('origin')!, s('destination')!], numeric: [s('flow')!, s('distance')!, s('originPop')!, s('destinationPop')!] }, { encoding: s('encoding'), sheet: s('sheet') });
    const codes = [...new Set([...c.text[s('origin')!], ...c.text[s('destination')!]])].sort();
    const idx = new Map(codes.map((r, i) => [r, i]));
    const n = codes.length;
    const population = new Float64Array(n).fill(NaN);
    const distance = new Float64Array(n * n).fill(NaN);
    const origin = new Uint32Array(c.rows);
    const destination = new Uint32Array(c.rows);
    for (let r = 0; r < c.rows; r++) {
      const i = idx.get(c.text[s('origin')!][r])!;
      const j = idx.get(c.text[s('destination')!][r])!;
      origin[r] = i;
      destination[r] = j;
      population[i] = c.numbers[s('originPop')!][r];
      population[j] = c.numbers[s('destinationPop')!][r];
      distance[i * n + j] = c.numbers[s('distance')!][r];
      distance[j * n + i] = Number.isNaN(distance[j * n + i]) ? c.numbers[s('distance')!][r] : distance[j * n + i];
    }
    for (let i = 0; i < n; i++) distance[i * n + i] = 0;
    const gap = distance.findIndex((d) => Number.isNaN(d));
    if (gap >= 0) throw new InputError(coded('radiation.input.noDistance', { from: codes[Math.floor(gap / n)], to: codes[gap % n] }), { file: s('flows') });
    return { regions: codes, population, distance, origin, destination, flow: c.numbers[s('flow')!] };
  }
  if (!ws) throw new InputError('no workspace');
  const periods = (s('period') ?? '').split(',').filter(Boolean);
  if (periods.length !== 1) throw new InputError(coded('radiation.input.onePeriod', {}));
  const { data } = await gravityDataFromWorkspace(ws, { periods, within: s('within'), level: s('level'), originIndicators: ['population'], fillZeros: o.fillZeros !== false });
  const n = data.regions.length;
  const population = new Float64Array(n);
  const distance = new Float64Array(n * n);
  for (let r = 0; r < data.flow.length; r++) {
    population[data.origin[r]] = data.covariates!.origin_population[r];
    distance[data.origin[r] * n + data.destination[r]] = data.cost[r];
  }
  return { regions: data.regions, population, distance, origin: data.origin, destination: data.destination, flow: data.flow };
}
