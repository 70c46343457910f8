import { SpecError } from '../../core/errors.ts';
import { normalQuantile } from '../../numeric/special.ts';
import { coded } from '../../core/messages/index.ts';
import type { LogitResult, LogitWarning, VcovType } from './types.ts';
import { logitWarning } from './warning.ts';

export interface WtpOptions {
  /** The money term (income or cost). */
  readonly money: string;
  /**
   * 'income' (utility rises with it): WTP_k = beta_k / beta_money, the income that is worth as much
   * as one unit more of attribute k. 'cost' (utility falls with it): WTP_k = -beta_k / beta_money.
   * Default 'income'.
   */
  readonly moneyKind?: 'income' | 'cost';
  /** Money per unit of the money column, e.g. 1000 when income is in thousands of yuan. Default 1. */
  readonly moneyScale?: number;
  /** Unit of the result, e.g. 'yuan per month'. Default 'yuan per month'. */
  readonly unit?: string;
  /** Attribute terms to value. Default every attribute term but the money term. */
  readonly terms?: readonly string[];
  /** Covariance used. Default the result's vcovType. */
  readonly vcov?: VcovType;
  /** Default the result's confidence level. */
  readonly confidenceLevel?: number;
}

export interface WtpValue {
  readonly term: string;
  /** Money per unit of the attribute. */
  readonly value: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

export interface Wtp {
  readonly money: string;
  readonly moneyKind: 'income' | 'cost';
  readonly unit: string;
  readonly vcovType: VcovType;
  readonly confidenceLevel: number;
  readonly values: WtpValue[];
  readonly warnings: LogitWarning[];
}

/**
 * Willingness to pay: the ratio of an attribute's coefficient to the money coefficient, in money
 * per unit of the attribute, with delta-method standard errors and Wald intervals (Daly, Hess &
 * de Jong 2012, "Calculating errors for measures derived from choice modelling estimates",
 * Transportation Research B 46):
 *   r = s beta_k / beta_m,  var(r) = s^2 (V_kk / beta_m^2 - 2 beta_k V_km / beta_m^3 + beta_k^2 V_mm / beta_m^4),
 * s = +-moneyScale by moneyKind. When the money coefficient is not significant the ratio has no
 * finite moments and the interval is unreliable (Fieller's would be unbounded): WEAK_MONEY_COEFFICIENT.
 */
export function willingnessToPay(result: LogitResult, options: WtpOptions): Wtp {
  const names = result.terms;
  const mi = result.attributeTerms.indexOf(options.money);
  if (mi < 0) throw new SpecError(coded('logit.notAttribute', { term: options.money, terms: result.attributeTerms }), 'money');
  const moneyKind = options.moneyKind ?? 'income';
  if (moneyKind !== 'income' && moneyKind !== 'cost') throw new SpecError(coded('logit.wtp.notIncomeOrCost', { value: String(moneyKind) }), 'moneyKind');
  const scale = options.moneyScale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new SpecError(coded('logit.wtp.scaleNotPositive', { value: String(scale) }), 'moneyScale');
  const vcovType = options.vcov ?? result.vcovType;
  const cov = vcovType === 'classical' ? result.classicalCovariance : vcovType === 'robust' ? result.robustCovariance : result.clusteredCovariance;
  if (cov === null) throw new SpecError(coded('logit.wtp.noClustered', {}), 'vcov');
  const level = options.confidenceLevel ?? result.confidenceLevel;
  if (!(level > 0 && level < 1)) throw new SpecError(coded('logit.spec.notInUnitInterval', { value: String(level) }), 'confidenceLevel');
  const terms = options.terms ?? result.attributeTerms.filter((t) => t !== options.money);
  const m = names.indexOf(options.money);
  const bm = result.coefficients[options.money];
  if (!(bm !== 0) || !Number.isFinite(bm)) throw new SpecError(coded('logit.wtp.moneyZero', { term: options.money, coefficient: String(bm) }), 'money');
  const s = moneyKind === 'income' ? scale : -scale;
  const z = normalQuantile(1 - (1 - level) / 2);

  const warnings: LogitWarning[] = [];
  const zm = bm / Math.sqrt(cov[m][m]);
  if (!(Math.abs(zm) >= z)) {
    warnings.push(logitWarning('WEAK_MONEY_COEFFICIENT', coded('choice.warn.moneyNotSignificant', { kind: moneyKind, term: options.money, z: zm.toFixed(2) }), [options.money]));
  }
  if ((moneyKind === 'income' && bm < 0) || (moneyKind === 'cost' && bm > 0)) {
    warnings.push(logitWarning('WEAK_MONEY_COEFFICIENT', coded('choice.warn.moneySign', { kind: moneyKind, term: options.money, coefficient: bm.toPrecision(4) }), [options.money]));
  }
  const values = terms.map((term) => {
    const k = names.indexOf(term);
    if (k < 0 || result.attributeTerms.indexOf(term) < 0) throw new SpecError(coded('logit.notAttribute', { term, terms: null }), 'terms');
    if (k === m) throw new SpecError(coded('logit.wtp.moneyItself', {}), 'terms');
    const bk = result.coefficients[term];
    const value = (s * bk) / bm;
    const variance = s * s * (cov[k][k] / (bm * bm) - (2 * bk * cov[k][m]) / (bm * bm * bm) + (bk * bk * cov[m][m]) / (bm * bm * bm * bm));
    const standardError = Math.sqrt(Math.max(0, variance));
    return { term, value, standardError, lower: value - z * standardError, upper: value + z * standardError };
  });
  return { money: options.money, moneyKind, unit: options.unit ?? 'yuan per month', vcovType, confidenceLevel: level, values, warnings };
}
