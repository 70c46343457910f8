import type { Hono } from 'hono';

/** Parsed JSON of an answer; tests look into it freely. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ApiClient {
  get(path: string): Promise<{ status: number; body: Json }>;
  /** A write as the dashboard sends it: exactly `content-type: application/json` (src/server/route.ts). */
  post(path: string, body: unknown): Promise<{ status: number; body: Json }>;
  /** Polls a job until it is no longer running (at most `seconds`), and returns its view. */
  waitJob(id: string, seconds?: number): Promise<Json>;
}

/** Requests to an app in-process (no socket), for the API tests. */
export function apiClient(app: Hono): ApiClient {
  const answer = async (r: Response) => ({ status: r.status, body: (await r.json()) as Json });
  const get = async (path: string) => answer(await app.request(path));
  return {
    get,
    post: async (path, body) => answer(await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })),
    waitJob: async (id, seconds = 60) => {
      for (const until = Date.now() + seconds * 1000; Date.now() < until;) {
        const j = (await get(`/api/jobs/${id}`)).body;
        if (j.state !== 'running') return j;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`job ${id} did not finish in ${seconds} s`);
    },
  };
}
