/**
 * Rounding at the edge (STYLE.md rule 10): what a number is decides how many digits of it the
 * data support. Estimated flows such as 113435.336 persons are model output whose decimals mean
 * nothing; a share of 0.24567 is known to a tenth of a percent at best from cohorts of
 * thousands; money is paid in whole yuan or won. The library keeps full precision; screens,
 * exports and CLI tables call these. Pure.
 */
export type QuantityKind =
  /** People (flows, stocks, graduates, retained): whole persons. */
  | 'persons'
  /** A fraction in [0, 1] (a share, a rate): to 0.1 %, i.e. three decimals of the fraction. */
  | 'share'
  /** A value already in percent or percentage points: one decimal. */
  | 'percent'
  /** An amount of money (yuan, won): whole units. */
  | 'money'
  /** An index or score without a unit: three significant decimals are what ranks differ by. */
  | 'score'
  /** A model coefficient, standard error or statistic: six significant digits, as R prints. */
  | 'coefficient'
  /** Text or a number that is an id, a year or a count of things exactly known: unchanged. */
  | 'exact';

/** Decimals kept per kind for fixed-decimal kinds. */
const DECIMALS: Partial<Record<QuantityKind, number>> = { persons: 0, share: 3, percent: 1, money: 0, score: 3 };

/**
 * `value` rounded to what its kind supports; non-numbers and non-finite numbers pass through
 * unchanged (a CSV writes them as empty cells, a screen as "–"). -0 becomes 0.
 */
export function roundForDisplay<T>(value: T, kind: QuantityKind): T | number {
  if (typeof value !== 'number' || !Number.isFinite(value) || kind === 'exact') return value;
  if (kind === 'coefficient') return value === 0 ? 0 : Number(value.toPrecision(6));
  const d = DECIMALS[kind]!;
  const f = 10 ** d;
  // Math.round rounds halves towards +infinity: use it on |x| so -0.5 and 0.5 round alike.
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return r === 0 ? 0 : r;
}

/** Decimals a screen shows for a kind (coefficient: 3, as the models tab prints them). */
export function displayDigits(kind: QuantityKind): number {
  return kind === 'coefficient' ? 3 : DECIMALS[kind] ?? 0;
}

/** Each row's fields rounded by the kinds given; fields without a kind are left alone. */
export function roundRows<R extends Record<string, unknown>>(rows: readonly R[], kinds: Partial<Record<keyof R & string, QuantityKind>>): R[] {
  const entries = Object.entries(kinds) as [keyof R & string, QuantityKind][];
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const [key, kind] of entries) if (key in out) out[key] = roundForDisplay(out[key], kind);
    return out as R;
  });
}
