import { InputError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { GravityData } from '../../models/index.ts';
import type { StoredOffset } from './gravity-input.ts';

/**
 * The offset column of a fit on stored flows, as fixest's `offset = ~log(pop_d)` enters: the
 * indicator (read into data.offset by gravityDataFromWorkspace) or the distance, as is or logged.
 * A value with no log (zero or negative, e.g. the distance 0 of an intra-regional pair) is
 * refused here, naming the pair, the period and the value, rather than becoming -Infinity; rows
 * the model drops anyway (intra-regional ones without `intra`) are not checked.
 */
export function storedOffset(data: GravityData, offset: StoredOffset, text: string, intra: boolean): Float64Array {
  const raw = offset.source === 'distance' ? data.cost : data.offset!;
  const out = Float64Array.from(raw);
  if (!offset.log) return out;
  for (let r = 0; r < out.length; r++) {
    const dropped = !intra && data.origin[r] === data.destination[r];
    if (!dropped && !(raw[r] > 0)) {
      const what = offset.source === 'distance' ? `the distance (${raw[r]} km)` : `${offset.indicator} of the ${offset.source} (${raw[r]})`;
      const period = data.period && data.periods ? ` in ${data.periods[data.period[r]]}` : '';
      throw new InputError(`offset ${text}: ${what} of ${data.regions[data.origin[r]]} -> ${data.regions[data.destination[r]]}${period} has no log; log needs a positive value (give the offset without :log, or leave such pairs out)`);
    }
    out[r] = Math.log(raw[r]);
  }
  return out;
}

/** What a stored-flows offset is (the result's `offset.definition`), coded. */
export function storedOffsetDefinition(offset: StoredOffset): CodedMessage {
  return coded('fit.offsetDefinition', { source: offset.source, name: offset.source === 'distance' ? null : offset.indicator, file: null, log: offset.log });
}
