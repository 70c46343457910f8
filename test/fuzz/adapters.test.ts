/**
 * Hostile files through the two front-ends (issue 13: "every refusal a user error, CLI exit 1,
 * HTTP 400, naming file, row and column"): a workbook bomb, a 17 MB cell, a byte that is not
 * UTF-8 behind a byte-order mark, an unclosed ring; and a valid file with mixed line endings,
 * which both accept. After every refusal the workspace still answers and holds nothing new.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { createApp } from '../../src/server/index.ts';
import { closeWorkspace, openWorkspace } from '../../src/store/index.ts';
import { runCli } from '../helpers/cli.ts';
import { chinaWorkspace, count } from '../helpers/workspace.ts';
import { sheetXml, xlsxParts, zip } from './zip-writer.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

const BOMB = (() => {
  const parts = xlsxParts(sheetXml([['origin', 'destination', 'year', 'count']]));
  parts[parts.length - 1] = { ...parts[parts.length - 1], raw: deflateRawSync(Buffer.alloc(40 * 2 ** 20, 0x20), { level: 9 }), declaredSize: 1000 };
  return zip(parts);
})();
const HOSTILE: { kind: string; name: string; bytes: Buffer; message: RegExp; row?: number; column?: string }[] = [
  { kind: 'flows', name: 'bomb.xlsx', bytes: BOMB, message: /the workbook expands to more than 32 MiB of XML/ },
  { kind: 'flows', name: 'huge-cell.csv', bytes: Buffer.from(`origin,destination,year,count\n210100,110000,2014,"${'9'.repeat(17_000_000)}"\n`), message: /a line of 17\.0 MB/, row: 2 },
  { kind: 'flows', name: 'bytes.csv', bytes: Buffer.concat([Buffer.from('\ufefforigin,destination,year,count\n210100,110000,2014,'), Buffer.from([0xfe, 0x31]), Buffer.from('\n')]), message: /invalid UTF-8 text/, row: 2 },
  { kind: 'regions', name: 'ring.csv', bytes: Buffer.from('code,name,level,parent,wkt\nQ1,甲,city,210000,"POLYGON((0 0, 1 0, 1 1, 0 1))"\n'), message: /boundary of Q1: ring 1: not closed/, row: 2, column: 'wkt' },
];
const mixed = (year: number) => Buffer.from(`origin,destination,year,count\r\n210100,110000,${year},6\n210200,310000,${year},5\r\n`);

test('the CLI refuses each hostile file with exit 1 and a message naming file and place; it accepts mixed line endings', async () => {
  closeWorkspace(t.ws);
  try {
    for (const h of HOSTILE) {
      writeFileSync(join(t.dir, h.name), h.bytes);
      const r = runCli(t.dir, ['import', h.kind, h.name, '-w', t.path]);
      assert.equal(r.code, 1, `${h.name}: exit ${r.code}, ${r.stderr.slice(0, 300)}`);
      assert.match(r.stderr, h.message, h.name);
      assert.ok(r.stderr.includes(h.name) && (h.row === undefined || r.stderr.includes(`row ${h.row}`)), `${h.name}: ${r.stderr.slice(0, 300)}`);
    }
    writeFileSync(join(t.dir, 'mixed.csv'), mixed(2014));
    const ok = runCli(t.dir, ['import', 'flows', 'mixed.csv', '-w', t.path, '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).rows, 2);
  } finally {
    t.ws = await openWorkspace(t.path);
  }
});

test('the upload route answers 400 naming the uploaded file, row and column; the workspace still answers', async () => {
  const { app } = createApp(t.ws, { maxUploadBytes: 64 * 2 ** 20 });
  const before = await count(t.ws, 'flows');
  for (const h of HOSTILE) {
    const r = await app.request(`/api/import/${h.kind}?filename=${h.name}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: h.bytes });
    const body = (await r.json()) as { error: { code: string; message: string; file?: string; row?: number; column?: string } };
    assert.equal(r.status, 400, `${h.name}: ${JSON.stringify(body).slice(0, 300)}`);
    assert.equal(body.error.code, 'INPUT');
    assert.match(body.error.message, h.message);
    assert.deepEqual([body.error.file, body.error.row, body.error.column], [h.name, h.row, h.column]);
  }
  assert.equal(await count(t.ws, 'flows'), before);
  const ok = await app.request('/api/import/flows?filename=mixed.csv', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: mixed(2015) });
  assert.equal(ok.status, 201, await ok.clone().text());
});
