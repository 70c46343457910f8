import { SpecError } from '../../core/errors.ts';
import { coded, renderMessage } from '../../core/messages/index.ts';
import type { WtpParams } from '../../core/messages/choice.ts';
import type { AlternativeTransform, ChoiceSpec } from './spec.ts';

/** The money attribute of willingness to pay, resolved against the choice set. */
export interface ChoiceMoney {
  /** The model term (e.g. disposable_income_pc, or log_disposable_income_pc). */
  readonly term: string;
  /** The indicator behind it, when it is one. */
  readonly indicator: string | null;
  /** Unit of the WTP values, e.g. 'yuan a month'. */
  readonly unit: string;
  /** Money (in `unit`) per unit of the indicator as stored, e.g. 1/12 for yuan a year -> a month. */
  readonly scale: number;
  /** The factor willingnessToPay gets: scale x the reference income for a logged term. */
  readonly moneyScale: number;
  /** How the values read. */
  readonly definition: string;
  /** The same as parameters of the coded message choice.wtp.definition (core/messages), for a front-end's language. */
  readonly definitionParams: WtpParams;
}

interface MoneyCandidate {
  readonly indicator: string;
  readonly term: string;
  readonly transform: AlternativeTransform;
  readonly unit: string | null;
  /** Mean of the stored values over the alternatives and years (the reference of a logged term). */
  readonly mean: number;
}

/** Units read as money a year or a month (NBS: 'yuan per person per year'). */
function moneyUnit(unit: string | null): { per: 'year' | 'month' } | null {
  if (!unit || !/yuan|元/i.test(unit)) return null;
  if (/year|年/i.test(unit)) return { per: 'year' };
  if (/month|月/i.test(unit)) return { per: 'month' };
  return null;
}

/**
 * Marginal WTP_k = beta_k / (dU/dmoney). Linear term: dU/dmoney = beta_m / scale. Logged term:
 * dU/dmoney = beta_m / x, taken at the reference x = the mean over alternatives and years (the
 * value at another income is proportional to it). Without spec.money: the first attribute whose
 * unit is yuan a year (scale 1/12) or a month (1), in yuan a month; none when there is none.
 */
export function resolveMoney(spec: ChoiceSpec, candidates: readonly MoneyCandidate[], termNames: readonly string[]): ChoiceMoney | null {
  let pick: { c: MoneyCandidate | null; term: string; unit: string; scale: number } | null = null;
  if (spec.money) {
    const c = candidates.find((x) => x.indicator === spec.money!.term || x.term === spec.money!.term) ?? null;
    if (!c && !termNames.includes(spec.money.term)) throw new SpecError(coded('choicefit.moneyNotTerm', { term: spec.money.term, terms: termNames }), 'money.term');
    pick = { c, term: c?.term ?? spec.money.term, unit: spec.money.unit, scale: spec.money.scale };
  } else {
    for (const c of candidates) {
      const u = moneyUnit(c.unit);
      if (u) {
        pick = { c, term: c.term, unit: 'yuan a month', scale: u.per === 'year' ? 1 / 12 : 1 };
        break;
      }
    }
  }
  if (!pick) return null;
  const { c, term, unit, scale } = pick;
  const t = c?.transform ?? 'identity';
  const per = t === 'tenths' ? 10 : 1;
  const reference = t === 'log' ? c!.mean : t === 'log1p' ? c!.mean + 1 : 1;
  const moneyScale = scale * per * reference;
  const logged = t === 'log' || t === 'log1p';
  const definitionParams: WtpParams = {
    unit, term, indicator: c?.indicator ?? null, indicatorUnit: c?.unit ?? null, transform: t,
    mean: logged ? c!.mean.toPrecision(6) : '', factor: logged ? '' : (scale * per).toPrecision(6), fromSpec: Boolean(spec.money), baseOf: null,
  };
  const definition = renderMessage('choice.wtp.definition', definitionParams);
  return { term, indicator: c?.indicator ?? null, unit, scale, moneyScale, definition, definitionParams };
}
