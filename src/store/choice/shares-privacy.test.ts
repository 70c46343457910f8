/**
 * Small-cell suppression of a choice model's observed shares (issue 13, part 4): the observed
 * destinations by home region form a home x destination table with its margins; with the
 * workspace's k no count of 1 to k - 1 persons is shown, hidden counts are marked, and a reader
 * who differences every shown total against its shown parts pins no hidden count.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feasibleIntervals, type SignedSum } from '../../metrics/index.ts';
import { importPersons } from '../import/import-persons.ts';
import { setPrivacyK } from '../privacy.ts';
import { loadModel, saveModel } from '../models.ts';
import { fitWorkspaceChoiceModel, type ChoiceModelResult } from './fit-choice.ts';
import { choiceWorkspace } from './test-fixtures.ts';

let fixture: Awaited<ReturnType<typeof choiceWorkspace>>;
before(async () => {
  fixture = await choiceWorkspace({ blankHomeEvery: 97 });
  // Four graduates from Xinjiang: a home of fewer than k.
  const rare = ['id,year,university,home_region,study_region,destination', 'X1,2015,Northeastern University,650000,210100,110000',
    'X2,2015,Northeastern University,650000,210100,650000', 'X3,2016,Northeastern University,650000,210100,650000', 'X4,2016,Northeastern University,650000,210100,310000'];
  writeFileSync(join(fixture.dir, 'rare.csv'), rare.join('\n') + '\n');
  await importPersons(fixture.ws, join(fixture.dir, 'rare.csv'));
});
after(() => fixture.done());

const spec = { level: 'province', alternativeVars: ['income'], personTerms: ['distance_home', 'is_home'] as ('distance_home' | 'is_home')[], missing: 'listwise' as const };

/** The true table: persons by home (code or '') and chosen destination, straight from the records the fit used. */
async function truth(r: ChoiceModelResult): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const h of r.shares.byHome) for (const s of h.shares) out.set(`${h.home}>${s.alternative}`, 0);
  const rows = await fixture.ws.db.all<{ home: string | null; destination: string; n: bigint }>(
    "SELECT coalesce(home_region, '') AS home, destination, count(*) AS n FROM persons GROUP BY ALL");
  for (const x of rows) if (out.has(`${x.home}>${x.destination}`)) out.set(`${x.home}>${x.destination}`, Number(x.n));
  return out;
}

function checkShown(r: ChoiceModelResult, k: number): number {
  let hidden = 0;
  const shownOk = (v: number | null, where: string) => assert.ok(v === null || v === 0 || v >= k, `${where}: ${v} shown (k ${k})`);
  assert.equal(r.shares.privacy?.k, k);
  shownOk(r.shares.persons, 'total');
  for (const s of r.shares.byAlternative) {
    shownOk(s.observed, `destination ${s.alternative}`);
    assert.equal(s.suppressed, s.observed === null);
  }
  for (const h of r.shares.byHome) {
    shownOk(h.persons, `home ${h.home}`);
    assert.equal(h.suppressed, h.persons === null);
    for (const s of h.shares) {
      shownOk(s.observed, `${h.home} -> ${s.alternative}`);
      if (s.suppressed) {
        hidden++;
        assert.equal(s.observed, null);
        assert.equal(s.observedShare, null, 'a hidden count has no share');
      }
      // A home of hidden size shows neither predicted counts nor observed shares (either gives its size).
      if (h.suppressed) assert.ok(s.predicted === null && s.observedShare === null, `${h.home}: predicted or share shown`);
    }
  }
  for (const e of r.choiceSet.excluded) {
    shownOk(e.count, e.reason);
    assert.ok(!('example' in e), 'no person id leaves the workspace');
  }
  return hidden;
}

