import { InputError, SpecError } from '../../core/errors.ts';
import type { RadiationData, RadiationSpec } from './types.ts';

/** Validates radiation-model input; throws InputError / SpecError naming the region or field. */
export function checkRadiationInput(data: RadiationData, spec: RadiationSpec): void {
  const n = data.regions.length;
  if (data.population.length !== n) throw new InputError(`has ${data.population.length} values for ${n} regions`, { column: 'population' });
  if (data.distance.length !== n * n) throw new InputError(`has ${data.distance.length} values, expected ${n} x ${n}`, { column: 'distance' });
  for (let i = 0; i < n; i++) {
    if (!(data.population[i] > 0) || !Number.isFinite(data.population[i])) {
      throw new InputError(`population ${data.population[i]} of region "${data.regions[i]}" is not a positive number`, { column: 'population' });
    }
  }
  for (let k = 0; k < data.distance.length; k++) {
    const v = data.distance[k];
    if (!(v >= 0) || !Number.isFinite(v)) {
      const i = Math.floor(k / n);
      throw new InputError(`distance ${v} between "${data.regions[i]}" and "${data.regions[k % n]}" is not a finite number >= 0`, { column: 'distance' });
    }
  }
  const m = data.flow.length;
  if (data.origin.length !== m || data.destination.length !== m) throw new InputError('origin, destination and flow differ in length', { column: 'flow' });
  for (let r = 0; r < m; r++) {
    if (data.origin[r] >= n || data.destination[r] >= n) throw new InputError(`region index outside the ${n} regions`, { row: r + 1 });
    if (!(data.flow[r] >= 0) || !Number.isFinite(data.flow[r])) throw new InputError(`flow ${data.flow[r]} is not a finite number >= 0`, { row: r + 1, column: 'flow' });
  }
  if (spec.outflows !== undefined && spec.outflows.length !== n) throw new SpecError(`has ${spec.outflows.length} values for ${n} regions`, 'outflows');
}
