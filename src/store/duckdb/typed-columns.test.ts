import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database } from './database.ts';
import { queryTypedColumns } from './typed-columns.ts';

// 5,000 rows span three DuckDB chunks (2,048 rows each): the arrays are filled across them.
const SQL = 'SELECT i::UINTEGER, (i * 0.5)::DOUBLE FROM range(5000) t(i) ORDER BY i';

test('a streamed read gives the rows of a materialised one, whatever the expected count', async () => {
  const db = await Database.open(':memory:');
  try {
    const whole = await queryTypedColumns(db.conn, SQL);
    assert.equal(whole.rows, 5000);
    for (const expectedRows of [5000, 10, 9000, undefined]) {
      const s = await queryTypedColumns(db.conn, SQL, [], { stream: true, expectedRows });
      assert.equal(s.rows, 5000);
      assert.equal(s.columns[0].length, 5000, `expected ${expectedRows}`);
      assert.deepEqual([...s.columns[0]], [...whole.columns[0]]);
      assert.deepEqual([...s.columns[1]], [...whole.columns[1]]);
    }
  } finally {
    db.close();
  }
});
