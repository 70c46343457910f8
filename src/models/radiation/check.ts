import { InputError, SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { RadiationData, RadiationSpec } from './types.ts';

/** Validates radiation-model input; throws InputError / SpecError naming the region or field. */
export function checkRadiationInput(data: RadiationData, spec: RadiationSpec): void {
  const n = data.regions.length;
  if (data.population.length !== n) throw new InputError(coded('radiation.input.count', { values: data.population.length, regions: n, square: false }), { column: 'population' });
  if (data.distance.length !== n * n) throw new InputError(coded('radiation.input.count', { values: data.distance.length, regions: n, square: true }), { column: 'distance' });
  for (let i = 0; i < n; i++) {
    if (!(data.population[i] > 0) || !Number.isFinite(data.population[i])) {
      throw new InputError(coded('radiation.input.populationBad', { value: String(data.population[i]), region: data.regions[i] }), { column: 'population' });
    }
  }
  for (let k = 0; k < data.distance.length; k++) {
    const v = data.distance[k];
    if (!(v >= 0) || !Number.isFinite(v)) {
      const i = Math.floor(k / n);
      throw new InputError(coded('radiation.input.distanceBad', { value: String(v), from: data.regions[i], to: data.regions[k % n] }), { column: 'distance' });
    }
  }
  const m = data.flow.length;
  if (data.origin.length !== m || data.destination.length !== m) throw new InputError(coded('radiation.input.lengths', {}), { column: 'flow' });
  for (let r = 0; r < m; r++) {
    if (data.origin[r] >= n || data.destination[r] >= n) throw new InputError(coded('radiation.input.regionIndex', { regions: n }), { row: r + 1 });
    if (!(data.flow[r] >= 0) || !Number.isFinite(data.flow[r])) throw new InputError(coded('radiation.input.flowBad', { value: String(data.flow[r]) }), { row: r + 1, column: 'flow' });
  }
  if (spec.outflows !== undefined && spec.outflows.length !== n) throw new SpecError(coded('radiation.input.count', { values: spec.outflows.length, regions: n, square: false }), 'outflows');
}
