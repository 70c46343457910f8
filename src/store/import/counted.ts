/**
 * A count with its noun in the number it takes in English ("1 indicator column", "2 indicator
 * columns"), for import notes; `many` for nouns whose plural is not the singular with "s".
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
