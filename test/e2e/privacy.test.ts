/**
 * Small-cell suppression on the demo workspace (synthetic NEU and DUT graduates, 2015 and 2016),
 * as a user meets it: `talentflow privacy`, the CLI's table, JSON and HTML, the API's JSON and
 * page; differencing attacks on the demo's reports; and a sweep of every GET route for person
 * records (docs/privacy.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graduateReport, type GraduateReport, type GraduateSelection } from '../../src/metrics/index.ts';
import { createApp } from '../../src/server/index.ts';
import { closeWorkspace, loadPersons, openWorkspace, privacyK, provinceMap, setPrivacyK } from '../../src/store/index.ts';
import { attackGraduateReport, stayKnowledge } from '../helpers/differencing.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

const demo = demoSuite('talentflow-privacy-');
const tf = (...args: string[]) => runCli(demo.dir, [...args, '-w', demo.workspace]);

test('talentflow privacy: 10 by default; set, shown, lowered with a warning; below 3 refused naming privacy_k', () => {
  const shown = tf('privacy');
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /Privacy threshold k = 10 \(the default\)/);
  assert.match(shown.stdout, /"suppressed \(<10\)" \(已隐藏（少于 10 人）\)/);
  // --lang zh says it in Chinese (it was refused: unknown option '--lang').
  const zh = tf('privacy', '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(zh.stdout, /^小单元阈值 k = 10（默认值）。\n少于 10 人的计数.*都显示为“已隐藏（少于 10 人）”（suppressed \(<10\)）。\n只能在本机用 `talentflow privacy --k N`（N >= 3）修改/);
  const json = JSON.parse(tf('privacy', '--json').stdout);
  assert.deepEqual([json.k, json.isDefault, json.default, json.minimum], [10, true, 10, 3]);
  for (const bad of ['2', '0', '-1', '2.5', 'ten']) {
    const r = tf('privacy', '--k', bad);
    assert.equal(r.code, 1, `--k ${bad}: ${r.stderr}`);
    assert.match(r.stderr, /^error: privacy_k: must be a whole number of persons, at least 3/m, bad);
  }
  const set = tf('privacy', '--k', '25');
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /Privacy threshold k set to 25 \(was 10\)/);
  const lowered = tf('privacy', '--k', '3');
  assert.match(lowered.stderr, /warning: k lowered from 25 to 3/);
  assert.equal(JSON.parse(tf('privacy', '--json').stdout).k, 3);
  assert.equal(tf('privacy', '--k', '10').code, 0);
  const zhLowered = tf('privacy', '--k', '5', '--lang', 'zh');
  assert.match(zhLowered.stderr, /^警告：k 由 10 降为 5：5 至 9 人的组现在会出现在每份报告中/);
  assert.match(zhLowered.stdout, /^小单元阈值 k 已设为 5（原为 10）。/);
  assert.equal(tf('privacy', '--k', '10').code, 0);
});

test('CLI report: table, JSON and HTML mark hidden values "suppressed (<k)" and follow the workspace\'s k', () => {
  const sel = ['report', 'graduates', '--university', 'DUT', '--degree', 'doctor', '--year', '2016'];
  const table = tf(...sel);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /suppressed \(<10\)/);
  assert.match(table.stdout, /Privacy 隐私保护: counts of fewer than 10 graduates/);
  const r = JSON.parse(tf(...sel, '--json').stdout) as GraduateReport;
  assert.equal(r.privacy?.k, 10);
  assert.ok((r.privacy?.suppressedCells ?? 0) > 0);
  for (const row of r.byProvince) if (row.suppressed) assert.deepEqual([row.count, row.share, row.countChange, row.shareChangePp], [null, null, null, null], row.code);
  // The page: zh by default (the English mark in the title), and en.
  const zh = join(demo.dir, 'doctor-zh.html');
  assert.equal(tf(...sel, '--format', 'html', '--out', zh).code, 0);
  const page = readFileSync(zh, 'utf8');
  assert.match(page, /<span class="sup" title="suppressed \(&lt;10\)">已隐藏（少于 10 人）<\/span>/);
  assert.match(page, /<section class="privacy"><h2>隐私保护 <span class="en">Privacy<\/span><\/h2>/);
  const en = join(demo.dir, 'doctor-en.html');
  assert.equal(tf(...sel, '--format', 'html', '--lang', 'en', '--out', en).code, 0);
  assert.match(readFileSync(en, 'utf8'), /<span class="sup">suppressed \(&lt;10\)<\/span>/);
  // A larger k hides more, in the same places.
  assert.equal(tf('privacy', '--k', '40').code, 0);
  const r40 = JSON.parse(tf(...sel, '--json').stdout) as GraduateReport;
  assert.equal(r40.privacy?.k, 40);
  assert.ok((r40.privacy?.suppressedCells ?? 0) > (r.privacy?.suppressedCells ?? 0));
  assert.match(tf(...sel).stdout, /suppressed \(<40\)/);
  assert.equal(tf('privacy', '--k', '10').code, 0);
});

test('differencing attacks on the demo reports fail: no hidden cell is determined by what is shown (k 10 and 30)', async (t) => {
  const ws = await openWorkspace(demo.workspace, { create: false });
  let records, provinces;
  try {
    records = await loadPersons(ws);
    provinces = await provinceMap(ws);
  } finally {
    closeWorkspace(ws);
  }
  const NEU = 'Northeastern University';
  const DUT = 'Dalian University of Technology';
  const selections: GraduateSelection[] = [
    { year: 2016, university: NEU }, { year: 2016, university: DUT }, { year: 2016 }, { year: 2016, studyProvince: '210000' },
    { year: 2016, university: NEU, degree: 'doctor' }, { year: 2016, university: DUT, degree: 'doctor' },
    { year: 2016, university: DUT, degree: 'doctor', major: 'arts' }, { year: 2016, university: NEU, degree: 'master', major: 'economics' },
    { year: 2016, university: NEU, degree: 'bachelor', major: 'humanities' }, { year: 2015, university: DUT, degree: 'master', major: 'arts' },
  ];
  let hidden = 0;
  let reports = 0;
  for (const k of [10, 30]) {
    for (const selection of selections) {
      const published = graduateReport(records, provinces, selection, { minCell: k });
      const truth = graduateReport(records, provinces, selection, { minCell: null });
      const knowledge = { now: stayKnowledge(records, provinces, selection, selection.year), previous: published.previousYear === null ? null : stayKnowledge(records, provinces, selection, selection.year - 1) };
      const attack = attackGraduateReport(published, truth, knowledge, k);
      const what = `${JSON.stringify(selection)} k ${k}`;
      assert.ok(attack.consistent, what);
      for (const x of attack.unknowns) if (x.truth >= 0) assert.ok(x.lo <= x.truth && x.truth <= x.hi, `${what}: ${x.name} = ${x.truth} outside [${x.lo}, ${x.hi}]`);
      assert.deepEqual(attack.determinedCells, [], what);
      assert.deepEqual(attack.determinedSmall, [], what);
      hidden += attack.unknowns.filter((x) => x.kind === 'cell').length;
      reports++;
    }
  }
  assert.ok(hidden > 1000, `${hidden} hidden cells`);
  t.diagnostic(`${reports} demo reports: ${hidden} hidden cells attacked (total minus shown cells, province minus cities, employed minus outcomes, year-on-year changes, share x base, salary and stay counts), none determined`);
});

/** Keys of a person record (src/core/schema/person.ts) that only a person-level row carries. */
const PERSON_FIELDS = ['monthly_salary', 'employer_type', 'home_region', 'study_region'];
const PERSON_ROW = ['id', 'year', 'university', 'degree', 'major', 'destination', 'synthetic', ...PERSON_FIELDS];

