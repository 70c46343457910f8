// Pure: the CLI's summary imports it without the choice-set builder (and DuckDB) behind it.
/**
 * How many alternatives each graduate chooses among: the labels less the 'home' label of the
 * home-rest nests (every graduate's own home region is relabelled 'home', so the labels are one
 * more than any choice set holds), the outside option included.
 */
export function alternativesOffered(labels: readonly string[], spec: { readonly nests?: readonly unknown[] }): number {
  return labels.length - (spec.nests?.includes('home-rest') ? 1 : 0);
}
