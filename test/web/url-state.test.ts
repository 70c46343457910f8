// The dashboard's state in the URL (web/src/url-query.ts, issue 12 item 6): what a link says is
// read back exactly, and what a hand-edited or hostile link says wrongly is dropped, never passed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queryFromState, stateFromQuery } from '../../web/src/url-query.ts';
import { state, type State } from '../../web/src/state.ts';

const VIEW: State = { ...state, tab: 'scenario', caseId: 'kr', level: 'province', period: '2019', scope: 'all', minFlow: 500, showFlows: false, selected: 'KR26', targets: ['KR26', 'KR27'] };

test('a state written to a query string reads back the same', () => {
  const q = queryFromState(VIEW, new Map([['s.amount', '250000'], ['r.show', 'all']]));
  assert.match(q, /tab=scenario/);
  assert.match(q, /s\.amount=250000/);
  const back = stateFromQuery(q);
  for (const k of ['tab', 'caseId', 'level', 'period', 'scope', 'minFlow', 'showFlows', 'selected', 'targets'] as const) assert.deepEqual(back[k], VIEW[k], k);
});

test('defaults are left out of the link: no minimum, no region selected', () => {
  const q = new URLSearchParams(queryFromState({ ...VIEW, minFlow: 0, selected: null }, new Map()));
  assert.equal(q.get('min'), null);
  assert.equal(q.get('region'), null);
  // Back to such a link clears what it does not name.
  const complete = stateFromQuery(q.toString(), true);
  assert.equal(complete.selected, null);
  assert.equal(complete.minFlow, 0);
});

test('malformed or unknown values are ignored, the valid ones kept', () => {
  const back = stateFromQuery('tab=admin&case=cn&period=2000-2010&level=%3Cscript%3E&min=-5&lines=yes&region=210000&targets=210000,%27%20OR%201%3D1');
  assert.equal(back.tab, undefined);
  assert.equal(back.level, undefined);
  assert.equal(back.minFlow, undefined);
  assert.equal(back.showFlows, undefined);
  assert.equal(back.targets, undefined, 'a list with one bad code is dropped whole');
  assert.equal(back.caseId, 'cn');
  assert.equal(back.period, '2000-2010');
  assert.equal(back.selected, '210000');
});

test('Chinese region names and an empty target list survive the round trip', () => {
  const back = stateFromQuery(queryFromState({ ...VIEW, selected: '沈阳市', targets: [] }, new Map()));
  assert.equal(back.selected, '沈阳市');
  assert.deepEqual(back.targets, []);
});
