// The resolve hook of record-packages.mjs (module hooks run in their own thread).
import { appendFileSync } from 'node:fs';

const out = process.env.TALENTFLOW_RECORD_PACKAGES;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved.url)?.[1];
  if (out && pkg) appendFileSync(out, pkg + '\n');
  return resolved;
}
