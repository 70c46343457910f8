/**
 * Which attributes of a model a payment to graduates can act through: an amount of money (its
 * unit says yuan, 元, won, ...) or an income by its name (a wage, income, salary or output per
 * head stored without a money unit). A payment priced as a change of any other attribute
 * (population, distance, an age share) moves the model through something that is not money: an
 * own model fitted with destination population alone turned 1,000 yuan a month into +0.026 % of
 * population and reported billions of yuan per retained graduate (issue #12). The dashboard
 * offers only these terms; the scenario notes say when a document pays through another one.
 * Pure: the server and the page share it.
 */

/** Units of money. */
const MONEY_UNIT = /元|yuan|cny|rmb|원|won|krw/i;
/** Names of the attributes a payment most plausibly enters: wages, incomes, output per head. */
const INCOME_NAME = /工资|收入|薪|wage|income|salary|earning|gdp|grdp/i;

/** Whether the unit is one of money. */
export function isMoneyUnit(unit: string | null | undefined): boolean {
  return MONEY_UNIT.test(unit ?? '');
}

/** Whether the indicator's name is a wage's, an income's or output per head's. */
export function isIncomeName(indicator: string): boolean {
  return INCOME_NAME.test(indicator);
}

/** Whether a payment can act through the attribute read from `indicator` in `unit`. */
export function carriesPayment(indicator: string, unit: string | null | undefined): boolean {
  return isMoneyUnit(unit) || isIncomeName(indicator);
}

/** A unit of amounts a month (元/月, yuan a month); any other is taken as a year's. */
const PER_MONTH = /月|month/i;

/**
 * What an income attribute's values are amounts of, from its unit: a month where the unit says
 * so, else a year (NBS writes 'yuan per person per year'). `assumed`: no unit at all, so a year
 * is an assumption, which a scenario pricing a payment as a share of the values says
 * (scenario.lever.unitAssumedYearly): without a unit the page priced 1,000 a month against a
 * twelfth of a monthly wage, 12 times too large a change, and said nothing.
 */
export function incomePer(unit: string | null | undefined): { per: 'month' | 'year'; assumed: boolean } {
  if (!unit?.trim()) return { per: 'year', assumed: true };
  return { per: PER_MONTH.test(unit) ? 'month' : 'year', assumed: false };
}

/** The base a month of a payment priced as a share of an income attribute whose values average `mean`. */
export function monthlyBase(mean: number, unit: string | null | undefined): number {
  return incomePer(unit).per === 'month' ? mean : mean / 12;
}
