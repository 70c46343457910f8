import { z } from 'zod';
import type { RouteDoc } from './route.ts';

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests. */
export function openApiDocument(docs: readonly RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const parameters: unknown[] = [...d.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (d.query && d.query instanceof z.ZodObject) {
      for (const [name, schema] of Object.entries(d.query.shape as Record<string, z.ZodType>)) {
        parameters.push({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: jsonSchema(schema, 'input') });
      }
    }
    const op: Record<string, unknown> = {
      summary: d.summary, tags: [d.tag], parameters,
      responses: {
        [String(d.status)]: d.produces === 'text/html'
          ? { description: 'a self-contained HTML page (Content-Disposition: inline, with a file name)', content: { 'text/html': { schema: { type: 'string' } } } }
          : { description: 'the result as plain JSON' },
        '400': { description: 'invalid request: { error: { code, message } }' },
        '404': { description: 'not found' },
      },
    };
    if (d.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(d.body, 'input') } } };
    if (d.path.startsWith('/api/import')) op.requestBody = { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
    (paths[d.path] ??= {})[d.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'talentflow API', version, description: 'Regions, flows, indicators, measures, models and scenarios of a talentflow workspace.' },
    paths,
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}
