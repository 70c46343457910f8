/**
 * The period a custom index's rank change compares with: the latest period before the ranked one
 * in which every chosen indicator has values (a term without a value there would change what is
 * ranked, not only the data). None when the indicators share no earlier period: the table then
 * says so instead of a column of dashes. Pure.
 */
export function earlierPeriod(periodsOfEach: readonly (readonly string[])[], period: string): string | undefined {
  if (!periodsOfEach.length) return undefined;
  const [first, ...rest] = periodsOfEach;
  const shared = first.filter((p) => p < period && rest.every((ps) => ps.includes(p)));
  return shared.sort().at(-1);
}
