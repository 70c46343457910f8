import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { NestSpec } from '../../models/logit/index.ts';
import { resolveRegionRef, withinCondition } from '../queries/resolve-ref.ts';
import type { Workspace } from '../workspace.ts';
import type { ChoiceRegion } from './alternatives.ts';
import type { ChoiceSpec } from './spec.ts';

/**
 * The nests of a spec as labels of the choice set's alternatives: 'home-rest' = every region but
 * the person's home (which carries the label 'home'); 'macro-regions' = one nest per macro-region
 * with two or more alternatives; a named nest = its members (alternative codes, 'outside', or any
 * region or group, standing for the alternatives inside it).
 */
export async function resolveNests(ws: Workspace, spec: ChoiceSpec, regions: readonly ChoiceRegion[]): Promise<NestSpec[] | null> {
  if (!spec.nests?.length) return null;
  const codes = new Set(regions.map((r) => r.code));
  const nests: NestSpec[] = [];
  for (const nest of spec.nests) {
    if (nest === 'home-rest') {
      nests.push({ name: 'rest', alternatives: regions.map((r) => r.code) });
    } else if (nest === 'macro-regions') {
      for (const group of spec.macroRegions) {
        const members = regions.filter((r) => r.macro === group).map((r) => r.code);
        if (members.length >= 2) nests.push({ name: group, alternatives: members });
      }
    } else {
      const members = new Set<string>();
      for (const m of nest.members) {
        if (codes.has(m) || (m === 'outside' && spec.outside === 'option')) {
          members.add(m);
          continue;
        }
        const ref = await resolveRegionRef(ws, m, `member of nest "${nest.name}"`);
        const cond = withinCondition('r.code', ref);
        const inside = (await ws.db.all<{ code: string }>(`SELECT code FROM regions r WHERE ${cond.sql}`, cond.params)).filter((r) => codes.has(r.code));
        if (!inside.length) throw new SpecError(coded('choicefit.nestEmpty', { member: m, level: spec.level }), `nests.${nest.name}`);
        for (const r of inside) members.add(r.code);
      }
      nests.push({ name: nest.name, alternatives: [...members] });
    }
  }
  if (!nests.length) throw new SpecError(coded('choicefit.noNest', {}), 'nests');
  return nests;
}
