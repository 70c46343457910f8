/** Which browser prints a PDF report, and what the user is told when there is none. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../core/errors.ts';
import { findChromium } from './pdf.ts';

test('a browser path that does not exist is a user error naming it', () => {
  assert.throws(() => findChromium('/nowhere/chromium'), (e: unknown) => e instanceof SpecError && /no browser at \/nowhere\/chromium/.test((e as Error).message));
});

test('with no browser installed the error says how to get one and offers the HTML page instead', () => {
  assert.throws(() => findChromium(undefined, ['/nowhere/a', '/nowhere/b']), (e: unknown) => e instanceof SpecError
    && /none was found/.test((e as Error).message) && /CHROMIUM_PATH/.test((e as Error).message) && /--format html/.test((e as Error).message));
});

test('the first installed candidate is used', () => {
  assert.equal(findChromium(undefined, ['/nowhere/a', process.execPath]), process.execPath);
});
