import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFlows, queryFlows } from '../index.ts';
import { chinaWorkspace } from '../../../test/helpers/workspace.ts';

// Total rows of a long flows file (a yearbook's 合计 row under its origin's destinations, a 全国
// origin row) are left out as indicator files' total rows are (total-rows.ts), and said so.
let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

test('total rows of a long flows file are skipped with a note naming their labels and rows, in origin or destination', async () => {
  const p = join(t.dir, 'totals.csv');
  writeFileSync(p, [
    '迁出地,迁入地,年份,人数',
    '辽宁,北京,2015,120',
    '辽宁,广东,2015,80',
    '辽宁,合计,2015,200',
    '全国,北京,2015,5000',
    '吉林,上海,2015,30',
    'Total,Total,2015,9999',
  ].join('\n') + '\n');
  const s = await importFlows(t.ws, p);
  assert.equal(s.rows, 3, 'the three region-to-region flows are stored, no total');
  assert.ok(s.notes.includes('skipped 3 total rows (合计 row 4, 全国 row 5, Total row 7): totals are not regions'), s.notes.join('\n'));
  const rows = (await queryFlows(t.ws, { period: '2015' })).rows;
  assert.deepEqual(rows.map((r) => [r.origin, r.destination, r.count]).sort(), [['210000', '110000', 120], ['210000', '440000', 80], ['220000', '310000', 30]]);
});

test('a file without totals has no note, and an unknown region next to a total is still refused with its row', async () => {
  const p = join(t.dir, 'no-totals.csv');
  writeFileSync(p, 'origin,destination,period,count\n辽宁,北京,2016,1\n');
  assert.deepEqual((await importFlows(t.ws, p)).notes.filter((n) => n.includes('total')), []);
  const q = join(t.dir, 'bad.csv');
  writeFileSync(q, 'origin,destination,period,count\n辽宁,合计,2017,1\n辽宁,北平,2017,1\n');
  const e = await importFlows(t.ws, q).then(() => null, (x: Error & { row?: number }) => x);
  assert.match(String(e?.message), /unknown region "北平"/);
  assert.equal(e?.row, 3, 'the row number is the file\'s, not the row after the skipped total');
});
