/**
 * The server's cross-site and body-size defences (issue 13, Security): a foreign origin, a
 * rebinding Host, a form post and a cross-site fetch change nothing; oversized chunked bodies are
 * refused while streaming; the token needs the Bearer scheme; no absolute path in any answer.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/index.ts';
import { chinaWorkspace, count } from '../helpers/workspace.ts';
import { flowProvenance } from '../../src/store/index.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
let open: ReturnType<typeof createApp>;
let tokened: ReturnType<typeof createApp>;
before(async () => {
  t = await chinaWorkspace();
  open = createApp(t.ws, { maxBodyBytes: 4096, maxUploadBytes: 1 << 16 });
  tokened = createApp(t.ws, { token: 'secret' });
});
after(() => t.done());

const REGION_CSV = 'code,name_zh,name_en,level,parent\nX1,测试,Test,city,210000\n';

async function post(app: ReturnType<typeof createApp>, url: string, body: string | Uint8Array, headers: Record<string, string>) {
  const r = await app.app.request(url, { method: 'POST', headers, body });
  return { status: r.status, body: (await r.json()) as { error?: { message: string } } };
}

test('a write from another origin is refused and writes nothing', async () => {
  const before = await count(t.ws, 'regions');
  const r = await post(open, 'http://127.0.0.1:5173/api/import/regions?filename=r.csv', REGION_CSV, { 'content-type': 'text/csv', origin: 'http://evil.example' });
  assert.equal(r.status, 403);
  assert.match(r.body.error!.message, /own pages.*evil\.example/);
  const nullOrigin = await post(open, 'http://127.0.0.1:5173/api/import/regions?filename=r.csv', REGION_CSV, { 'content-type': 'text/csv', origin: 'null' });
  assert.equal(nullOrigin.status, 403);
  const crossSite = await post(open, 'http://127.0.0.1:5173/api/import/regions?filename=r.csv', REGION_CSV, { 'content-type': 'text/csv', 'sec-fetch-site': 'cross-site' });
  assert.equal(crossSite.status, 403);
  const del = await open.app.request('http://127.0.0.1:5173/api/models/anything', { method: 'DELETE', headers: { origin: 'http://localhost:9999' } });
  assert.equal(del.status, 403, 'another port is another origin');
  assert.equal(await count(t.ws, 'regions'), before);
});

test('a form post (text/plain, urlencoded, multipart, or no type) is refused on JSON routes and uploads', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const json = await post(open, '/api/models/gravity', '{"periods":["2019"]}', { 'content-type': type });
    assert.equal(json.status, 415, type);
    const upload = await post(open, '/api/import/regions?filename=r.csv', REGION_CSV, { 'content-type': type });
    assert.equal(upload.status, 415, type);
  }
  assert.equal((await post(open, '/api/import/regions?filename=r.csv', REGION_CSV, {})).status, 415);
  // "contains application/json" is not enough any more: the media type must be exactly that.
  assert.equal((await post(open, '/api/models/gravity', '{}', { 'content-type': 'text/plain; x=application/json' })).status, 415);
});

test('a request for a re-pointed host name (DNS rebinding) is refused, reads included', async () => {
  for (const url of ['http://evil.example:5173/api/regions', 'http://evil.example/api/health', 'http://127.0.0.1.evil.example/']) {
    const r = await open.app.request(url);
    assert.equal(r.status, 403, url);
  }
  for (const url of ['http://127.0.0.1:5173/api/health', 'http://localhost:5173/api/health', 'http://[::1]:5173/api/health']) {
    assert.equal((await open.app.request(url)).status, 200, url);
  }
  const lan = createApp(t.ws, { allowedHosts: ['talent.example.org'] });
  assert.equal((await lan.app.request('http://talent.example.org/api/health')).status, 200);
  assert.equal((await lan.app.request('http://127.0.0.1/api/health')).status, 403);
});

test('the dashboard\'s own origin and non-browser clients can still write', async () => {
  const before = await count(t.ws, 'regions');
  const r = await post(open, 'http://127.0.0.1:5173/api/import/regions?filename=own.csv', REGION_CSV, { 'content-type': 'text/csv', origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'same-origin' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(await count(t.ws, 'regions'), before + 1);
  // replace=true is honoured by the regions upload (it was ignored).
  const again = await post(open, '/api/import/regions?filename=own.csv&replace=true', REGION_CSV.replace('Test', 'Test 2'), { 'content-type': 'text/csv' });
  assert.equal(again.status, 201, JSON.stringify(again.body));
  const refused = await post(open, '/api/import/regions?filename=own.csv', REGION_CSV, { 'content-type': 'text/csv' });
  assert.equal(refused.status, 409);
  assert.doesNotMatch(refused.body.error!.message, /talentflow-upload-|\/tmp\//, 'the 409 names the uploaded file, not the temporary copy');
});

test('the token needs the Bearer scheme and is compared whole', async () => {
  const body = '{"periods":["2099"]}';
  const json = { 'content-type': 'application/json' };
  assert.equal((await post(tokened, '/api/models/gravity', body, { ...json, authorization: 'secret' })).status, 401);
  assert.equal((await post(tokened, '/api/models/gravity', body, { ...json, authorization: 'Bearer secre' })).status, 401);
  assert.equal((await post(tokened, '/api/models/gravity', body, { ...json, authorization: 'Bearer secretX' })).status, 401);
  assert.equal((await post(tokened, '/api/models/gravity', body, { ...json, authorization: 'Basic secret' })).status, 401);
  assert.notEqual((await post(tokened, '/api/models/gravity', body, { ...json, authorization: 'Bearer secret' })).status, 401);
});

test('no absolute path in /api/health', async () => {
  const h = (await (await open.app.request('/api/health')).json()) as { workspace: string };
  assert.equal(h.workspace, 'w.duckdb');
  assert.ok(!JSON.stringify(h).includes(t.dir));
});

test('a chunked JSON body over the limit is refused while it streams', async () => {
  // A body without Content-Length that would run to 256 MiB: the route must stop pulling after
  // about the 4 KiB limit, not read it whole first.
  let pulled = 0;
  const chunk = new Uint8Array(1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      pulled += chunk.length;
      if (pulled > 256 << 20) c.close();
      else c.enqueue(chunk);
    },
  });
  const r = await open.app.request('/api/models/gravity', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
  assert.equal(r.status, 413);
  assert.ok(pulled < 64 << 10, `pulled ${pulled} bytes of the body`);
});

test('a deeply nested JSON-lines upload is a 400 naming the uploaded file and line, and the server lives on', async () => {
  const deep = '{"origin":"210100","destination":"110000","year":2014,"count":' + '['.repeat(12000) + ']'.repeat(12000) + '}\n';
  const r = await post(open, '/api/import/flows?filename=deep.jsonl', deep, { 'content-type': 'application/x-ndjson' });
  assert.equal(r.status, 400);
  assert.match(r.body.error!.message, /nested more than 64/);
  assert.equal((r.body.error as unknown as { file: string; row: number }).file, 'deep.jsonl');
  assert.equal((await open.app.request('/api/health')).status, 200);
});

test('the import history and every 409 name the uploaded file, never the temporary copy', async () => {
  const csv = (n: number) => `origin,destination,year,count\n210100,110000,2013,${n}\n210200,310000,2013,4\n`;
  const up = (name: string, body: string, query = '') => post(open, `/api/import/flows?filename=${encodeURIComponent(name)}${query}`, body, { 'content-type': 'text/csv' });
  const first = await up('流动 2013.csv', csv(6));
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const id = (first.body as unknown as { importId: number }).importId;
  const record = await t.ws.db.one<{ file: string }>('SELECT file FROM imports WHERE id = ?', [id]);
  assert.equal(record!.file, '流动 2013.csv', 'the import record keeps the uploaded name');
  assert.ok((await flowProvenance(t.ws, '2013')).observed.some((o) => o.source === '流动 2013.csv'), 'the flows\' provenance names it (no source given)');
  const temp = /talentflow-upload-|upload\.csv|\/tmp\//;
  // The same bytes again under another name: the conflict names both uploads by their own names.
  const same = await up('copy.csv', csv(6));
  assert.equal(same.status, 409);
  assert.match(same.body.error!.message, new RegExp(`^copy\\.csv: the same file was already imported as flows \\(import #${id} from 流动 2013\\.csv`));
  assert.doesNotMatch(same.body.error!.message, temp);
  // Other bytes with the same flows: the overlap conflict names the new upload.
  const overlap = await up('revised.csv', csv(7));
  assert.equal(overlap.status, 409);
  assert.match(overlap.body.error!.message, /^revised\.csv: 2 of these flows are already in the workspace/);
  assert.doesNotMatch(overlap.body.error!.message, temp);
  // Coded, so the page says it in Chinese: its file parameter names the upload too.
  const coded = overlap.body.error as unknown as { messageCode?: string; params?: { file?: string } };
  assert.equal(coded.messageCode, 'imports.flowsInWorkspace');
  assert.equal(coded.params?.file, 'revised.csv');
  // Replacing keeps the new name in the history.
  const replaced = await up('revised.csv', csv(7), '&replace=true');
  assert.equal(replaced.status, 201, JSON.stringify(replaced.body));
  const files = await t.ws.db.all<{ file: string }>("SELECT file FROM imports WHERE kind = 'flows' ORDER BY id");
  assert.ok(files.every((f) => !temp.test(f.file)), JSON.stringify(files));
  assert.ok(files.some((f) => f.file === 'revised.csv'));
});
