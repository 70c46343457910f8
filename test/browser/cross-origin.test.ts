// A hostile page in Debian's Chromium (issue 13, High): a page served from another origin tries
// every write a browser lets it send without asking (no-cors fetches, a text/plain form shaped as
// JSON, a CORS fetch with a preflight), and a re-pointed host name (DNS rebinding, simulated with
// Chromium's host resolver rules) tries to read. The workspace must be unchanged and the
// rebinding read refused. Chromium must be installed (.ci/run installs it): no skip.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { startServer } from '../../src/server/index.ts';
import { launchChromium } from '../helpers/browser.ts';
import { chinaWorkspace, count } from '../helpers/workspace.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
let server: Awaited<ReturnType<typeof startServer>>;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;

function attackPage(target: string): string {
  const csv = 'code,name_zh,name_en,level,parent\\nEVIL,恶意,Evil,city,210000\\n';
  return `<!doctype html><meta charset="utf-8"><title>attack</title>
<iframe name="sink"></iframe>
<form id="f" method="POST" enctype="text/plain" target="sink" action="${target}api/models/gravity">
  <input name='{"periods":["2010"],"save":"evil","pad":"' value='"}'>
</form>
<script>
(async () => {
  const tries = [
    fetch('${target}api/import/regions?filename=r.csv', { method: 'POST', mode: 'no-cors', body: '${csv}' }),
    fetch('${target}api/import/regions?filename=r2.csv', { method: 'POST', mode: 'no-cors', body: new Blob(['${csv}']) }),
    fetch('${target}api/import/regions?filename=r3.csv', { method: 'POST', body: '${csv}', headers: { 'content-type': 'text/csv' } }),
    fetch('${target}api/models/gravity', { method: 'POST', mode: 'no-cors', body: '{"periods":["2010"],"save":"evil2"}' }),
    fetch('${target}api/models/gravity', { method: 'POST', body: '{"periods":["2010"],"save":"evil3"}', headers: { 'content-type': 'application/json' } }),
  ];
  await Promise.allSettled(tries);
  document.getElementById('f').submit();
  await new Promise((r) => setTimeout(r, 500));
  document.title = 'done';
})();
</script>`;
}

before(async () => {
  t = await chinaWorkspace();
  server = await startServer(t.ws, { port: 0, warm: [], webDir: '/nonexistent' });
  attacker = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage(server.url));
  });
  await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', ok));
  const a = attacker.address();
  // Another origin on the same machine: another port under another name.
  attackerUrl = `http://localhost:${typeof a === 'object' && a ? a.port : 0}/`;
  browser = await launchChromium(['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
});

after(async () => {
  await browser?.close();
  await new Promise<void>((ok) => attacker.close(() => ok()));
  await server.close();
  t.done();
});

test('a page on another origin cannot change the workspace', async () => {
  const regions = await count(t.ws, 'regions');
  const imports = await count(t.ws, 'imports');
  const page = await browser.newPage();
  await page.goto(attackerUrl);
  await page.waitForFunction('document.title === "done"', undefined, { timeout: 20_000 });
  // Let any job a write might have started finish before looking.
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await count(t.ws, 'regions'), regions, 'no region written');
  assert.equal(await count(t.ws, 'imports'), imports, 'no import recorded');
  assert.equal(await count(t.ws, 'models'), 0, 'no model saved');
  await page.close();
});

test('a re-pointed host name (DNS rebinding) cannot read the workspace', async () => {
  const page = await browser.newPage();
  const port = new URL(server.url).port;
  const r = await page.goto(`http://rebind.test:${port}/api/regions?within=CN`);
  assert.equal(r?.status(), 403);
  assert.doesNotMatch(await page.content(), /Liaoning|辽宁/);
  const own = await page.goto(`${server.url}api/health`);
  assert.equal(own?.status(), 200, 'the loopback address still works');
  await page.close();
});
