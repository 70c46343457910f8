import { def } from './message.ts';

/**
 * The HTTP layer's own answers (src/server/errors.ts): a request that fails its schema, in one
 * general form whatever the field (zod's issue code and bounds as parameters, so a front-end can
 * say "at most 100" in its language; schema-issue.ts), and the internal error. Then the errors
 * any request can meet: a value the workspace does not hold (core/unknown-value.ts: a misspelt level, a period
 * without data), a saved model or job that is not there, a name already taken.
 */
const capital = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

export const REQUEST_MESSAGES = {
  'request.invalid': def({ field: 'draws', detail: 'Too big: expected number to be <=1000', issue: 'too_big', expected: '', limit: 1000 as number | null, values: [] as readonly string[], rule: null as string | null, value: null as string | null, origin: 'number', inclusive: true as boolean, exact: false as boolean },
    (p) => `${p.field || 'request'}: ${p.detail}`),
  'server.internal': def({}, () => 'internal error: see the server log'),

  /**
   * `valid` holds the first 40 values, `count` how many there are; `plural` and `where` are the
   * producer's English words for them ("periods with flows", "in this workspace"), which a
   * front-end may know; `list: false` counts the values instead of listing them.
   */
  'value.unknown': def({ what: 'level', given: 'provinec', near: ['province'], valid: ['country', 'province', 'city'], count: 3, plural: 'levels', where: 'in this workspace', hint: null as string | null, list: true as boolean },
    (p) => {
      const head = `unknown ${p.what} "${p.given}"${p.near.length ? `; did you mean ${p.near.map((n) => `"${n}"`).join(' or ')}?` : '.'}`;
      const shown = `${p.valid.join(', ')}${p.count > p.valid.length ? ` and ${p.count - p.valid.length} more` : ''}`;
      const exists = !p.count ? `There are no ${p.plural} ${p.where}` : !p.list ? `${p.count} ${p.plural} ${p.where}` : `${capital(p.plural)} ${p.where}: ${shown}`;
      return `${head} ${exists}${p.hint ? `. ${p.hint}` : ''}`;
    }),
  'value.notPeriod': def({ period: '20x9' }, (p) => `period "${p.period}" is not a year or a range of years (2019 or 2010-2020)`),
  'model.notFound': def({ name: 'korea-2019', saved: ['china-2020'] },
    (p) => `no model named "${p.name}"${p.saved.length ? ` (saved: ${p.saved.join(', ')})` : ' (none saved yet)'}`),
  'model.exists': def({ name: 'korea-2019' }, (p) => `a model named "${p.name}" exists; choose another name or replace it`),
  'job.notFound': def({ id: '7' }, (p) => `no job ${p.id}`),
};
