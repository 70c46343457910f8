// What the imports refuse in a regions, groups, boundaries, flows, indicators or persons file and
// in the stock sampling options (import-errors.ts): the English they wrote before codes, word for
// word, now coded; every code reads in Chinese with no English sentence left but a boundary
// check's own words (passed as `problem`), as `import --lang zh` and the page say them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { tempWorkspace } from '../../../test/helpers/workspace.ts';
import { InputError } from '../errors.ts';
import { parseSamplingRates, ratesForDates } from '../../store/import/stock-options.ts';
import { importGroups } from '../../store/import/import-groups.ts';
import { importRegions } from '../../store/import/import-regions.ts';
import { IMPORT_ERROR_MESSAGES } from './import-errors.ts';
import { renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

const refusal = (e: unknown, code: string): InputError => {
  assert.ok(e instanceof InputError && e.text?.code === code, String(e));
  return e;
};
const zh = (e: InputError) => messageIn({ ...e.text!, message: e.reason } as never, 'zh');

test('a repeated region code, a group field of the wrong type and sampling rates given twice or missing keep their English, coded', async () => {
  assert.throws(() => parseSamplingRates('2000=0.1,2000=0.2', 'sample', 'f.csv'), (e: unknown) => {
    assert.equal(refusal(e, 'stocks.rateTwice').reason, 'sampling rate of 2000 is given twice');
    assert.equal(zh(e as InputError), '2000 年的抽样比例给出了两次');
    return true;
  });
  assert.throws(() => ratesForDates({ all: null, byDate: new Map([[2000, 0.1]]) }, 'sample', [2000, 2010], 'f.csv'), (e: unknown) => {
    assert.equal(refusal(e, 'stocks.rateMissing').reason, 'no sampling rate for 2010: give one for every date of the file (2000, 2010)');
    return true;
  });
  const t = await tempWorkspace();
  try {
    const file = join(t.dir, 'd.csv');
    writeFileSync(file, 'code,name,level\nA,甲,city\nA,乙,city\n');
    await assert.rejects(importRegions(t.ws, file), (e: unknown) => {
      const r = refusal(e, 'regions.codeTwice');
      assert.equal(r.reason, 'region code "A" appears twice (rows 2 and 3)');
      assert.equal(r.row, 3);
      assert.equal(zh(r), '地区代码“A”出现了两次（第 2 行和第 3 行）');
      return true;
    });
    // A group's field that fails the schema: the path below the group, then zod's problem.
    const groups = join(t.dir, 'g.json');
    writeFileSync(groups, '[{"code":"g","name_zh":"组","members":"A"}]');
    await assert.rejects(importGroups(t.ws, groups), (e: unknown) => {
      const r = refusal(e, 'imports.groupField');
      assert.equal(r.reason, 'members: Invalid input: expected array, received string');
      assert.equal([r.row, r.column].join(), '1,members');
      assertChinese([zh(r)], 'group field');
      return true;
    });
  } finally {
    t.done();
  }
});

test('every import refusal reads in Chinese', () => {
  const codes = Object.keys(IMPORT_ERROR_MESSAGES) as (MessageCode & keyof typeof IMPORT_ERROR_MESSAGES)[];
  assertChinese(codes.map((code) => {
    const params: Record<string, unknown> = IMPORT_ERROR_MESSAGES[code].example;
    const text = messageIn({ code, params: params as never, message: renderMessage(code, params as never) }, 'zh');
    // The boundary check's words and a flag with its value as typed are no sentence of ours.
    return (typeof params.problem === 'string' ? text.replace(params.problem, '') : text).replace(/--[\w-]+ [\w=.,-]+/g, '');
  }), 'import refusals');
});
