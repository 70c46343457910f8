import { InputError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { RadiationData } from '../../models/index.ts';
import { gravityDataFromWorkspace } from '../../store/queries/model-data.ts';
import { readColumns } from '../../store/read-columns.ts';
import type { Workspace } from '../../store/workspace.ts';
import type { RadiationOptions } from './radiation-input.ts';

/**
 * Radiation needs every region's population and the full distance matrix. From a file they come
 * from the rows (origin/destination population and distance columns, all ordered pairs present);
 * from the workspace, from the population indicator and centroid distances, with the notes of
 * the workspace's flows (what they are and where they come from: model-data.ts).
 */
export async function radiationData(o: RadiationOptions, ws: Workspace | null): Promise<{ data: RadiationData; notes: CodedMessage[] }> {
  const f = o.file;
  if (f) {
    const c = await readColumns(f.path, { text: [f.origin, f.destination], numeric: [f.flow, f.distance, f.originPop, f.destinationPop] }, { encoding: f.encoding, sheet: f.sheet });
    const codes = [...new Set([...c.text[f.origin], ...c.text[f.destination]])].sort();
    const idx = new Map(codes.map((r, i) => [r, i]));
    const n = codes.length;
    const population = new Float64Array(n).fill(NaN);
    const distance = new Float64Array(n * n).fill(NaN);
    const origin = new Uint32Array(c.rows);
    const destination = new Uint32Array(c.rows);
    for (let r = 0; r < c.rows; r++) {
      const i = idx.get(c.text[f.origin][r])!;
      const j = idx.get(c.text[f.destination][r])!;
      origin[r] = i;
      destination[r] = j;
      population[i] = c.numbers[f.originPop][r];
      population[j] = c.numbers[f.destinationPop][r];
      distance[i * n + j] = c.numbers[f.distance][r];
      distance[j * n + i] = Number.isNaN(distance[j * n + i]) ? c.numbers[f.distance][r] : distance[j * n + i];
    }
    for (let i = 0; i < n; i++) distance[i * n + i] = 0;
    const gap = distance.findIndex((d) => Number.isNaN(d));
    if (gap >= 0) throw new InputError(coded('radiation.input.noDistance', { from: codes[Math.floor(gap / n)], to: codes[gap % n] }), { file: f.path });
    return { data: { regions: codes, population, distance, origin, destination, flow: c.numbers[f.flow] }, notes: [] };
  }
  if (!ws) throw new InputError('no workspace');
  if (o.periods.length !== 1) throw new InputError(coded('radiation.input.onePeriod', {}));
  const { data, messages } = await gravityDataFromWorkspace(ws, { periods: o.periods, within: o.within, level: o.level, originIndicators: ['population'], fillZeros: o.fillZeros });
  const n = data.regions.length;
  const population = new Float64Array(n);
  const distance = new Float64Array(n * n);
  for (let r = 0; r < data.flow.length; r++) {
    population[data.origin[r]] = data.covariates!.origin_population[r];
    distance[data.origin[r] * n + data.destination[r]] = data.cost[r];
  }
  return { data: { regions: data.regions, population, distance, origin: data.origin, destination: data.destination, flow: data.flow }, notes: messages.notes };
}
