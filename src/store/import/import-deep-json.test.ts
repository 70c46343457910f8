/**
 * Hostile nesting (issue 13): a 12,000-deep JSON-lines file segfaulted DuckDB's read_json and a
 * deep GeoJSON overflowed the stack. Each is now a user error naming the file and line or row,
 * and nothing is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';
import { importFlows } from './import-flows.ts';
import { importGeometry } from './import-geometry.ts';
import { importGroups } from './import-groups.ts';
import { importRegions } from './import-regions.ts';

const DEEP = '['.repeat(12000) + ']'.repeat(12000);

test('deep JSON in flows, geometry, groups and a geometry cell is refused before any parser', async () => {
  const t = await chinaWorkspace();
  try {
    const flows = join(t.dir, 'deep.jsonl');
    writeFileSync(flows, '{"origin":"210100","destination":"110000","year":2014,"count":1}\n{"origin":"210100","destination":"110000","year":2015,"count":' + DEEP + '}\n');
    await assert.rejects(importFlows(t.ws, flows), (e: unknown) => e instanceof InputError && e.file === flows && e.row === 2 && /nested more than 64/.test(e.message));
    const geo = join(t.dir, 'deep.geojson');
    writeFileSync(geo, '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"210100"},"geometry":{"type":"Polygon","coordinates":' + DEEP + '}}]}');
    await assert.rejects(importGeometry(t.ws, geo), (e: unknown) => e instanceof InputError && e.file === geo && /line 1: JSON nested/.test(e.message));
    const groups = join(t.dir, 'deep.json');
    writeFileSync(groups, '[{"code":"g","members":' + DEEP + '}]');
    await assert.rejects(importGroups(t.ws, groups), (e: unknown) => e instanceof InputError && e.file === groups && /nested/.test(e.message));
    const regions = join(t.dir, 'deep.csv');
    writeFileSync(regions, 'code,name_en,level,parent,geometry\nX9,Deep,city,210000,"{""type"":""Polygon"",""coordinates"":' + DEEP + '}"\n');
    await assert.rejects(importRegions(t.ws, regions), (e: unknown) => e instanceof InputError && e.row === 2 && e.column === 'geometry' && /nested/.test(e.message));
    assert.equal(await count(t.ws, 'flows'), 0);
    assert.equal(await count(t.ws, 'regions'), 401);
  } finally {
    t.done();
  }
});
