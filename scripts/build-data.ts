// `npm run build:data`: reads the real data sets in ../shared/data (beside the repository) and
// writes the normalised, committed files under data/<set>/ that the demo loader imports:
// regions.csv, regions.geojson, flows.csv, indicators.csv, groups.json and raw/ copies.
// Sources, licences and every change made are described in data/<set>/SOURCE.md.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAustria } from './build-data/austria.ts';
import { buildChina } from './build-data/china.ts';
import { buildKorea } from './build-data/korea.ts';
import { buildNy } from './build-data/ny.ts';
import { reader } from './build-data/read.ts';
import { writeSet } from './build-data/write.ts';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const shared = process.env.TALENTFLOW_SHARED_DATA ?? resolve(repo, '../shared/data');
const out = join(repo, 'data');
if (!existsSync(shared)) {
  console.error(`build-data: ${shared} not found (set TALENTFLOW_SHARED_DATA to the shared data folder)`);
  process.exit(1);
}
const read = reader(shared);
const verbose = process.argv.includes('--verbose');

for (const build of [buildChina, buildKorea, buildAustria, buildNy]) {
  const set = build(read);
  const files = writeSet(set, out, shared);
  console.log(`${set.name}: ${set.regions.length} regions, ${set.features?.length ?? 0} polygons, ${set.flows?.length ?? 0} flows, ${set.indicators?.length ?? 0} indicators`);
  for (const [f] of files) console.log(`  data/${f}  ${statSync(join(out, f)).size} bytes`);
  if (verbose && 'check' in set) for (const line of set.check as string[]) console.log(`    ${line}`);
}
