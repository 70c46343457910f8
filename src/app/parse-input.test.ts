// An operation's input that fails its schema: zod's English after the field as before, coded
// input.invalid, so the CLI's --lang zh says the problem in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { SpecError } from '../core/errors.ts';
import { messageIn } from '../core/messages/zh.ts';
import { parseInput } from './parse-input.ts';

test('a value over its bound: the English as before, in Chinese from its code', () => {
  assert.throws(() => parseInput(z.object({ draws: z.number().int().max(1000) }), { draws: 5000 }), (e: unknown) => {
    assert.ok(e instanceof SpecError && e.text?.code === 'input.invalid', String(e));
    assert.equal(e.message, 'draws: Too big: expected number to be <=1000');
    assert.equal(messageIn({ ...e.text, message: e.message.slice('draws: '.length) }, 'zh'), '不能大于 1000');
    return true;
  });
});

test('a size bound says what it bounds, in English (zod\'s words) and in Chinese: a list\'s items, a text\'s characters, a number\'s or a date\'s value', () => {
  const said = (schema: z.ZodTypeAny, value: unknown): [string, string] => {
    try {
      parseInput(z.object({ x: schema }), { x: value });
    } catch (e) {
      assert.ok(e instanceof SpecError && e.text, String(e));
      const english = e.message.slice('x: '.length);
      return [english, messageIn({ ...e.text, message: english }, 'zh')];
    }
    throw new Error('no error');
  };
  const cases: [z.ZodTypeAny, unknown, string, string][] = [
    [z.array(z.string()).max(20), Array(21).fill('a'), 'Too big: expected array to have <=20 items', '最多 20 项'],
    [z.array(z.string()).min(2), ['a'], 'Too small: expected array to have >=2 items', '至少 2 项'],
    [z.array(z.string()).length(2), ['a'], 'Too small: expected array to have exactly 2 items', '应为 2 项'],
    [z.set(z.string()).max(1), new Set(['a', 'b']), 'Too big: expected set to have <=1 items', '最多 1 项'],
    [z.string().max(20), 'a'.repeat(21), 'Too big: expected string to have <=20 characters', '最多 20 个字符'],
    [z.string().min(1), '', 'Too small: expected string to have >=1 characters', '至少 1 个字符'],
    [z.number().max(20), 21, 'Too big: expected number to be <=20', '不能大于 20'],
    [z.number().min(0), -1, 'Too small: expected number to be >=0', '不能小于 0'],
    [z.number().lt(1), 1, 'Too big: expected number to be <1', '应小于 1'],
    [z.number().positive(), 0, 'Too small: expected number to be >0', '应大于 0'],
    [z.date().max(new Date('2020-01-01T00:00:00Z')), new Date('2021-01-01T00:00:00Z'), 'Too big: expected date to be <=1577836800000', '不能晚于 2020-01-01'],
    [z.date().min(new Date('2020-01-01T00:00:00Z')), new Date('2019-01-01T00:00:00Z'), 'Too small: expected date to be >=1577836800000', '不能早于 2020-01-01'],
  ];
  for (const [schema, value, english, zh] of cases) assert.deepEqual(said(schema, value), [english, zh]);
});

test('a bound coded before its origin was carried (a saved or older answer) reads as a number\'s inclusive bound, as it did', () => {
  const old = { code: 'input.invalid', message: 'Too big: expected number to be <=1000', params: { detail: 'Too big: expected number to be <=1000', issue: 'too_big', expected: '', limit: 1000, values: [], rule: null, value: null, more: [], others: 0 } };
  assert.equal(messageIn(old, 'zh'), '不能大于 1000');
});
