import type { CodedMessage } from '../../core/messages/index.ts';
import { coded } from '../../core/messages/index.ts';
import { NO_PLACE, boundaryText, type BoundaryCheck } from '../../core/messages/boundary.ts';

/**
 * The refusal of a region's boundary (regions.badBoundary) by a regions or a boundaries import:
 * the check's finding coded, so a front-end says it whole in its language, with its English as
 * the check writes it.
 */
export function badBoundary(code: string, found: BoundaryCheck): CodedMessage {
  return coded('regions.badBoundary', { code, problem: boundaryText(found), ...found });
}

/**
 * A boundary that passed the check but has no centroid (polygonCentroid's error, `english`): not
 * met after the check (it refuses rings without area and holes as large as their ring), kept so
 * that such a geometry is still refused by region.
 */
export function noCentroid(code: string, english: string): CodedMessage {
  return coded('regions.badBoundary', { code, problem: english, ...NO_PLACE, kind: 'noCentroid' });
}
