import { suppressTable } from './table.ts';

/**
 * Tables nested in the cells of a parent table (cities within a province, the province's count
 * their total): each group of children is a table with its parent cell as total, so a hidden
 * parent hides its children and a shown parent protects its hidden children as any table does.
 * `parentOf[i]` is the index of child i's parent cell. `unprotected` lists the parent cells whose
 * children cannot be protected while the parent is shown: the caller hides them and starts again.
 */
export function suppressNested(parentHidden: readonly boolean[], children: readonly number[], parentOf: readonly number[], k: number): { hidden: boolean[]; unprotected: number[] } {
  const groups = new Map<number, number[]>();
  parentOf.forEach((p, i) => {
    const g = groups.get(p);
    if (g) g.push(i);
    else groups.set(p, [i]);
  });
  const hidden = children.map(() => false);
  const unprotected: number[] = [];
  for (const [p, members] of groups) {
    const t = suppressTable(members.map((i) => children[i]), k, { totalHidden: parentHidden[p] });
    if (!t.protected) unprotected.push(p);
    members.forEach((i, j) => (hidden[i] = t.hidden[j]));
  }
  return { hidden, unprotected };
}
