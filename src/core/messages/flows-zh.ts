/**
 * The stored flows' definitions as talentflow's estimators write them (src/store/estimate-
 * birthplace-flows.ts, estimate-census-flows.ts) in Chinese: data texts, stored in the workspace
 * in English when the flows were estimated, so they carry no code. The CLI (`measures --lang zh`,
 * through a measure's `flowsZh`) and the page (web/src/i18n/server-text.ts) both say them with
 * this one table; any other text is the data's own and stays as written.
 */
interface Entry {
  readonly en: RegExp;
  readonly zh: (m: readonly string[]) => string;
}

/** The birthplace estimate's definition in Chinese, also its coded form's (stocks-assumptions-zh.ts: stocks.birthplace.definition). */
export const birthplaceDefinitionZh = (period: string, stayers: boolean): string =>
  `${period} 年的流动，由两次人口普查出生地表估计（Abel 2013 方法，migest ffs_demo；${stayers ? '留居者最大化：接近最少迁移' : '距离先验'}），单位：人`;

/** The census-residual estimate's, also its coded form's (census.definition). */
export const residualDefinitionZh = (period: string, minimum: boolean): string =>
  `${period} 年的流动，仅由人口普查的人口变化估计（净迁移 = 人口变化减去假定的自然增长；${minimum ? '最少总迁移量' : '假定的总迁移率'}按引力先验分配），单位：人`;

const ESTIMATES: readonly Entry[] = [
  {
    en: /flows (\S+) estimated from two census birthplace tables \(Abel 2013, migest ffs_demo(, stayers maximised: close to minimum migration|, distance prior)\), in persons/g,
    zh: (m) => birthplaceDefinitionZh(m[1], m[2].includes('stayers')),
  },
  {
    en: /flows (\S+) estimated from census population change alone \(net migration = population change less assumed natural change; (minimum gross migration|an assumed gross migration rate) spread on a gravity prior\), in persons/g,
    zh: (m) => residualDefinitionZh(m[1], m[2].startsWith('minimum')),
  },
  // The short form the demo stores as the city estimate's definition (no gross rate named).
  {
    en: /flows (\S+) estimated from census population change alone \(net migration = population change less assumed natural change\)?/g,
    zh: (m) => `${m[1]} 年的流动，仅由人口普查的人口变化估计（净迁移 = 人口变化减去假定的自然增长）`,
  },
  { en: /^no stored flows ?(.*)$/g, zh: (m) => `没有存储的流动${m[1] ? `（${m[1]}）` : ''}` },
  // store/queries/flow-provenance.ts's English: the sources (or files) of observed flows, which may
  // hold brackets of their own ("Dennett (2012)"): up to the bracket that ends the part.
  { en: /observed flows(?: (\S+))? \((.*?)\)(?=; |$)/g, zh: (m) => `${m[1] ? `${m[1]} 年` : ''}观测到的流动（${m[2]}）` },
];

/** Each estimator's sentence in `text` replaced by its Chinese wherever it stands (several are joined by "; "); the rest as written. */
export function flowsZh(text: string): string {
  return ESTIMATES.reduce((out, e) => out.replace(e.en, (...m: string[]) => e.zh(m)), text);
}