/** Paths to objects that look like person records: a person-only key, or an id or destination with three more keys of a person row. */
function personRows(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personRows(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  const rowKeys = keys.filter((key) => PERSON_ROW.includes(key));
  const own = keys.some((key) => PERSON_FIELDS.includes(key)) || ((rowKeys.includes('id') || rowKeys.includes('destination')) && rowKeys.length >= 4) ? [path] : [];
  return [...own, ...keys.flatMap((key) => personRows((value as Record<string, unknown>)[key], `${path}.${key}`))];
}

test('API: the report carries the workspace\'s k and its marks; no route returns person records; no route sets k', async (t) => {
  const ws = await openWorkspace(demo.workspace, { create: false });
  try {
    const { app, docs } = createApp(ws);
    type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const get = async (path: string): Promise<{ status: number; type: string; body: Json }> => {
      const r = await app.request(path);
      const type = r.headers.get('content-type') ?? '';
      return { status: r.status, type, body: type.includes('json') ? await r.json() : await r.text() };
    };
    const doctor = await get('/api/reports/graduates?university=DUT&degree=doctor&year=2016');
    assert.equal(doctor.status, 200);
    assert.equal(doctor.body.privacy.k, 10);
    assert.ok(doctor.body.byProvince.some((p: { suppressed: boolean; count: number | null }) => p.suppressed && p.count === null));
    const page = await get('/api/reports/graduates.html?university=DUT&degree=doctor&year=2016&lang=en');
    assert.match(page.body, /suppressed \(&lt;10\)/);

    // Every GET route, with the ids the workspace has and the selections the report offers.
    const models = (await get('/api/models')).body as { name: string }[];
    const measures = (await get('/api/measures')).body as { measures?: { name: string }[] } | { name: string }[];
    const measureNames = (Array.isArray(measures) ? measures : (measures.measures ?? [])).map((m) => m.name);
    const paths: string[] = [];
    for (const d of docs.filter((x) => x.method === 'get')) {
      if (d.path.includes('{name}')) paths.push(...models.map((m) => d.path.replace('{name}', encodeURIComponent(m.name))));
      else if (d.path.includes('{measure}')) paths.push(...measureNames.map((m) => d.path.replace('{measure}', m)), d.path.replace('{measure}', 'net'));
      else if (d.path.includes('{id}')) paths.push(d.path.replace('{id}', '1'));
      else paths.push(d.path);
    }
    for (const q of ['university=NEU', 'university=DUT&degree=doctor&major=arts', 'province=%E8%BE%BD%E5%AE%81&compare=none']) paths.push(`/api/reports/graduates?${q}`, `/api/reports/graduates.html?${q}`);
    paths.push('/api/regions?limit=10000', '/api/flows?limit=1000', '/api/stocks?limit=100');
    let answered = 0;
    for (const path of paths) {
      const r = await get(path);
      assert.ok(r.status < 500, `${path}: ${r.status}`);
      if (typeof r.body === 'string') {
        for (const key of PERSON_FIELDS) assert.ok(!r.body.includes(key), `${path}: the page names ${key}`);
      } else assert.deepEqual(personRows(r.body), [], `${path} returns person-level fields`);
      answered++;
    }
    assert.ok(answered >= docs.filter((x) => x.method === 'get').length);
    t.diagnostic(`${answered} GET requests over the ${docs.filter((x) => x.method === 'get').length} GET routes: no person-level field in any answer`);
    // The OpenAPI document describes no person record either, and offers no way to set k.
    const doc = JSON.stringify((await get('/api/openapi.json')).body);
    for (const key of PERSON_FIELDS) assert.ok(!doc.includes(key), `openapi names ${key}`);
    assert.ok(!docs.some((d) => d.method !== 'get' && /privacy|meta/i.test(d.path)), 'no route writes k');
    for (const method of ['POST', 'PUT', 'PATCH']) assert.equal((await app.request('/api/privacy', { method, headers: { 'content-type': 'application/json' }, body: '{"k":3}' })).status, 404);

    // k set on the machine reaches the API (the response cache sees the write).
    await setPrivacyK(ws, 20);
    assert.equal((await get('/api/reports/graduates?university=DUT&degree=doctor&year=2016')).body.privacy.k, 20);
    await setPrivacyK(ws, 10);
    assert.equal(await privacyK(ws), 10);
  } finally {
    closeWorkspace(ws);
  }
});
