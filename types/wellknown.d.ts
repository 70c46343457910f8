// wellknown ships no types; only the two functions talentflow calls are declared.
declare module 'wellknown' {
  import type { Geometry } from 'geojson';
  export function parse(wkt: string): Geometry | null;
  export function stringify(geometry: Geometry): string;
  const wellknown: { parse: typeof parse; stringify: typeof stringify };
  export default wellknown;
}
