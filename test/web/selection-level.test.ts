// A link that names a city while its level is province (web/src/selection-level.ts, issue 12
// review): the map's level follows the region, or a region the case does not map is dropped, so
// the region panel never asks for a city's summary among provinces (400 before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreeWithSelection } from '../../web/src/selection-level.ts';

const LEVELS = ['province', 'city'];

test('a city selected at province level: the level becomes city, the selection stays', () => {
  assert.deepEqual(agreeWithSelection({ tab: 'map', level: 'province', selected: '210100' }, 'province', 'city', LEVELS), { tab: 'map', level: 'city', selected: '210100' });
  // No level in the link: the case's default (province) is what disagreed.
  assert.deepEqual(agreeWithSelection({ selected: '210100' }, 'province', 'city', LEVELS), { level: 'city', selected: '210100' });
});

test('a region of the level is left as it is; no selection changes nothing', () => {
  assert.deepEqual(agreeWithSelection({ level: 'province', selected: '210000' }, 'province', 'province', LEVELS), { level: 'province', selected: '210000' });
  assert.deepEqual(agreeWithSelection({ level: 'province' }, 'province', undefined, LEVELS), { level: 'province' });
});

test('a region unknown to the case, or of a level its map lacks, is dropped from the link', () => {
  assert.deepEqual(agreeWithSelection({ level: 'province', selected: '999999' }, 'province', undefined, LEVELS), { level: 'province' });
  assert.deepEqual(agreeWithSelection({ selected: '210102' }, 'province', 'county', LEVELS), {});
});
