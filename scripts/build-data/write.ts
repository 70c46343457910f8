import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowsCsv, indicatorsCsv, regionsCsv, type DataSet } from './model.ts';

/**
 * Writes one set under outRoot/<name>/. Generated files are replaced; SOURCE.md and other
 * hand-written files are left alone. Returns the written paths with their sizes in bytes.
 */
export function writeSet(set: DataSet, outRoot: string, sharedRoot: string): [string, number][] {
  const dir = join(outRoot, set.name);
  mkdirSync(dir, { recursive: true });
  const written: [string, number][] = [];
  const put = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    written.push([join(set.name, name), Buffer.byteLength(text)]);
  };
  const drop = (name: string) => rmSync(join(dir, name), { force: true });

  put('regions.csv', regionsCsv(set.regions));
  if (set.features) {
    // One feature per line: diffs stay readable and the file is still plain GeoJSON.
    const lines = set.features.map((f) => JSON.stringify(f));
    put('regions.geojson', `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
  } else drop('regions.geojson');
  if (set.flows) put('flows.csv', flowsCsv(set.flows));
  else drop('flows.csv');
  if (set.indicators) put('indicators.csv', indicatorsCsv(set.indicators));
  else drop('indicators.csv');
  if (set.groups) put('groups.json', JSON.stringify(set.groups, null, 2) + '\n');
  else drop('groups.json');
  for (const [name, text] of set.files ?? []) put(name, text);
  if (set.raw) {
    rmSync(join(dir, 'raw'), { recursive: true, force: true });
    mkdirSync(join(dir, 'raw'));
    for (const [src, name] of set.raw) {
      copyFileSync(join(sharedRoot, src), join(dir, 'raw', name));
      chmodSync(join(dir, 'raw', name), 0o644); // the shared copies are read-only
    }
    written.push(...set.raw.map(([, name]): [string, number] => [join(set.name, 'raw', name), 0]));
  }
  return written;
}
