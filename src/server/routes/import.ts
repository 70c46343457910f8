import type { Hono } from 'hono';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ConflictError, InputError, formatLocation } from '../../core/errors.ts';
import type { CodedMessage, MessageParams } from '../../core/messages/index.ts';
import { makeTempDir } from '../../io/temp-dir.ts';
import { importAs, importFlows, importGeometry, importGroups, importIndicators, importPersons, importRegions } from '../../store/index.ts';
import { HttpError, errorResponse } from '../errors.ts';
import { FORM_MEDIA_TYPES, mediaType } from '../guard.ts';
import type { RouteDoc, ServerDeps } from '../route.ts';
import { period, level } from '../schemas.ts';

const KIND = z.enum(['regions', 'flows', 'indicators', 'persons', 'groups', 'geometry']);
/** Only the extension of the uploaded name is used: it picks the reader. */
const FILENAME = /^[\p{L}\p{N} _().-]{1,100}\.(csv|tsv|txt|xlsx|parquet|jsonl|ndjson|geojson|json)$/iu;
const OPTIONS = z.object({
  filename: z.string().regex(FILENAME, 'a file name ending in .csv, .tsv, .txt, .xlsx, .parquet, .jsonl, .geojson or .json'),
  encoding: z.string().regex(/^[\w-]{2,20}$/).optional(),
  sheet: z.string().max(100).optional(),
  map: z.string().max(500).optional(),
  period: period.optional(),
  level: level.optional(),
  wide: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sumDuplicates: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  replace: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  synthetic: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
}).strict();

/**
 * Uploads: the raw file is the request body (any content type but JSON), options are in the
 * query. The body is streamed to a private temporary folder under a fixed name, with a size limit,
 * then imported like a file given to the CLI, in one transaction.
 */
export function importRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[], maxUploadBytes: number): void {
  docs.push({ method: 'post', path: '/api/import/{kind}', tag: 'data', summary: `Import a file sent as the request body (at most ${maxUploadBytes} bytes); options in the query`, query: OPTIONS, status: 201 });
  app.post('/api/import/:kind', async (c) => {
    let dir: string | undefined;
    let path: string | undefined;
    try {
      const kind = KIND.parse(c.req.param('kind'));
      const o = OPTIONS.parse(c.req.query());
      // A cross-site form or no-cors fetch can send only these types (or none) without a preflight.
      const type = mediaType(c.req.header('content-type'));
      if (type === '' || FORM_MEDIA_TYPES.has(type) || type === 'application/json') {
        throw new HttpError(415, `send the file with its own content type (text/csv, application/octet-stream, ...), not ${type || 'none'}`);
      }
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > maxUploadBytes) throw new HttpError(413, `upload of ${declared} bytes is over the limit of ${maxUploadBytes}`);
      const body = c.req.raw.body;
      if (!body) throw new HttpError(400, 'send the file as the request body');
      dir = await makeTempDir('upload');
      path = join(dir, `upload.${o.filename.split('.').pop()!.toLowerCase()}`);
      const file = path;
      let seen = 0;
      const limited = Readable.fromWeb(body as never).on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > maxUploadBytes) limited.destroy(new HttpError(413, `upload is over the limit of ${maxUploadBytes} bytes`));
      });
      await pipeline(limited, createWriteStream(file));
      const stage = { encoding: o.encoding, sheet: o.sheet };
      // The import record (the workspace's history) keeps the uploaded name, not the temporary copy's path.
      const summary = await deps.lock.run(() => importAs(deps.ws, file, o.filename, () => {
        switch (kind) {
          case 'regions': return importRegions(deps.ws, file, { ...stage, map: o.map, level: o.level, replace: o.replace });
          case 'flows': return importFlows(deps.ws, file, { ...stage, map: o.map, period: o.period, wide: o.wide, sumDuplicates: o.sumDuplicates, replace: o.replace });
          case 'indicators': return importIndicators(deps.ws, file, { ...stage, map: o.map, period: o.period, replace: o.replace });
          case 'persons': return importPersons(deps.ws, file, { ...stage, map: o.map, synthetic: o.synthetic, replace: o.replace });
          case 'groups': return importGroups(deps.ws, file, { replace: o.replace });
          case 'geometry': return importGeometry(deps.ws, file, { replace: o.replace });
        }
      }));
      return c.json({ ...summary, file: o.filename }, 201);
    } catch (e) {
      // Messages name the uploaded file, not the server's temporary copy (whose path also says
      // where the server keeps its files).
      const name = c.req.query('filename') ?? 'upload';
      const named = (text: string) => (path ? text.split(path).join(name) : text);
      // A coded problem keeps its code, its text parameters named as its message is.
      const renamed = (t: { code: string; params: MessageParams }, message: string): CodedMessage =>
        ({ code: t.code, params: Object.fromEntries(Object.entries(t.params).map(([k, v]) => [k, typeof v === 'string' ? named(v) : v])), message });
      if (e instanceof InputError && path) {
        const reason = named(e.message.slice(formatLocation({ file: e.file, row: e.row, column: e.column }).length));
        const more = e.moreCoded.length ? e.moreCoded.map((m) => ({ ...m, text: renamed(m.text, named(m.text.message)) })) : e.more.map(named);
        return errorResponse(c, new InputError(e.text ? renamed(e.text, reason) : reason, { file: name, row: e.row, column: e.column }, more));
      }
      if (e instanceof ConflictError && path) return errorResponse(c, new ConflictError(e.text ? renamed(e.text, named(e.message)) : named(e.message)));
      return errorResponse(c, e);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
}
