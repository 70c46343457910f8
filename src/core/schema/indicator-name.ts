import { z } from 'zod';

/**
 * How a request or an index term may write an indicator's name: the stored name or the column
 * header it was read from. Names are the user's own, often Chinese with the unit in full-width
 * brackets as the yearbook prints it (城镇非私营单位平均工资（元）), so any letters, marks and digits
 * are allowed, with _ . - and brackets; nothing else (no spaces, quotes or separators), so a name
 * never needs escaping. Names reach the database only as parameters. The one definition used by
 * the measure input, the model-fit request and the index terms of `rank`.
 */
export const INDICATOR_NAME = /^[\p{L}\p{M}\p{N}_.()（）-]{1,64}$/u;

/** Says what a name may hold when one is refused. */
export const INDICATOR_NAME_RULE = 'an indicator name: letters, digits, _ . - and brackets, up to 64 characters';

export function isIndicatorName(text: string): boolean {
  return INDICATOR_NAME.test(text);
}

/** An indicator name in a request (trimmed). */
export const indicatorNameSchema = z.string().trim().regex(INDICATOR_NAME, INDICATOR_NAME_RULE);
