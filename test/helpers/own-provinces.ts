import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { censusWorkspace } from './own-workspace.ts';

/** The own provincial flows' year: the census registry holds populations of 2010 and 2020. */
export const OWN_FLOW_YEAR = 2020;

/**
 * A Northeast analyst's workspace as issue #12 built it, with the `talentflow` executable: `init`,
 * the census city file as the region registry (its only indicators: populations, age shares,
 * household sizes; no wage or income), provincial flows of 2020 from an own file (a fixed rule,
 * more out of the Northeast than into it), and a production-constrained gravity model fitted on
 * them with destination population, saved as `own-provinces`. Returns the workspace's path.
 */
export function buildOwnProvinces(dir: string): string {
  const { ws, ok } = censusWorkspace(dir, 'own-provinces.duckdb');
  const provinces = (JSON.parse(ok(['regions', '--level', 'province', '--within', 'CN', '--json'])) as { code: string }[]).map((r) => r.code);
  const northeast = new Set(['210000', '220000', '230000']);
  const rows = ['origin,destination,period,count'];
  provinces.forEach((o, i) => provinces.forEach((d, j) => {
    if (i !== j) rows.push(`${o},${d},${OWN_FLOW_YEAR},${1000 + 37 * ((7 * i + 3 * j) % 11) + (northeast.has(o) && !northeast.has(d) ? 800 : 0)}`);
  }));
  const flows = join(dir, 'province-flows-2020.csv');
  writeFileSync(flows, rows.join('\n') + '\n');
  ok(['import', 'flows', flows, '--source', 'own table of moves between provinces, 2020']);
  ok(['fit', 'gravity', '--period', String(OWN_FLOW_YEAR), '--within', 'CN', '--level', 'province', '--constraint', 'production', '--destination-vars', 'population', '--save', 'own-provinces']);
  return ws;
}
