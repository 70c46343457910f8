// The dashboard's two dictionaries (web/src/i18n/en.ts, zh.ts): the same keys, the same
// {placeholders} in each pair, and no Chinese entry left in English (equal to the English text,
// or holding an English phrase) unless it is a name or a code listed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../web/src/i18n/en.ts';
import { zh } from '../../web/src/i18n/zh.ts';

/** Entries the same in both languages on purpose: the product's name, file formats, statistics' symbols. */
const SAME_IN_BOTH = new Set(['app.title', 'export.png', 'export.svg', 'export.csv', 'choice.rhoSquared', 'stat.aic', 'stat.bic', 'stat.srmse']);
/** Latin words a Chinese entry may hold: the product, commands, file formats, method names and codes (single letters are symbols: e^βd). */
const LATIN_OK = /^(talentflow|import|indicators|regions|flows|persons|models|demo|serve|file|csv|png|svg|pdf|html|json|xlsx|ppml|wtp|k|n|p|se|id|abel|migest|ffs|kosis|nbs|cn|kr|glm|aic|bic|logit|hc\d?|pp|vs)$/i;

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('English and Chinese have the same keys', () => {
  const missing = Object.keys(en).filter((k) => !(k in zh));
  const extra = Object.keys(zh).filter((k) => !(k in en));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
});

test('each pair has the same placeholders', () => {
  const differ = Object.keys(en).filter((k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(zh[k as keyof typeof zh] ?? '').join());
  assert.deepEqual(differ, []);
});

test('no Chinese entry is left in English', () => {
  const same = Object.keys(en).filter((k) => !SAME_IN_BOTH.has(k) && en[k as keyof typeof en] === zh[k as keyof typeof zh]);
  assert.deepEqual(same, [], 'entries whose Chinese text equals the English one');
  const english = Object.entries(zh).filter(([, v]) => {
    const words = (v.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]+/g) ?? []).filter((w) => w.length > 1 && !LATIN_OK.test(w));
    return words.length >= 2;
  }).map(([k, v]) => `${k}: ${v}`);
  assert.deepEqual(english, [], 'Chinese entries holding English words');
});

test('every unit the importer gives a standard indicator has a Chinese name (the Models tab showed 平均家庭户规模（persons per household）)', async () => {
  const { standardUnit } = await import('../../src/store/import/indicator-header.ts');
  const names = ['population', 'urban_population', 'share_age_15_59', 'household_size', 'sex_ratio'];
  for (const unit of names.map(standardUnit)) {
    if (unit === null || unit === 'percent') continue; // percent is written %
    assert.ok(`unit.${unit}` in zh, `no Chinese for the unit "${unit}"`);
  }
});
