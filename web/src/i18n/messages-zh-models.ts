import type { MessageCode } from '../../../src/core/messages/index.ts';
import { isLogged, type WtpParams } from '../../../src/core/messages/choice.ts';
import { MONEY_UNIT_ZH } from '../../../src/core/messages/stat-zh.ts';
import { LEVEL, universityZh } from './messages-zh-analysis.ts';
import type { Templates } from './messages-zh.ts';
import { zh } from './zh.ts';

/**
 * Chinese for the catalogue's model messages (src/core/messages choice.ts, gravity.ts): a
 * destination-choice model's definition, notes on its choice set, willingness to pay (its
 * warnings are the library's Chinese, choice-warn-zh.ts); a gravity fit's errors on the workspace's data, its specification and terms the data
 * cannot identify. Indicators are named by the page's Chinese label where it has one (the id
 * otherwise), units in Chinese where the page knows them. Part of ZH_MESSAGES (messages-zh.ts),
 * which checks that every code has its template. Pure: reads the page's string table only.
 */
const table = zh as Readonly<Record<string, string>>;
const level = (l: string) => LEVEL[l] ?? l;

/** Units of willingness to pay (core/messages/stat-zh.ts) and the page's indicator units. */
export const unitZh = (u: string): string => (u === 'percent' ? '%' : MONEY_UNIT_ZH[u] ?? table[`unit.${u}`] ?? u);
export const indicatorZh = (name: string, unit: string | null) => `${table[`indicator.${name}`] ?? name}${unit ? `（${unitZh(unit)}）` : ''}`;

/** How an attribute enters the utility (src/store/choice/spec.ts transforms). */
const TRANSFORM: Record<string, string> = { log: '取对数', log1p: '取 log(1 + x)', tenths: '除以 10（数据以十分之一单位存储）', identity: '取原值' };
const transformZh = (t: string) => TRANSFORM[t] ?? t;
/** Person attributes of interactions and the categories the page can name. */
const ATTRIBUTE: Record<string, string> = { degree: '学历', major: '专业', university: '院校' };
const DEGREE: Record<string, string> = { bachelor: '本科', master: '硕士', doctor: '博士', junior_college: '专科' };
const category = (attribute: string, c: string) => (attribute === 'degree' ? DEGREE[c] ?? c : attribute === 'university' ? universityZh(c) : c);
/** A person attribute and one of its categories in Chinese (学历：博士), as the Models tab names interaction terms. */
export const personCategoryZh = (attribute: string, c: string): string => `${ATTRIBUTE[attribute] ?? attribute}：${category(attribute, c)}`;

/** The ends of a flow and the fixed-effect dimensions (origin^period: 迁出地×时期). */
const ROLE: Record<string, string> = { origin: '迁出地', destination: '迁入地', pair: '地区对', period: '时期' };
const dimension = (d: string) => d.split('^').map((a) => ROLE[a] ?? a).join('×');
const roleZh = (p: { role: string; offset: boolean }) => `${ROLE[p.role] ?? p.role}${p.offset ? '的偏移项' : '属性'}`;
const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');

function wtpZh(p: WtpParams): string {
  const what = p.indicator !== null ? indicatorZh(p.indicator, p.indicatorUnit) : p.term;
  const how = isLogged(p.transform) ? `，在各备选地区的均值（${p.mean}）处计算，${transformZh(p.transform)}后进入效用` : `（× ${p.factor} 换算为${unitZh(p.unit)}）`;
  const base = p.baseOf ? `；为 ${p.baseOf} 交互项基准类别的数值（其他类别须把其交互系数加到货币系数上）` : '';
  return `每单位属性变化的价值（${unitZh(p.unit)}）：与之价值相当的${what}变化量${how}；${p.fromSpec ? '由设定指定' : '自动选作收入属性'}${base}`;
}

/** The codes whose Chinese is here. */
export type ModelCode = Exclude<Extract<MessageCode, `choice.${string}` | `gravity.${string}`>, `choice.warn.${string}` | `gravity.data.${string}`>;

