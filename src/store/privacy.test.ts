import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempWorkspace } from '../../test/helpers/workspace.ts';
import { privacyK, privacyKIsSet, setPrivacyK } from './privacy.ts';

test('privacy k: 10 until set; set and read back; below 3 refused (SpecError naming privacy_k), nothing written', async () => {
  const t = await tempWorkspace();
  try {
    assert.equal(await privacyK(t.ws), 10);
    assert.equal(await privacyKIsSet(t.ws), false);
    assert.deepEqual(await setPrivacyK(t.ws, 5), { k: 5, previous: 10 });
    assert.equal(await privacyK(t.ws), 5);
    assert.equal(await privacyKIsSet(t.ws), true);
    await assert.rejects(setPrivacyK(t.ws, 2), (e: Error & { code?: string; field?: string }) => e.code === 'SPEC' && e.field === 'privacy_k' && /at least 3/.test(e.message));
    await assert.rejects(setPrivacyK(t.ws, 7.5), /privacy_k/);
    assert.equal(await privacyK(t.ws), 5, 'a refused value leaves k as it was');
    // A value written around the store (by hand, in SQL) is checked when read: reports refuse to run on it.
    await t.ws.db.run("UPDATE meta SET value = '1' WHERE key = 'privacy_k'");
    await assert.rejects(privacyK(t.ws), /privacy_k: must be a whole number of persons, at least 3/);
  } finally {
    t.done();
  }
});
