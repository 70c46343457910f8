/**
 * Branded primitive types so that a population is never passed where a distance is expected.
 * Brands exist only at compile time; values are plain numbers and strings at run time.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type RegionCode = Brand<string, 'RegionCode'>;
export type Km = Brand<number, 'Km'>;
export type Yuan = Brand<number, 'Yuan'>;
export type Persons = Brand<number, 'Persons'>;

export const regionCode = (s: string): RegionCode => s as RegionCode;
export const km = (n: number): Km => n as Km;
export const yuan = (n: number): Yuan => n as Yuan;
export const persons = (n: number): Persons => n as Persons;
