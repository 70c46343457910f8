// The rows a gravity fit refuses (fit-data.ts: a missing value with na 'error', a repeated key
// without --sum-duplicates, repeated rows that differ): the English the library wrote before codes,
// word for word, carried with its code through the file's re-addressing (src/app/fit), and in
// Chinese as `talentflow fit gravity --flows FILE --lang zh` prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { InputError } from '../errors.ts';
import { inFile } from '../../app/fit/gravity-dimensions.ts';
import { dropMissing } from '../../models/gravity/missing.ts';
import { resolveDuplicates } from '../../models/gravity/duplicates.ts';
import type { GravityData } from '../../models/gravity/types.ts';
import { messageIn } from './zh.ts';

const data: GravityData = {
  regions: ['R0', 'R1'], origin: Uint32Array.of(0, 1, 0), destination: Uint32Array.of(1, 0, 1), flow: Float64Array.of(5, 3, 2), cost: Float64Array.of(1, 1, 2),
  period: Uint32Array.of(0, 0, 0), periods: ['2020'], rowNumbers: 2,
};

/** The error `f` throws, checked to be a coded InputError. */
function caught(f: () => unknown): InputError & { text: NonNullable<InputError['text']> } {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError && e.text, `a coded InputError: ${String(e)}`);
    return e as InputError & { text: NonNullable<InputError['text']> };
  }
  assert.fail('nothing thrown');
}

const zh = (e: InputError & { text: NonNullable<InputError['text']> }) => messageIn({ ...e.text, message: e.reason }, 'zh');

test('a missing value with na error: the English as before, with its code; the file column named in both languages', () => {
  const e = caught(() => dropMissing([{ name: 'flow', kind: 'number', values: Float64Array.of(1, NaN) }], new Uint8Array([1, 1]), 'error', (r) => r + 2));
  assert.equal(e.message, "row 3, column \"flow\": flow is missing (an empty or NA cell); na 'drop' (CLI: --na drop, the default) leaves such rows out");
  assert.equal(e.text.code, 'fitdata.missing');
  const f = inFile(e, 'na.csv', { flow: 'migrants' }) as InputError & { text: NonNullable<InputError['text']> };
  assert.equal(f.message, "na.csv, row 3, column \"migrants\": migrants is missing (an empty or NA cell); na 'drop' (CLI: --na drop, the default) leaves such rows out");
  assert.equal(f.text.code, 'fitdata.missing');
  assert.equal(zh(f), 'migrants 有缺失值（空单元格或 NA）；缺失值处理设为“drop”（命令行 --na=drop，默认）时会略去这些行');
  assertChinese([zh(f)], 'missing value');
});

test('a repeated key: refused, or rows that differ cannot be summed; the English as before, in Chinese too', () => {
  const d = caught(() => resolveDuplicates(data, new Uint8Array([1, 1, 1]), 'error', []));
  assert.equal(d.message, "row 4: rows 2 and 4 are the same observation (same origin, destination, period: R0 / R1 / 2020); sum them (duplicates: 'sum', CLI --sum-duplicates) or add the column that tells them apart as a fixed effect");
  assert.equal(zh(d), "第 2 行和第 4 行是同一观测（迁出地、迁入地、时期相同：R0 / R1 / 2020）；请把它们相加（duplicates: 'sum'，命令行 --sum-duplicates），或把区分它们的列作为固定效应加入");
  const s = caught(() => resolveDuplicates(data, new Uint8Array([1, 1, 1]), 'sum', [{ name: 'cost', values: data.cost }]));
  assert.equal(s.message, 'row 4, column "cost": rows 2 and 4 have the same key (R0 / R1 / 2020) but cost 1 and 2: they cannot be summed into one row');
  assertChinese([zh(d), zh(s)], 'duplicates');
});
