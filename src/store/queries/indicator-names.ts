import { unknownValueError } from '../../core/unknown-value.ts';
import { type Workspace } from '../workspace.ts';

/**
 * Resolves indicator names as a user writes them to the names stored. A name matches an
 * indicator's stored name or the column header it was read from (城镇非私营单位平均工资（元） finds
 * 城镇非私营单位平均工资), exactly first, then ignoring case and full-width/ASCII forms (so
 * (元) typed with ASCII brackets finds （元）). `given` may list several names separated by commas,
 * unless the whole text is itself a name. An unknown name is an error suggesting the closest and
 * listing the indicators present.
 */
export async function resolveIndicatorNames(ws: Workspace, given: string | readonly string[]): Promise<string[]> {
  const known = await ws.db.all<{ name: string; header: string | null }>('SELECT DISTINCT name, header FROM indicators ORDER BY name');
  const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const byExact = new Map<string, Set<string>>();
  const byFolded = new Map<string, Set<string>>();
  for (const k of known) {
    for (const key of [k.name, k.header]) {
      if (key === null) continue;
      (byExact.get(key) ?? byExact.set(key, new Set()).get(key)!).add(k.name);
      (byFolded.get(fold(key)) ?? byFolded.set(fold(key), new Set()).get(fold(key))!).add(k.name);
    }
  }
  const lookup = (n: string) => byExact.get(n) ?? byExact.get(n.trim()) ?? byFolded.get(fold(n));
  const parts = typeof given === 'string' ? (lookup(given) ? [given] : given.split(',').map((s) => s.trim()).filter(Boolean)) : [...given];
  const out = new Set<string>();
  for (const p of parts) {
    const hit = lookup(p);
    if (!hit) throw unknownValueError('indicator', p, [...new Set(known.map((k) => k.name))], { plural: 'indicators', hint: 'see them with: talentflow indicators' });
    for (const n of hit) out.add(n);
  }
  return [...out];
}