export const ZH_MODELS: Pick<Templates, ModelCode> = {
  'choice.definition': (p, f) => `${f.number(p.persons)} 名毕业生在 ${f.number(p.alternatives)} 个备选项（${f.place({ code: p.within })}的${level(p.level)}地区${p.outside ? '，以及未就业/继续深造' : ''}）之间的去向选择，${p.nested ? '嵌套 logit 模型（完全信息极大似然）' : '条件 logit 模型'}，极大似然估计`,
  'choice.wtp.definition': (p) => wtpZh(p),

  'choice.note.alternativesCountry': (p, f) => `备选项：${f.place({ code: p.within })}的${level(p.level)}地区，即${p.most ? '大多数' : ''}毕业生去向所在的国家`,
  'choice.note.nearestEarlier': (p, f) => `${indicatorZh(p.indicator, null)}：${f.number(p.regions)} 个地区 ${p.year} 年的数值取自 ${p.from} 年（最近的较早年份）`,
  'choice.note.listwise': (p, f) => `逐个删除：${f.list(p.regions.map(f.place))}因缺少属性未纳入 ${p.year} 年的选择集`,
  'choice.note.term': (p) => `${p.term}：${indicatorZh(p.indicator, p.unit)}，${transformZh(p.transform)}${p.byDefault ? '（默认）' : ''}`,
  'choice.note.distances': (p) => `距离：${level(p.level)}地区中心点之间的大圆距离（公里）÷ 100`,
  'choice.note.interaction': (p, f) => `${p.term} 与${ATTRIBUTE[p.attribute] ?? p.attribute}的交互：${f.list(p.categories.map((c) => category(p.attribute, c)))}，对照${category(p.attribute, p.base)}（人数最多的类别）`,
  'choice.note.outside': () => '区外选项：未就业和继续深造合并为一个备选项“outside”，常数项为 asc_outside，其他项为 0',
  'choice.note.sampled': (p) => `抽样备选项：每人 ${p.size} 个（${p.method === 'importance' ? '重要性抽样，权重 = 实际选择数 + 0.5，McFadden 校正作为偏移项' : '均匀抽样'}），随机种子 ${p.seed}；每人一个个案`,
  'choice.note.wtp': (p) => `支付意愿：${wtpZh(p)}`,
  'choice.note.homeRest': () => '嵌套：本人家乡地区（标签“home”）单独一个嵌套，其余地区在嵌套“rest”中',

  'gravity.input.noPeriods': () => '请选择要建模的流动时期（--period）',
  'gravity.input.noFlows': (p, f) => `工作区中没有${p.within ? `${f.place({ code: p.within })}内` : ''} ${p.period} 时期的流动`,
  'gravity.input.noCentroid': (p, f) => `以下地区没有中心点，无法计算距离：${f.list(p.regions.map(f.place))}`,
  'gravity.input.unknownIndicator': (p, f) => {
    const head = `未知指标“${indicatorZh(p.indicator, null)}”（${roleZh(p)}）：${p.within ? `${f.place({ code: p.within })}内的` : ''}地区在 ${p.periods.join('、')} `;
    const names = (xs: readonly string[]) => f.list(xs.map((x) => indicatorZh(x, null)), 30);
    if (p.inPeriods.length) return `${head}没有它的数值；这些时期已有的指标：${names(p.inPeriods)}`;
    return `${head}没有任何指标${p.otherPeriods.length ? `；其他时期的指标：${names(p.otherPeriods)}` : '（请先导入指标）'}`;
  },
  'gravity.input.indicatorMissing': (p, f) => `指标“${indicatorZh(p.indicator, null)}”（${roleZh(p)}）缺少以下地区的数值：${p.regions.map((r, i) => `${f.place(r)}（${p.periods[i]}）`).join('、')}${p.count > 5 ? ` 等 ${f.number(p.count)} 处` : ''}`,

  'gravity.spec.notObject': () => '模型设定必须是一个对象',
  'gravity.spec.notOneOf': (p) => `“${p.value}”不是可选值之一（${p.allowed.join('、')}）`,
  'gravity.spec.notEither': (p) => `“${p.value}”应为 ${p.allowed.join(' 或 ')}`,
  'gravity.spec.emptyName': () => '必须是非空的名称',
  'gravity.spec.termsNotArray': () => '必须是列名或 { column, transform } 的数组',
  'gravity.spec.termNoColumn': () => '缺少列名',
  'gravity.spec.badTransform': (p) => `变换“${p.value}”应为 log 或 identity`,
  'gravity.spec.unknownColumn': (p) => `数据中没有列“${p.column}”（协变量：${p.known.join('、') || '无'}）`,
  'gravity.spec.termTwice': (p) => `项“${p.term}”出现两次（或与成本变量同名）`,
  'gravity.spec.periodEffectsNeedPeriod': () => '时期固定效应需要时期数据（面板）',
  'gravity.spec.perPeriodNeeds': () => '需要时期数据（面板）和有约束的模型',
  'gravity.spec.notInUnitInterval': (p) => `${p.value} 不在 (0, 1) 内`,
  'gravity.spec.notPositiveInteger': (p) => `${p.value} 不是正整数`,
  'gravity.spec.clusterNotArray': () => '必须是维度名称的数组',
  'gravity.spec.clusterTooMany': (p) => `${p.count} 个维度：最多 4 个（多维聚类公式的项数随每增加一维而加倍）`,

  'gravity.collinearWithEffects': (p) => `项“${p.term}”与${p.effects.length ? `${p.effects.map(dimension).join('和')}固定效应` : '截距'}共线（在其中没有变化），其系数无法识别；请去掉该项或更换约束方式`,
  'gravity.collinear': (p) => `项“${p.term}”与${p.partners.length ? quoted(p.partners) : '前面的项'}共线（去除固定效应后），系数无法识别；请去掉其中一项`,
};
