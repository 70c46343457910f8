import { state, type State } from './state.ts';

/**
 * The dashboard's state as a URL query string and back (url-state.ts keeps the two in step):
 * one parameter per state key, each value checked against its kind when read, so a hand-edited
 * or hostile link can only ask for a view, never pass text on. Pure (no DOM): tested in Node.
 */
type Kind = 'tab' | 'code' | 'int' | 'flag' | 'codes';

interface Field { key: string; param: string; kind: Kind; push: boolean }

/** The state keys in the URL: param name, kind of value, and whether a change is a new history entry. */
export const FIELDS: Field[] = [
  { key: 'tab', param: 'tab', kind: 'tab', push: true },
  { key: 'caseId', param: 'case', kind: 'code', push: true },
  { key: 'period', param: 'period', kind: 'code', push: true },
  { key: 'level', param: 'level', kind: 'code', push: true },
  { key: 'scope', param: 'scope', kind: 'code', push: true },
  { key: 'selected', param: 'region', kind: 'code', push: true },
  { key: 'minFlow', param: 'min', kind: 'int', push: false },
  { key: 'topFlows', param: 'top', kind: 'int', push: false },
  { key: 'showFlows', param: 'lines', kind: 'flag', push: false },
  { key: 'targets', param: 'targets', kind: 'codes', push: false },
];

export const TABS: readonly State['tab'][] = ['map', 'models', 'scenario', 'rankings', 'graduates'];
/** Region codes, case ids, periods (2019, 2000-2010) and level names: letters, digits, . _ - only. */
const CODE = /^[\p{L}\p{N}._-]{1,64}$/u;
const MAX_LIST = 500;

function parse(kind: Kind, raw: string): unknown {
  switch (kind) {
    case 'tab': return (TABS as readonly string[]).includes(raw) ? raw : undefined;
    case 'code': return CODE.test(raw) ? raw : undefined;
    case 'int': return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
    case 'flag': return raw === '1' ? true : raw === '0' ? false : undefined;
    case 'codes': {
      const list = raw === '' ? [] : raw.split(',');
      return list.length <= MAX_LIST && list.every((c) => CODE.test(c)) ? list : undefined;
    }
  }
}

function format(kind: Kind, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (kind === 'flag') return v ? '1' : '0';
  if (kind === 'codes') return (v as string[]).join(',');
  return String(v);
}

/**
 * The state a query string describes (only the keys it names validly, and only keys the
 * dashboard's state has). `complete`: keys it does not name get their "nothing" value (no
 * region selected, no minimum, lines shown), as for Back to a URL written without them.
 */
export function stateFromQuery(search: string, complete = false): Partial<State> {
  const q = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (!(f.key in state)) continue;
    const raw = q.get(f.param);
    const v = raw === null ? undefined : parse(f.kind, raw);
    if (v !== undefined) out[f.key] = v;
    else if (complete && raw === null) {
      if (f.key === 'selected') out.selected = null;
      if (f.key === 'minFlow') out.minFlow = 0;
      if (f.key === 'showFlows') out.showFlows = true;
    }
  }
  return out as Partial<State>;
}

/** The query string of a state and the views' own settings (those without a value left out). */
export function queryFromState(s: State, views: ReadonlyMap<string, string>): string {
  const q = new URLSearchParams();
  for (const f of FIELDS) {
    if (!(f.key in s)) continue;
    const v = format(f.kind, (s as unknown as Record<string, unknown>)[f.key]);
    if (v !== null && !(f.key === 'minFlow' && v === '0')) q.set(f.param, v);
  }
  for (const [k, v] of views) q.set(k, v);
  return q.toString();
}