/** A reader's differencing over every shown total: the interval of each hidden count. */
function attack(r: ChoiceModelResult): { key: string; lo: number; hi: number }[] {
  const unknown: string[] = [];
  const index = new Map<string, number>();
  for (const h of r.shares.byHome) for (const s of h.shares) if (s.observed === null) index.set(`${h.home}>${s.alternative}`, unknown.push(`${h.home}>${s.alternative}`) - 1);
  const eqs: SignedSum[] = [];
  const T = r.shares.persons!;
  for (const h of r.shares.byHome) {
    if (h.persons === null) continue;
    const terms = h.shares.filter((s) => s.observed === null).map((s) => index.get(`${h.home}>${s.alternative}`)!);
    if (terms.length) eqs.push({ terms, constant: h.persons - h.shares.reduce((a, s) => a + (s.observed ?? 0), 0) });
  }
  for (const d of r.shares.byAlternative) {
    if (d.observed === null) continue;
    const cells = r.shares.byHome.map((h) => [h.home, h.shares.find((s) => s.alternative === d.alternative)] as const);
    const terms = cells.filter(([, s]) => s && s.observed === null).map(([h]) => index.get(`${h}>${d.alternative}`)!);
    if (terms.length) eqs.push({ terms, constant: d.observed - cells.reduce((a, [, s]) => a + (s?.observed ?? 0), 0) });
  }
  eqs.push({ terms: unknown.map((_, m) => m), constant: T - r.shares.byHome.reduce((a, h) => a + h.shares.reduce((b, s) => b + (s.observed ?? 0), 0), 0) });
  const iv = feasibleIntervals(unknown.map(() => 1), unknown.map(() => T), eqs);
  assert.ok(iv.consistent);
  return unknown.map((key, m) => ({ key, lo: iv.lo[m], hi: iv.hi[m] }));
}

test('observed shares by destination and by home hide counts under k, mark them, and differencing pins none', async () => {
  const r = await fitWorkspaceChoiceModel(fixture.ws, spec);
  const real = await truth(r);
  const small = [...real.values()].filter((v) => v > 0 && v < 10).length;
  assert.ok(small > 20, `the fixture has ${small} small cells`);
  const hidden = checkShown(r, 10);
  assert.notEqual(r.shares.persons, null, 'the total of 1,200 graduates is shown');
  assert.ok(hidden >= small, `${hidden} hidden of ${small} small`);
  assert.ok(r.shares.byHome.some((h) => h.suppressed), 'a home of fewer than 10 graduates is hidden');
  assert.ok(r.shares.privacy!.suppressedCells >= hidden);
  assert.match(r.shares.definition, /suppressed \(<10\)/);
  // Shown counts are the true ones.
  for (const h of r.shares.byHome) for (const s of h.shares) if (s.observed !== null) assert.equal(s.observed, real.get(`${h.home}>${s.alternative}`));
  for (const { key, lo, hi } of attack(r)) {
    assert.ok(hi > lo, `${key} pinned at ${lo}`);
    const v = real.get(key)!;
    assert.ok(lo <= v && v <= hi, `${key}: the true ${v} outside [${lo}, ${hi}]`);
  }
});

test('the workspace\'s k applies: k = 3 hides fewer cells, still none under 3 and none pinned', async () => {
  const at10 = await fitWorkspaceChoiceModel(fixture.ws, spec);
  await setPrivacyK(fixture.ws, 3);
  try {
    const r = await fitWorkspaceChoiceModel(fixture.ws, spec);
    checkShown(r, 3);
    assert.notEqual(r.shares.persons, null);
    assert.ok(r.shares.privacy!.suppressedCells < at10.shares.privacy!.suppressedCells);
    for (const { key, lo, hi } of attack(r)) assert.ok(hi > lo, `${key} pinned at ${lo}`);
  } finally {
    await setPrivacyK(fixture.ws, 10);
  }
});

test('a choice model saved before suppression is read with every observed count withheld, and no person id', async () => {
  const legacy = {
    shares: {
      persons: 40, definition: 'x',
      byAlternative: [{ alternative: '110000', name: 'Beijing', observed: 3, predicted: 2.5, observedShare: 0.075, predictedShare: 0.06 }],
      byHome: [{ home: '210000', name: 'Liaoning', persons: 40, shares: [{ alternative: '110000', name: 'Beijing', observed: 3, predicted: 2.5, observedShare: 0.075, predictedShare: 0.06 }] }],
    },
    choiceSet: { excluded: [{ reason: 'further study', count: 2, example: 'P17' }] },
  };
  await saveModel(fixture.ws, 'legacy-choice', 'choice', {}, legacy);
  const read = (await loadModel<typeof legacy & { shares: { privacy: { k: number } } }>(fixture.ws, 'legacy-choice')).result;
  const text = JSON.stringify(read);
  assert.ok(!text.includes('P17') && !/"observed":3/.test(text) && !/"persons":40,"shares"/.test(text), text);
  assert.equal(read.shares.privacy.k, 10);
  assert.equal(read.shares.byHome[0].shares[0].predicted, null, 'predicted counts of a home add up to its size');
  assert.equal(read.shares.byAlternative[0].predictedShare, 0.06);
});
