import type { Hono } from 'hono';
import { z } from 'zod';
import { indicatorCatalogue, listGroups, listIndicators, listRegions, queryFlows, queryStocks } from '../../store/index.ts';
import { listCases, type WorkspaceCase } from '../../store/queries/list-cases.ts';
import { parseTerm } from '../../store/queries/indicator-matrix.ts';
import { EXAMPLES } from '../../app/rank/spec.ts';
import { checkOptions } from '../../app/check-options.ts';
import { resolveRegionRef, withinCondition } from '../../store/queries/resolve-ref.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { level, period, qBool, qInt, qList, qText } from '../schemas.ts';

export function dataRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  const { lock } = deps;
  route(app, deps, docs, {
    method: 'get', path: '/api/regions', tag: 'data', summary: 'Search and list regions',
    query: z.object({ search: qText.optional(), level: level.optional(), within: qText.optional(), geometry: qBool.optional(), limit: qInt(100000).optional() }).strict(),
    handler: ({ query, deps: d }) => lock.run(async () => listRegions(d.ws, await checkOptions(d.ws, query, { level: 'level' }))),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/cases', tag: 'data',
    summary: 'What the dashboard can show, from the workspace: per country (and "your data" for regions under none) its map levels, flow periods and census intervals, groups, bounds, indicators and the sources its data name',
    handler: ({ deps: d }) => lock.run(async () => (await listCases(d.ws)).map((c) => ({ ...c, rankExamples: rankExamplesFor(c) }))),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/groups', tag: 'data', summary: 'Region groups (e.g. northeast)',
    handler: ({ deps: d }) => lock.run(() => listGroups(d.ws)),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/flows', tag: 'data', summary: 'Flows, filtered and optionally rolled up to a level',
    query: z.object({
      origin: qText.optional(), destination: qText.optional(), group: qText.optional(), period: period.optional(), level: level.optional(),
      intra: qBool.optional(), cohort: z.string().max(200).optional(), limit: qInt(1_000_000).optional(), minCount: z.coerce.number().min(0).optional(),
    }).strict(),
    handler: async ({ query, deps: d }) => {
      const { minCount, ...q } = query;
      const res = await lock.run(async () => queryFlows(d.ws, await checkOptions(d.ws, q, { level: 'level', period: 'flows' })));
      return minCount ? { ...res, rows: res.rows.filter((r) => r.count >= minCount) } : res;
    },
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/periods', tag: 'data', summary: 'Periods with flows, and with each indicator',
    handler: ({ deps: d }) => lock.run(async () => ({
      flows: (await d.ws.db.all<{ period: string; estimated: boolean; n: bigint }>(
        `SELECT f.period, bool_or(i.kind = 'estimate') AS estimated, count(*) AS n FROM flows f JOIN imports i ON i.id = f.import_id GROUP BY f.period ORDER BY f.period`))
        .map((r) => ({ period: r.period, estimated: r.estimated, flows: Number(r.n) })),
      indicators: await indicatorCatalogue(d.ws),
    })),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/indicators', tag: 'data', summary: 'Indicator values of regions',
    query: z.object({ name: qList.optional(), within: qText.optional(), level: level.optional(), period: period.optional(), limit: qInt(1_000_000).optional() }).strict(),
    handler: ({ query, deps: d }) => lock.run(async () => listIndicators(d.ws, await checkOptions(d.ws, query, { level: 'level', period: 'indicators' }))),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/stocks', tag: 'data',
    summary: 'Stock tables (people by region of birth x region of residence at a census date) with unit, sampling rate, definition, source and kind; with a filter (date, birth, residence, within, limit) also their cells, in the stored unit and in persons',
    query: z.object({
      date: z.coerce.number().int().min(1800).max(2200).optional(), definition: z.string().trim().min(1).max(500).optional(),
      birth: qText.optional(), residence: qText.optional(), within: qText.optional(), limit: qInt(1_000_000).optional(),
    }).strict(),
    handler: ({ query, deps: d }) => {
      // As `talentflow stocks`: cells only when asked for, so the plain listing stays small.
      const cells = query.date !== undefined || query.birth !== undefined || query.residence !== undefined || query.within !== undefined || query.limit !== undefined;
      return lock.run(() => queryStocks(d.ws, { ...query, limit: cells ? query.limit : 0 }));
    },
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/geometry', tag: 'data', summary: 'Boundaries as a GeoJSON FeatureCollection (for maps)',
    query: z.object({ level: level, within: qText.optional() }).strict(),
    handler: ({ query, deps: d }) => lock.run(async () => {
      const { level: lv } = await checkOptions(d.ws, query, { level: 'level' });
      const where = ['level = ?', 'geometry IS NOT NULL'];
      const params: string[] = [lv];
      if (query.within) {
        const c = withinCondition('code', await resolveRegionRef(d.ws, query.within));
        where.push(c.sql);
        params.push(...c.params);
      }
      const rows = await d.ws.db.all<{ code: string; name_zh: string | null; name_en: string | null; parent: string | null; geometry: string }>(
        `SELECT code, name_zh, name_en, parent, geometry FROM regions WHERE ${where.join(' AND ')} ORDER BY code`, params);
      return {
        type: 'FeatureCollection',
        features: rows.map((r) => ({ type: 'Feature', properties: { code: r.code, name_zh: r.name_zh, name_en: r.name_en, parent: r.parent }, geometry: JSON.parse(r.geometry) })),
      };
    }),
  });
}

/** The example indices (`rank --example`) a case has every indicator and period of, at the example's level. */
function rankExamplesFor(c: Omit<WorkspaceCase, 'rankExamples'>): string[] {
  return Object.entries(EXAMPLES).filter(([, ex]) => ex.within === c.within && ex.terms.every((text) => {
    const { term } = parseTerm(text);
    return c.indicators.some((i) => i.name === term.name && i.level === ex.level && term.periods.every((p) => i.periods.includes(p)));
  })).map(([id]) => id);
}
