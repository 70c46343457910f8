// The first view's answers, asked for while the page boots (web/src/api.ts prefetch), are read as
// they arrive: the code that takes them later (the map, once its code has run) then parses them
// at once instead of waiting for the body's reads behind the map's first frames (~100 ms on this
// machine before the boundaries reached MapLibre's worker; docs/dashboard.md). Taken once.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// The page's language comes from the browser's (i18n/index.ts); Node 20 has no navigator.
if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: { language: 'en-US' } });
// Imported by a path the type checker does not follow: the page's modules use the DOM's types,
// which this (Node) project's tsconfig has not; `tsc -p web` checks them.
const API = '../../web/src/api.ts';
const { ApiError, get, prefetch } = (await import(API)) as {
  get: (path: string, query?: Record<string, string>) => Promise<unknown>;
  prefetch: (path: string, query?: Record<string, string>) => void;
  ApiError: abstract new (...args: never[]) => Error & { status: number };
};

/** A fetch whose answers' bodies come in two parts, the second only when read; `read` says whether a body was read to its end. */
function fakeFetch(answer: { status: number; body: unknown }) {
  const calls: string[] = [];
  const state = { read: false };
  const fetch = async (input: string | URL | Request) => {
    calls.push(String(input));
    const bytes = new TextEncoder().encode(JSON.stringify(answer.body));
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(bytes.slice(0, 5)),
      pull: (c) => {
        c.enqueue(bytes.slice(5));
        c.close();
        state.read = true;
      },
    });
    return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls, state };
}

test('a prefetched answer is read to its end before any code asks for it; the first get takes it, the next asks again', async () => {
  const f = fakeFetch({ status: 200, body: { rows: [{ code: '210000', net: -1 }] } });
  globalThis.fetch = f.fetch as typeof fetch;
  prefetch('measures/net', { level: 'province', period: '2000-2010' });
  await new Promise((ok) => setTimeout(ok, 20));
  assert.equal(f.state.read, true, 'the body waited for a reader');
  assert.deepEqual(await get('measures/net', { level: 'province', period: '2000-2010' }), { rows: [{ code: '210000', net: -1 }] });
  assert.deepEqual(f.calls, ['api/measures/net?level=province&period=2000-2010']);
  await get('measures/net', { level: 'province', period: '2000-2010' });
  assert.equal(f.calls.length, 2, 'a prefetched answer serves one get');
});

test('a prefetched error is the server\'s error, as a get of its own would give', async () => {
  const f = fakeFetch({ status: 400, body: { error: { message: 'no flows for period 1990-2000' } } });
  globalThis.fetch = f.fetch as typeof fetch;
  prefetch('flows', { period: '1990-2000' });
  await new Promise((ok) => setTimeout(ok, 20));
  await assert.rejects(get('flows', { period: '1990-2000' }), (e: unknown) => e instanceof ApiError && e.status === 400 && e.message === 'no flows for period 1990-2000');
});
