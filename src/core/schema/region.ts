import { z } from 'zod';

/** Well-known levels of the hierarchy; any other non-empty word is accepted as user-defined. */
export const KNOWN_LEVELS = ['country', 'province', 'city', 'county', 'group'] as const;

const geometrySchema = z
  .object({ type: z.enum(['Polygon', 'MultiPolygon', 'Point', 'MultiPoint', 'LineString', 'MultiLineString']), coordinates: z.array(z.unknown()) })
  .passthrough();

export const regionSchema = z.object({
  code: z.string().trim().min(1, 'a region needs a code'),
  name_zh: z.string().trim().nullable().default(null),
  name_en: z.string().trim().nullable().default(null),
  level: z.string().trim().min(1).regex(/^[a-z][a-z0-9_-]*$/i, 'a level is one word such as province or city'),
  parent: z.string().trim().min(1).nullable().default(null),
  centroid_lon: z.number().gte(-180).lte(180).nullable().default(null),
  centroid_lat: z.number().gte(-90).lte(90).nullable().default(null),
  area_km2: z.number().nonnegative().nullable().default(null),
  geometry: geometrySchema.nullable().default(null),
  aliases: z.array(z.string().trim().min(1)).default([]),
});
export type Region = z.infer<typeof regionSchema>;
export type RegionInput = z.input<typeof regionSchema>;

/**
 * A region group is a named set of regions that is not part of the administrative tree (e.g.
 * "Northeast" = Liaoning + Jilin + Heilongjiang, or China's four economic regions).
 */
export const regionGroupSchema = z.object({
  code: z.string().trim().min(1),
  name_zh: z.string().trim().nullable().default(null),
  name_en: z.string().trim().nullable().default(null),
  members: z.array(z.string().trim().min(1)).min(1, 'a group needs at least one member'),
  description: z.string().nullable().default(null),
});
export type RegionGroup = z.infer<typeof regionGroupSchema>;
