import type { WorkspaceCase } from '../../src/core/workspace-case.ts';
import type { CodedMessage } from '../../src/core/messages/index.ts';
import { errorText, fieldText, loadServerMessages, type ErrorBody } from './i18n/server-text.ts';

export type { WorkspaceCase };

/**
 * The dashboard's client of the talentflow HTTP API (src/server). Same origin: the server
 * serves both. Errors carry the server's message, which is written for people.
 */
export interface Region {
  code: string; name_zh: string | null; name_en: string | null; level: string; parent: string | null;
  centroid_lon: number | null; centroid_lat: number | null; area_km2: number | null; aliases?: string[];
}
export interface Group { code: string; name_zh: string | null; name_en: string | null; members: string[] }
export interface FlowRow { origin: string; origin_name: string | null; destination: string; destination_name: string | null; period: string; cohort: string; count: number; intra: boolean }
export interface IndicatorRow { region: string; region_name: string | null; period: string; name: string; value: number; unit: string | null }
export interface MeasureResult {
  measure: string; source: 'flows' | 'census'; method: string; assumptions: string[]; warnings: string[];
  /** What the numbers are, naming their flows or saying "population change" (the server's words). */
  definition: string; kind: 'observed' | 'estimated' | 'mixed';
  /** Coded forms of the text fields (src/core/messages), for the page's language. */
  messages?: { definition?: CodedMessage; warnings?: CodedMessage[] };
  selection: Record<string, unknown>;
  rows: ({ code: string; name?: string | null } & Record<string, unknown>)[];
}
export interface Periods { flows: { period: string; estimated: boolean; flows: number }[]; indicators: { name: string; unit: string | null; periods: string[]; regions: number }[] }
export interface JobView<R = unknown> { id: string; kind: string; state: 'running' | 'done' | 'failed' | 'cancelled'; progress: number; message: string | null; messages?: { message?: CodedMessage }; result?: R; error?: { error?: { message?: string } } | { message?: string } }
export interface SavedModel { name: string; kind: string; created_at?: string; [k: string]: unknown }

/**
 * A failed request. Its message is the server's, in the page's language at the time it is read
 * (a coded message is rendered from its code; see i18n/server-text.ts errorText).
 */
export class ApiError extends Error {
  readonly body: ErrorBody;
  constructor(readonly status: number, body: ErrorBody | string) {
    super();
    this.body = typeof body === 'string' ? { message: body } : body;
    Object.defineProperty(this, 'message', { get: () => errorText(this.body), enumerable: false, configurable: true });
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query: Query = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `api/${path}${s ? `?${s}` : ''}`;
}

/** An answer's body: read already if it was prefetched (see prefetch), else now. */
const bodyText = (res: Response): Promise<string> => readEarly.get(res) ?? res.text();

async function parse<T>(res: Response): Promise<T> {
  const body = await bodyText(res).then((text) => JSON.parse(text) as { error?: ErrorBody } | null).catch(() => null);
  if (!res.ok) {
    // An error's message is said from its code: the catalogues come first (server-text.ts).
    await loadServerMessages().catch(() => undefined);
    throw new ApiError(res.status, body?.error?.message ? body.error : `${res.status} ${res.statusText}`);
  }
  return body as T;
}

/**
 * Requests started before the code that needs them runs (the map's first data, fetched while
 * the page is still booting). Each is taken once, by the first `get` of the same URL.
 */
const prefetched = new Map<string, Promise<Response>>();
/**
 * The bodies of prefetched answers, read as they arrive. Read only once taken, the first view's
 * boundaries and values waited ~100 ms more on a busy page thread (the body's reads are tasks of
 * their own) before the map could hand them to MapLibre's worker.
 */
const readEarly = new WeakMap<Response, Promise<string>>();

export function prefetch(path: string, query: Query = {}): void {
  const u = url(path, query);
  if (!prefetched.has(u)) {
    prefetched.set(u, fetch(u).then((res) => {
      const text = res.text();
      text.catch(() => undefined);
      readEarly.set(res, text);
      return res;
    }));
  }
}

/** The response to a GET: the prefetched one if there is one (taken once), else a new request. */
async function respond(path: string, query: Query, signal?: AbortSignal): Promise<Response> {
  const u = url(path, query);
  const early = prefetched.get(u);
  prefetched.delete(u);
  return early ?? fetch(u, { signal });
}

export async function get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return parse<T>(await respond(path, query, signal));
}

