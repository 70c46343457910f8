import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';
import { createApp } from '../../src/server/index.ts';
import { apiClient, type ApiClient } from '../helpers/api.ts';

// The API checks levels and periods against the workspace as the CLI does (src/app/check-options.ts):
// a misspelt level or a period without data is a 400 that names the value, suggests the closest
// and lists what exists, never an empty answer (`flows --level provnce` returned 0 flows).
let dir: string;
let ws: Workspace;
let api: ApiClient;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-known-'));
  await demoWorkspaceAt(join(dir, 'w.duckdb'));
  ws = await openWorkspace(join(dir, 'w.duckdb'));
  api = apiClient(createApp(ws, { maxBodyBytes: 4096, maxUploadBytes: 1 << 20 }).app);
});
after(() => {
  closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

const refused = async (path: string, message: RegExp) => {
  const r = await api.get(path);
  assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.code, 'INPUT', path);
  assert.match(r.body.error.message, message, path);
};

test('a misspelt level is a 400 suggesting the level and listing the workspace\'s levels, on every route that takes one', async () => {
  const levels = /unknown level "provnce"; did you mean "province"\? Levels in this workspace: country, province, sar, state, city, county/;
  for (const path of ['/api/flows?level=provnce&period=2019', '/api/regions?level=provnce', '/api/indicators?level=provnce', '/api/geometry?level=provnce']) await refused(path, levels);
  // Measures also take a group as their unit, and list the groups with the levels.
  await refused('/api/measures/net?level=provnce&period=2019', /unknown level "provnce"; did you mean "province"\? Levels and groups in this workspace: country, province, sar, state, city, county, .*northeast/);
});

test('a period without flows or indicators is a 400 listing the periods that exist', async () => {
  await refused('/api/flows?period=2099', /unknown period "2099"\. Periods with flows in this workspace: .*2000-2010.*2019/);
  await refused('/api/indicators?name=population&period=2099', /unknown period "2099"\. Periods with indicators in this workspace: .*2020/);
});

test('levels and periods that exist still answer', async () => {
  const f = await api.get('/api/flows?level=province&period=2019&origin=KR&limit=3');
  assert.equal(f.status, 200, JSON.stringify(f.body));
  assert.equal(f.body.rows.length, 3);
  const m = await api.get('/api/measures/net?level=province&period=2019&within=KR');
  assert.equal(m.status, 200, JSON.stringify(m.body));
  assert.equal(m.body.rows.length, 17);
  const g = await api.get('/api/measures/net?level=northeast&period=2000-2010');
  assert.equal(g.status, 200, JSON.stringify(g.body));
});
