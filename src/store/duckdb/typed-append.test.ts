import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database } from './database.ts';
import { appendTypedRows } from './typed-append.ts';

test('typed columns and constants append as rows, in order, across chunks and inside a transaction that can roll back', async () => {
  const db = await Database.open(':memory:');
  try {
    await db.run('CREATE TABLE t (k INTEGER NOT NULL, a INTEGER NOT NULL, x DOUBLE NOT NULL, c INTEGER NOT NULL, y DOUBLE NOT NULL)');
    const rows = 5000; // three of DuckDB's 2,048-row chunks
    const a = Int32Array.from({ length: rows }, (_, i) => (i * 7919) % 1000 - 500);
    const x = Float64Array.from({ length: rows }, (_, i) => i / 3);
    await db.transaction(() => appendTypedRows(db.conn, 't', [{ constant: 7, type: 'INTEGER' }, a, x, { constant: -2, type: 'INTEGER' }, { constant: 0.25, type: 'DOUBLE' }], rows));
    const got = await db.all<{ k: number; a: number; x: number; c: number; y: number }>('SELECT * FROM t');
    assert.equal(got.length, rows);
    got.forEach((r, i) => {
      if (r.k !== 7 || r.a !== a[i] || r.x !== x[i] || r.c !== -2 || r.y !== 0.25) assert.fail(`row ${i}: ${JSON.stringify(r)}`);
    });
    // Rolled back with its transaction; a short column is refused before anything is appended.
    await assert.rejects(db.transaction(async () => {
      await appendTypedRows(db.conn, 't', [{ constant: 8, type: 'INTEGER' }, a, x, { constant: 0, type: 'INTEGER' }, x], rows);
      throw new Error('refused later');
    }), /refused later/);
    await assert.rejects(appendTypedRows(db.conn, 't', [{ constant: 9, type: 'INTEGER' }, a.subarray(0, 10), x, { constant: 0, type: 'INTEGER' }, x], rows), /column 1 has 10 values/);
    assert.deepEqual(await db.all('SELECT k, count(*)::INTEGER AS n FROM t GROUP BY k'), [{ k: 7, n: rows }]);
  } finally {
    db.close();
  }
});
