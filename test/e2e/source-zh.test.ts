// `talentflow import ... --source-zh`: the Chinese source line is stored beside --source for flows,
// indicators and stocks, and GET /api/cases (what the dashboard's footer reads) gives both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace } from '../../src/store/index.ts';
import { createApp } from '../../src/server/index.ts';
import { runCli } from '../helpers/cli.ts';

test('import flows, indicators and stocks with --source and --source-zh: the API\'s case names both', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-source-zh-cli-'));
  try {
    const ws = join(dir, 'w.duckdb');
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const ok = (args: string[]) => {
      const r = runCli(dir, [...args, '-w', ws]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    };
    ok(['init']);
    ok(['import', 'regions', file('r.csv', 'code,name_en,level\nD1,North,district\nD2,South,district\nD3,East,district\n')]);
    ok(['import', 'flows', file('f.csv', 'origin,destination,period,count\nD1,D2,2020,5\n'), '--source', 'city register', '--source-zh', '城市户籍登记']);
    ok(['import', 'indicators', file('i.csv', 'region,period,name,value\nD1,2020,population,100\n'), '--unit', 'persons', '--source', 'census A', '--source-zh', '人口普查甲']);
    ok(['import', 'stocks', file('s.csv', 'birth,residence,date,count\nD1,D2,2020,4\n'), '--source', 'census B', '--source-zh', '人口普查乙']);
    const w = await openWorkspace(ws, { create: false });
    try {
      const r = await createApp(w).app.request('/api/cases');
      assert.equal(r.status, 200);
      const cases = await r.json() as { sources: { what: string; text: string; text_zh: string | null }[] }[];
      assert.deepEqual(cases[0].sources.map((s) => [s.what, s.text, s.text_zh]), [
        ['flows', 'city register', '城市户籍登记'], ['indicators', 'census A', '人口普查甲'], ['stocks', 'census B', '人口普查乙'],
      ]);
    } finally {
      closeWorkspace(w);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
