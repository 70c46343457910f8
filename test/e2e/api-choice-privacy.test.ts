/**
 * A choice-set error through the API names the rule and how many persons break it, never a
 * person's record id (personal data an API client may not see, docs/privacy.md), and a count of
 * fewer than k persons reads "fewer than k". The CLI, run by the workspace's owner on their own
 * workspace, still names an example record to look up. Records: the choice fixture's graduates,
 * every tenth without a home region, fitted with distance_home (which needs it).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { choiceWorkspace } from '../../src/store/choice/test-fixtures.ts';
import { createApp } from '../../src/server/index.ts';
import { apiClient, type ApiClient } from '../helpers/api.ts';
import { runCli } from '../helpers/cli.ts';

let fixture: Awaited<ReturnType<typeof choiceWorkspace>>;
let ws: Workspace;
let api: ApiClient;
let ids: string[] = [];
/** Persons without a home region who enter the choice set (not further study, not employed, not Hong Kong). */
let blank = 0;
let blankDalian2015 = 0;

const COUNTED = "home_region IS NULL AND destination NOT IN ('further_study', 'not_employed', '810000')";

before(async () => {
  fixture = await choiceWorkspace({ persons: 300, blankHomeEvery: 10 });
  const db = fixture.ws.db;
  ids = (await db.all<{ id: string }>('SELECT id FROM persons')).map((r) => r.id);
  blank = Number((await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM persons WHERE ${COUNTED}`))!.n);
  blankDalian2015 = Number((await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM persons WHERE ${COUNTED} AND university = 'Dalian University of Technology' AND year = 2015`))!.n);
  closeWorkspace(fixture.ws);
});
after(() => {
  if (ws) closeWorkspace(ws);
  fixture.done();
});

/** Every record id that appears in a text as a whole word. */
const idsIn = (text: string): string[] => ids.filter((id) => new RegExp(`(^|[^\\w])${id}([^\\w]|$)`).test(text));

test('the CLI on the owner\'s workspace names an example record with the rule and the count', () => {
  assert.ok(blank >= 10, `the fixture has ${blank} persons without a home region`);
  const r = runCli(fixture.dir, ['fit', 'choice', '--persons', '--level', 'province', '--person-vars', 'distance_home', '-w', fixture.path]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`distance_home needs each person's region, which some records cannot give; no home region recorded: ${blank} persons \\(graduation year 2015\\), e\\.g\\. person (P\\d+)`));
  assert.equal(idsIn(r.stderr).length, 1);
});

test('POST /api/models/choice: the failed job (400) names the rule, the column and the count, and no record id', async () => {
  ws = await openWorkspace(fixture.path);
  api = apiClient(createApp(ws).app);
  const start = await api.post('/api/models/choice', { level: 'province', personTerms: ['distance_home'] });
  assert.equal(start.status, 202, JSON.stringify(start.body));
  const job = await api.waitJob(start.body.id);
  assert.equal(job.state, 'failed');
  assert.equal(job.error.status, 400);
  const e = job.error.body.error;
  assert.equal(e.column, 'home_region');
  assert.match(e.reason, new RegExp(`^distance_home needs each person's region, which some records cannot give; no home region recorded: ${blank} persons \\(graduation year 2015\\); with missing 'listwise' such persons are left out$`));
  assert.deepEqual(idsIn(JSON.stringify(job)), [], 'no record id anywhere in the job');
});

test('a count under k through the API reads "fewer than k"', async () => {
  assert.ok(blankDalian2015 > 0 && blankDalian2015 < 10, `${blankDalian2015} persons: pick a selection with 1 to 9`);
  const start = await api.post('/api/models/choice', { level: 'province', personTerms: ['distance_home'], university: ['Dalian University of Technology'], years: [2015] });
  const job = await api.waitJob(start.body.id);
  assert.equal(job.state, 'failed');
  const text = JSON.stringify(job);
  assert.match(job.error.body.error.message, /no home region recorded: fewer than 10 persons \(graduation year 2015\)/);
  assert.doesNotMatch(text, new RegExp(`: ${blankDalian2015} person`));
  assert.deepEqual(idsIn(text), []);
});
