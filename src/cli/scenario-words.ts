import type { CliLang } from './lang.ts';

/**
 * The words of `talentflow scenario run`'s summary in each --lang: the English as the command
 * has always printed it; the Chinese in the Scenario tab's terms (留住, 净流动, 领取人数). The
 * notes are the library's coded messages (core/messages/scenario.ts) and come in their own
 * language; the description and assumptions are the document's own text, in Chinese where the
 * document has it (description_zh, assumptions_zh), else as written.
 */
export interface ScenarioWords {
  title(scenario: string, model: string, version: string, draws: number, seed: number, seconds: string): string;
  amount(note: string): string;
  readonly legend: string;
  readonly year: string;
  readonly retainedBaseline: string;
  readonly retainedDelta: string;
  readonly netFlowDelta: string;
  readonly recipients: string;
  /** The cost's head, with its currency's word in brackets (or nothing). */
  cost(currency: string): string;
  retainedBy(year: number | undefined, all: string, own: string): string;
  totalCost(cost: string, personYears: string): string;
  costPerRetained(cost: string, withoutGain: number, draws: number): string;
  note(text: string): string;
  assumption(text: string): string;
  stored(id: number | string, scenario: string): string;
  /** A head of `scenario compare` or `scenario list`, given in English. */
  head(english: string): string;
  readonly compareLegend: string;
  /** An interval's end without a bound (a cost per graduate over draws that retain no one more). */
  readonly none: string;
  /** What --amount changed in one of the compared documents. */
  amountOf(scenario: string, note: string): string;
  /** The cells of a list's targets beyond the first three. */
  targets(names: readonly string[]): string;
}

/** `scenario compare`'s and `scenario list`'s heads in Chinese, by their English. */
const HEAD_ZH: Readonly<Record<string, string>> = {
  scenario: '情景', model: '模型', 'retained delta': '留住人数变化', 'total cost': '总成本', 'cost per retained': '每多留住一人的成本',
  run: '运行', 'a month': '每月', years: '年数', paid: '领取对象', targets: '目标地区', version: '版本', seed: '种子', draws: '抽样次数', at: '时间',
};

const ENGLISH: ScenarioWords = {
  title: (scenario, model, version, draws, seed, seconds) => `Scenario ${scenario}: model ${model} (version ${version}), ${draws} draws, seed ${seed}, ${seconds} s`,
  amount: (note) => `--amount: ${note}; the description and assumptions below were written for the document's own amount`,
  legend: 'Medians with 5-95% intervals over draws; "retained" = graduates living in the target regions.\n',
  year: 'year', retainedBaseline: 'retained (baseline)', retainedDelta: 'retained delta', netFlowDelta: 'net flow delta', recipients: 'recipients',
  cost: (currency) => `cost${currency ? ` (${currency})` : ''}`,
  retainedBy: (year, all, own) => `Additional graduates retained by ${year}: ${all} (own graduates: ${own})`,
  totalCost: (cost, personYears) => `Total cost: ${cost}; person-years paid: ${personYears}`,
  costPerRetained: (cost, withoutGain, draws) => `Cost per additional retained graduate: ${cost}${withoutGain ? ` (${withoutGain} of ${draws} draws with no gain: their cost per graduate is infinite, so an end shown n/a has no bound)` : ''}`,
  note: (text) => `note: ${text}`,
  assumption: (text) => `assumption: ${text}`,
  stored: (id, scenario) => `stored as run ${id} of scenario "${scenario}"`,
  head: (english) => english,
  compareLegend: 'Medians with 5-95% intervals over draws; n/a: no bound (draws that retain no one more cost infinitely much per graduate).',
  none: 'n/a',
  amountOf: (scenario, note) => `--amount (${scenario}): ${note}`,
  targets: (names) => (names.length > 3 ? `${names.slice(0, 3).join(', ')}, … (${names.length})` : names.join(', ')),
};

const CHINESE: ScenarioWords = {
  title: (scenario, model, version, draws, seed, seconds) => `情景 ${scenario}：模型 ${model}（版本 ${version}），${draws} 次抽样，种子 ${seed}，${seconds} 秒`,
  amount: (note) => `--amount：${note}；以下说明和假设是按文件本身的金额写的`,
  legend: '各次抽样的中位数及 5%–95% 区间；“留住”指居住在目标地区的毕业生。\n',
  year: '年份', retainedBaseline: '留住人数（基准）', retainedDelta: '留住人数变化', netFlowDelta: '净流动变化', recipients: '领取人数',
  cost: (currency) => `成本${currency ? `（${currency}）` : ''}`,
  retainedBy: (year, all, own) => `到 ${year} 年多留住的毕业生：${all}（本地院校毕业生：${own}）`,
  totalCost: (cost, personYears) => `总成本：${cost}；支付的人年：${personYears}`,
  costPerRetained: (cost, withoutGain, draws) => `每多留住一名毕业生的成本：${cost}${withoutGain ? `（${draws} 次抽样中有 ${withoutGain} 次没有增益：其每名毕业生成本为无穷大，因此显示为“无”的一端没有界限）` : ''}`,
  note: (text) => `说明：${text}`,
  assumption: (text) => `假设：${text}`,
  stored: (id, scenario) => `已保存为情景“${scenario}”的第 ${id} 次运行`,
  head: (english) => HEAD_ZH[english] ?? english,
  compareLegend: '各次抽样的中位数及 5%–95% 区间；无：没有界限（没有多留住任何人的抽样，其每名毕业生成本为无穷大）。',
  none: '无',
  amountOf: (scenario, note) => `--amount（${scenario}）：${note}`,
  targets: (names) => (names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 个` : names.join('、')),
};

export const scenarioWords = (lang: CliLang): ScenarioWords => (lang === 'zh' ? CHINESE : ENGLISH);
