import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, importFlows, importIndicators, importRegions, importStocks, openWorkspace } from '../index.ts';
import { Database } from '../duckdb/database.ts';
import { migrate } from '../duckdb/migrations.ts';
import { listCases } from './list-cases.ts';
import { tempWorkspace } from '../../../test/helpers/workspace.ts';

const DISTRICTS = [
  'code,name_en,level,centroid_lon,centroid_lat,area_km2',
  'D1,North,district,10.0,50.0,100', 'D2,South,district,10.1,49.9,100', 'D3,East,district,10.2,50.0,100', 'D4,West,district,9.9,50.0,100',
].join('\n') + '\n';

/** Writes a file into `dir` and returns its path. */
function written(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

test('a Chinese source line is kept beside the English one (a long file\'s source_zh column, --source-zh of flows and stocks) and a case names both', async () => {
  const t = await tempWorkspace();
  try {
    const file = (name: string, text: string) => written(t.dir, name, text);
    await importRegions(t.ws, file('districts.csv', DISTRICTS));
    await importFlows(t.ws, file('moves.csv', 'origin,destination,period,count\nNorth,South,2015,10\nSouth,East,2016,5\n'), { source: 'city register', sourceZh: '城市户籍登记' });
    await importIndicators(t.ws, file('pop.csv', [
      'region,period,name,value,unit,source,source_zh',
      'D1,2010,population,100,persons,census A; D2 missing,人口普查甲；缺 D2',
      'D1,2020,population,120,persons,census A,人口普查甲',
    ].join('\n') + '\n'));
    // A user's file with one source line: stored as written, no Chinese made up for it.
    await importIndicators(t.ws, file('wage.csv', 'region,period,name,value,unit,来源\nD2,2020,wage,5,yuan,统计年鉴 2021\n'));
    await importStocks(t.ws, file('stocks.csv', 'birth,residence,date,count\nNorth,South,2010,4\nSouth,North,2010,3\n'), { source: 'census B', sourceZh: '人口普查乙' });
    const [c] = await listCases(t.ws);
    assert.deepEqual(c.sources.map((s) => [s.what, s.text, s.text_zh]), [
      ['flows', 'city register', '城市户籍登记'],
      ['indicators', 'census A', '人口普查甲'],
      ['indicators', '统计年鉴 2021', null],
      ['stocks', 'census B', '人口普查乙'],
    ]);
    // The Chinese line is stored per value, as the English one is.
    const rows = await t.ws.db.all<{ source: string; source_zh: string | null }>("SELECT DISTINCT source, source_zh FROM indicators WHERE name = 'population' ORDER BY source");
    assert.deepEqual(rows.map((r) => [r.source, r.source_zh]), [['census A', '人口普查甲'], ['census A; D2 missing', '人口普查甲；缺 D2']]);
  } finally {
    t.done();
  }
});

test('a workspace of schema 5 (before source_zh) opens: its sources read with no Chinese, and a new import stores one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-source-zh-'));
  try {
    const path = join(dir, 'old.duckdb');
    const db = await Database.open(path);
    await migrate(db, 5);
    await db.run(`INSERT INTO regions (code, name_en, level) VALUES ('D1', 'North', 'district'), ('D2', 'South', 'district'), ('D3', 'East', 'district')`);
    await db.run(`INSERT INTO imports (id, kind, file, sha256, rows) VALUES (1, 'indicators', 'old.csv', 'x', 1)`);
    await db.run(`INSERT INTO indicators (import_id, region, period, period_start, period_end, name, value, unit, source) VALUES (1, 'D1', '2020', 2020, 2020, 'population', 10, 'persons', 'old census')`);
    db.close();

    const ws = await openWorkspace(path, { create: false });
    try {
      const [c] = await listCases(ws);
      assert.deepEqual(c.sources, [{ what: 'indicators', text: 'old census', text_zh: null, estimated: false }]);
      await importIndicators(ws, written(dir, 'new.csv', 'region,period,name,value,unit\nD2,2020,population,12,persons\n'), { source: 'new census', sourceZh: '新普查' });
      const [again] = await listCases(ws);
      assert.deepEqual(again.sources.map((s) => [s.text, s.text_zh]), [['old census', null], ['new census', '新普查']]);
    } finally {
      closeWorkspace(ws);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
