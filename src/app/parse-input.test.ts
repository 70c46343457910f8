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
