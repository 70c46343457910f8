import { lang, t } from './index.ts';

/**
 * Chinese for the server's notes, warnings and definitions that the dashboard shows. The
 * library writes them in English, the same words the CLI and the JSON API give; like gettext,
 * the English text is the message id and this catalogue gives its Chinese form, parameters
 * captured from the text. A message not listed here shows as written (English), so a new
 * server message is never lost, only untranslated; the translation browser test
 * (test/browser/translation.test.ts) flags it.
 *
 * Text that comes from the data (a source or definition written at import) is the data's own
 * and is shown as stored: only the server's words around it are translated.
 */
interface Entry {
  readonly en: RegExp;
  readonly zh: (m: RegExpMatchArray) => string;
}

const CATALOGUE: readonly Entry[] = [
  // src/cli/commands/measures/run.ts: the measure's definition, naming the flows it is of.
  { en: /^net migration \(in-flows minus out-flows\) of (.+)$/s, zh: (m) => `净迁移（迁入减迁出），基于${flowsZh(m[1])}` },
  // The region panel's flow summary.
  { en: /^summary of (.+)$/s, zh: (m) => `汇总：${flowsZh(m[1])}` },
  // src/store/queries/model-data.ts and src/models/gravity/design.ts: a gravity fit's notes.
  { en: /^(\d+) pairs with no stored flow entered as zero flows$/, zh: (m) => `${m[1]} 对地区没有存储的流动，按零流动计入` },
  { en: /^(\d+) intra-regional rows \(origin = destination\) were left out; set intra: true to keep them$/, zh: (m) => `${m[1]} 行区域内部流动（迁出地 = 迁入地）未纳入；勾选“${t('models.intra')}”可保留` },
  // src/rank/missing.ts: regions an index leaves out.
  { en: /^(\d+) region\(s\) excluded for missing values: (.*)$/s, zh: (m) => `${m[1]} 个地区因缺少数值未参与排名：${m[2].replace(/, /g, '、').replace(/、\.\.\.$/, ' 等')}` },
  // src/cli/commands/rank/spec.ts: the documented example index.
  {
    en: /^demographic vitality of China's prefecture-level cities from the 2010 and 2020 censuses: .*; min-max, equal weights$/s,
    zh: () => '中国地级市人口活力（2010 与 2020 年人口普查）：2010–2020 年人口增长率（%）、2020 年 15–59 岁人口占比（%）、2020 年 65 岁及以上人口占比（%，越小越好）、2020 年人口对数；最小-最大归一化，等权',
  },
];

/**
 * The stored flows' definitions as the estimators write them (src/store/estimate-birthplace-
 * flows.ts, estimate-census-flows.ts, queries/flow-provenance.ts); anything else is the data's
 * own text and stays as written.
 */
const FLOWS: readonly Entry[] = [
  {
    en: /flows (\S+) estimated from two census birthplace tables \(Abel 2013, migest ffs_demo(, stayers maximised: close to minimum migration|, distance prior)\), in persons/g,
    zh: (m) => `${m[1]} 年的流动，由两次人口普查出生地表估计（Abel 2013 方法，migest ffs_demo；${m[2].includes('stayers') ? '留居者最大化：接近最少迁移' : '距离先验'}），单位：人`,
  },
  {
    en: /flows (\S+) estimated from census population change alone \(net migration = population change less assumed natural change; (minimum gross migration|an assumed gross migration rate) spread on a gravity prior\), in persons/g,
    zh: (m) => `${m[1]} 年的流动，仅由人口普查的人口变化估计（净迁移 = 人口变化减去假定的自然增长；${m[2].startsWith('minimum') ? '最少总迁移量' : '假定的总迁移率'}按引力先验分配），单位：人`,
  },
  // The short form the demo stores as the city estimate's definition (no gross rate named).
  {
    en: /flows (\S+) estimated from census population change alone \(net migration = population change less assumed natural change\)?/g,
    zh: (m) => `${m[1]} 年的流动，仅由人口普查的人口变化估计（净迁移 = 人口变化减去假定的自然增长）`,
  },
  { en: /^no stored flows ?(.*)$/g, zh: (m) => `没有存储的流动${m[1] ? `（${m[1]}）` : ''}` },
];

/** Each estimator's sentence replaced wherever it stands (several sources are joined by "; "). */
function flowsZh(text: string): string {
  return FLOWS.reduce((out, e) => out.replace(e.en, (...m: string[]) => e.zh(m as unknown as RegExpMatchArray)), text);
}

/**
 * A source text of the workspace (GET /api/cases): the estimators' own sentences in the page's
 * language, anything written at import as stored.
 */
export function sourceText(text: string): string {
  return lang() === 'zh' ? flowsZh(text) : text;
}

/** The server's message in the page's language (as written when no translation is known). */
export function serverText(message: string): string {
  if (lang() !== 'zh') return message;
  for (const e of CATALOGUE) {
    const m = message.match(e.en);
    if (m) return e.zh(m);
  }
  return message;
}
