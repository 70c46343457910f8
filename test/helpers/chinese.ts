// What the 中文 page's texts are checked against: Chinese characters present, no English sentence.
import assert from 'node:assert/strict';

export const CJK = /[\u4e00-\u9fff]/;
/** Two Latin words in a row: an English sentence (an identifier such as disposable_income_pc is one word). */
export const LATIN_SENTENCE = /\b[A-Za-z][A-Za-z'’-]*\b[\s,;:.()]+\b[A-Za-z][A-Za-z'’-]*\b/;

/** Every text holds Chinese and no English sentence; at least one text is shown. */
export function assertChinese(texts: readonly string[], what: string): void {
  assert.ok(texts.length > 0, `${what}: none shown`);
  for (const text of texts) {
    assert.match(text, CJK, `${what}: ${text}`);
    assert.doesNotMatch(text, LATIN_SENTENCE, `${what}: English left in "${text}"`);
  }
}