/**
 * A GeoJSON answer as MapLibre's worker reads it: the answer's own http address, which the worker
 * fetches and parses itself, off the page's thread. (A blob: URL would not do: MapLibre's worker
 * hands any address other than http(s) back to the page's thread, which fetches it, parses the
 * JSON and copies the objects over, after a round trip through that busy thread.) The page reads
 * the answer once (prefetched while it boots), which leaves it in the HTTP cache, so the worker's
 * request is answered 304 from the server's etag, not sent again; `empty`: the collection has no
 * features.
 */
export interface GeoJsonAnswer { url: string; empty: boolean }

async function geoJsonAnswer(path: string, query: Query): Promise<GeoJsonAnswer> {
  const res = await respond(path, query);
  if (!res.ok) await parse(res);
  const text = await bodyText(res);
  return { url: new URL(url(path, query), location.href).href, empty: !/"features"\s*:\s*\[\s*\{/.test(text) };
}

export async function post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal }));
}

export async function del<T>(path: string): Promise<T> {
  return parse<T>(await fetch(url(path), { method: 'DELETE' }));
}

export const api = {
  regions: (q: { search?: string; level?: string; within?: string; limit?: number }) => get<Region[]>('regions', q),
  groups: () => get<Group[]>('groups'),
  periods: () => get<Periods>('periods'),
  cases: () => get<WorkspaceCase[]>('cases'),
  /** Boundaries of a level, for the map (see GeoJsonAnswer). */
  geometry: (level: string, within: string | undefined) => geoJsonAnswer('geometry', { level, within }),
  flows: (q: { origin?: string; destination?: string; group?: string; period?: string; level?: string; intra?: boolean; minCount?: number; limit?: number }, signal?: AbortSignal) =>
    get<{ rows: FlowRow[]; dropped: number }>('flows', q, signal),
  indicators: (q: { name?: string; within?: string; level?: string; period?: string }) => get<IndicatorRow[]>('indicators', q),
  measure: (measure: string, q: Query, signal?: AbortSignal) => get<MeasureResult>(`measures/${measure}`, q, signal),
  models: () => get<SavedModel[]>('models'),
  job: <R>(id: string) => get<JobView<R>>(`jobs/${id}`),
  cancelJob: (id: string) => del<JobView>(`jobs/${id}`),
};

/** Polls a job until it ends, reporting progress; rejects with the job's error message. */
export async function waitForJob<R>(id: string, onProgress: (p: number, message: string | null) => void, signal?: AbortSignal, everyMs = 200): Promise<R> {
  for (;;) {
    if (signal?.aborted) {
      await api.cancelJob(id).catch(() => undefined);
      throw new ApiError(499, 'cancelled');
    }
    const j = await api.job<R>(id);
    // What the job is doing, in the page's language (its coded form where the server sends one).
    onProgress(j.progress, fieldText(j, 'message') || null);
    if (j.state === 'done') return j.result as R;
    if (j.state === 'failed') {
      const e = j.error as { error?: ErrorBody; body?: { error?: ErrorBody } } | undefined;
      const failed = e?.body?.error?.message ? e.body.error : e?.error?.message ? e.error : undefined;
      throw new ApiError(422, failed ?? 'the job failed');
    }
    if (j.state === 'cancelled') throw new ApiError(499, 'cancelled');
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}
