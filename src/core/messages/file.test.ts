// The file readers' problems (file.ts): the English they wrote before codes, word for word, now
// with a code and parameters apart from the location; every code read in Chinese with no English
// sentence left but the file's own text and an engine's words, as `--lang zh` and the page say them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { InputError } from '../errors.ts';
import { detectEncoding, EncodingDetectionError } from '../../io/text/detect-encoding.ts';
import { GeoJsonError, readGeoJson } from '../../io/geo/read-geojson.ts';
import { checkXlsxZip, ZipLimitError } from '../../io/xlsx/zip-budget.ts';
import { readColumns } from '../../store/read-columns.ts';
import { resolveRoles } from '../../store/import/column-roles.ts';
import { FILE_MESSAGES } from './file.ts';
import { renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

let dir = '';
before(() => void (dir = mkdtempSync(join(tmpdir(), 'talentflow-file-messages-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

async function refused(name: string, content: string | null, numeric: string[]): Promise<InputError> {
  const path = join(dir, name);
  if (content !== null) writeFileSync(path, content);
  try {
    await readColumns(path, { text: ['orig'], numeric });
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  return assert.fail('read');
}

test('a bad number, a missing column, a missing file or role, an unknown encoding, a file that is no workbook and a document that is no GeoJSON keep their English, coded', async () => {
  const bad = await refused('bad.csv', 'orig,migrants\n210100,12\n210200,abc\n210300,xyz\n', ['migrants']);
  assert.equal(bad.message.slice(bad.message.indexOf(', row')), ', row 3, column "migrants": "abc" is not a number');
  assert.deepEqual(bad.text, { code: 'file.notA', params: { value: 'abc', what: 'a number' } });
  assert.equal(messageIn({ ...bad.text!, message: bad.reason }, 'zh'), '“abc”不是数字');
  // The next bad cells: listed in English as before, and coded.
  assert.deepEqual(bad.more, ['row 4: "xyz" is not a number']);
  assert.deepEqual(bad.moreCoded.map((m) => [m.row, messageIn(m.text, 'zh')]), [[4, '“xyz”不是数字']]);
  // Rows DuckDB's reader refuses: the first with its text, each further row once (DuckDB rejects a
  // row once per column it lacks), coded by its problem, so it reads in Chinese too.
  const rows = await refused('rows.csv', 'orig,migrants,km\n210100,12,3\n210200,7\n210300,4,5,6\n210400,1\n', ['migrants']);
  assert.equal(rows.reason, 'expected number of columns: 3 found: 2 (the file may be cut off mid-row): "210200,7"');
  assert.equal(messageIn({ ...rows.text!, message: rows.reason }, 'zh'), '列数不足（应有 3 列，实有 2 列；文件可能在行中被截断）：“210200,7”');
  assert.deepEqual(rows.more, ['row 4: Expected Number of Columns: 3 Found: 4', 'row 5: Expected Number of Columns: 3 Found: 2']);
  assert.deepEqual(rows.moreCoded.map((m) => [m.row, messageIn(m.text, 'zh')]),
    [[4, '列数过多（应有 3 列，实有 4 列；值中是否有未加引号的分隔符？）'], [5, '列数不足（应有 3 列，实有 2 列；文件可能在行中被截断）']]);
  const column = await refused('column.csv', 'orig,flow\n210100,12\n', ['migrants']);
  assert.equal(column.reason, 'no column "migrants": the file has "orig", "flow"');
  assert.equal(column.text?.code, 'file.noColumn');
  assert.equal((await refused('none.csv', null, [])).reason, 'file not found');
  assert.throws(() => detectEncoding(new Uint8Array(0), 'klingon'), (e: unknown) => {
    assert.ok(e instanceof EncodingDetectionError && e.text.code === 'file.unknownEncoding');
    assert.equal(e.message, 'unknown encoding "klingon" (try utf-8, gb18030, gbk, big5, utf-16le)');
    return true;
  });
  assert.throws(() => resolveRoles(['orgin', 'dest'], { required: ['origin', 'destination', 'count'], optional: [] }, new Map(), 'f.csv'), (e: unknown) => {
    assert.ok(e instanceof InputError && e.text?.code === 'file.missingRole', String(e));
    assert.equal(e.reason, 'missing origin, count columns: found "orgin", "dest"; a origin column is recognised by names such as origin, orig, from, source, o, origin_name; is "orgin" misspelt? name it with --map origin=COLUMN');
    assert.match(messageIn({ ...e.text, message: e.reason }, 'zh'), /^缺少迁出地（origin）、人数（count）列：文件中的列为 “orgin”、“dest”；/);
    return true;
  });
  await assert.rejects(checkXlsxZip(Buffer.alloc(64, 0x20)), (e: unknown) => {
    assert.ok(e instanceof ZipLimitError && e.text.code === 'file.workbookArchive');
    assert.equal(e.message, 'not an .xlsx workbook (not a zip archive): an old .xls or a password-protected workbook must be saved again as .xlsx');
    assert.equal(messageIn(e.text, 'zh'), '不是 .xlsx 工作簿（不是 zip 压缩包）：旧版 .xls 或有密码保护的工作簿需要重新另存为 .xlsx');
    return true;
  });
  writeFileSync(join(dir, 'list.geojson'), '[1, 2]');
  await assert.rejects(readGeoJson(join(dir, 'list.geojson')), (e: unknown) => {
    assert.ok(e instanceof GeoJsonError && e.text.code === 'file.notGeoJson');
    assert.equal(e.message, 'expected a GeoJSON FeatureCollection or Feature');
    return true;
  });
});

test('every file problem reads in Chinese, with no English sentence left but the file\'s text and an engine\'s words', () => {
  const codes = Object.keys(FILE_MESSAGES) as (MessageCode & keyof typeof FILE_MESSAGES)[];
  assertChinese(codes.map((code) => {
    const params: Record<string, unknown> = FILE_MESSAGES[code].example;
    const zh = messageIn({ code, params: params as never, message: renderMessage(code, params as never) }, 'zh');
    // Text quoted from the file or from DuckDB or exceljs, and a flag with its value as typed, are no sentence of ours.
    return ['detail', 'header', 'line', 'formula'].reduce((t, k) => (typeof params[k] === 'string' ? t.replace(params[k] as string, '') : t), zh).replace(/--\w+ [\w=.-]+/g, '');
  }), 'file problems');
});
