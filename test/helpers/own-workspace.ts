import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.ts';
import { CHINA } from './workspace.ts';

/** The cities of the analyst's own flow table, as a yearbook writes them (one in traditional characters, one in English). */
export const OWN_CITIES = ['瀋陽', '大连', '长春', '哈尔滨', '北京', '上海', '广州', '深圳', '天津', '杭州'];
export const OWN_YEARS = ['2019', '2020', '2021'];
export const OWN_SOURCE = '辽宁省人才办 own survey of graduate moves 2019-2021';

/**
 * The count of one origin-destination-year of the analyst's table: a fixed rule (so tests can
 * recompute any total), larger out of the Northeast than into it.
 */
export function ownCount(i: number, j: number, year: number): number {
  return 100 * (i + 1) + 10 * (j + 1) + (year - 2019) * 7 + (i < 4 && j >= 4 ? 500 : 0);
}

/**
 * A new workspace `file` in `dir` with the census city file as its region registry (`init`,
 * `import regions` with no other options), and `ok`, which runs a further `talentflow` command
 * on it and asserts it succeeds (returning its output).
 */
export function censusWorkspace(dir: string, file: string): { ws: string; ok: (args: string[]) => string } {
  const ws = join(dir, file);
  const ok = (args: string[]) => {
    const r = runCli(dir, [...args, '-w', ws]);
    assert.equal(r.code, 0, `talentflow ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  ok(['init']);
  ok(['import', 'regions', join(CHINA, 'raw', 'census_city_2010-2020.csv')]);
  return { ws, ok };
}

/**
 * A workspace built as a new user would, with the `talentflow` executable: `init`, the census
 * city file as the region registry (`import regions`, no other options: the country, English
 * names and the NBS groups come from the bundled registry), and the analyst's own city flows
 * for 2019-2021 (`import flows --source ...`). Returns the workspace's path.
 */
export function buildOwnWorkspace(dir: string): string {
  const { ws, ok } = censusWorkspace(dir, 'own.duckdb');
  const rows = ['迁出地,迁入地,年份,人数'];
  for (const year of OWN_YEARS) {
    OWN_CITIES.forEach((o, i) => OWN_CITIES.forEach((d, j) => {
      if (i !== j) rows.push(`${o === '哈尔滨' ? 'Harbin' : o},${d === '哈尔滨' ? 'Harbin' : d},${year},${ownCount(i, j, Number(year))}`);
    }));
  }
  const flows = join(dir, 'own-flows.csv');
  writeFileSync(flows, rows.join('\n') + '\n');
  ok(['import', 'flows', flows, '--source', OWN_SOURCE]);
  return ws;
}
