/**
 * A fit's warnings grouped by shape: texts that differ only in quoted values and numbers (forty
 * "origin "210100" in period "2019" has no outflow: its 35 rows were dropped") are one kind of
 * warning, shown once with their count (warning-list.ts). Groups keep the order of their first
 * member. Pure, so it is tested without a page.
 */
const shapeOf = (text: string) => text.replace(/"[^"]*"/g, '"…"').replace(/\d[\d,.]*/g, '#');

export function groupWarnings(texts: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const text of texts) {
    const key = shapeOf(text);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(text);
  }
  return [...groups.values()];
}
