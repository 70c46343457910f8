import { isLogged, type CHOICE_MESSAGES, type WtpParams } from './choice.ts';
import { indicatorZh, unitZh } from './indicator-zh.ts';
import { levelZh as level } from './level-zh.ts';
import type { MessageFormat } from './message.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a destination-choice model's definition, the notes on its choice set and how its
 * willingness to pay reads (choice.ts; its warnings are choice-warn-zh.ts), here rather than with
 * the dashboard's Chinese because `talentflow fit choice --lang zh` prints them too. Indicators
 * and units by their Chinese names (indicator-zh.ts, which the page's labels read as well), the
 * demo's universities by the front-end's `f.university`.
 */

/** How an attribute enters the utility (src/store/choice/spec.ts transforms). */
const TRANSFORM: Record<string, string> = { log: '取对数', log1p: '取 log(1 + x)', tenths: '除以 10（数据以十分之一单位存储）', identity: '取原值' };
const transformZh = (t: string) => TRANSFORM[t] ?? t;

/** Person attributes of interactions, and the degrees, as the CLI and the Models tab name them. */
export const PERSON_ATTRIBUTE_ZH: Readonly<Record<string, string>> = { degree: '学历', major: '专业', university: '院校' };
export const DEGREE_ZH: Readonly<Record<string, string>> = { bachelor: '本科', master: '硕士', doctor: '博士', junior_college: '专科' };
/**
 * The synthetic cohort's majors (src/sim/synthetic/options.ts) by the Ministry of Education's
 * discipline categories (学科门类); humanities stands for several of them. Other majors, a
 * workspace's own, are shown as stored.
 */
export const MAJOR_ZH: Readonly<Record<string, string>> = { engineering: '工学', science: '理学', management: '管理学', economics: '经济学', humanities: '人文学科', arts: '艺术学' };

/** One category of a person attribute in Chinese where it can be named, else as stored. */
export const categoryZh = (attribute: string, c: string, f: Pick<MessageFormat, 'university'>): string =>
  (attribute === 'degree' ? DEGREE_ZH[c] ?? c : attribute === 'major' ? MAJOR_ZH[c] ?? c : attribute === 'university' ? f.university?.(c) ?? c : c);

/** An area's name inside a Chinese sentence: a name in Latin letters (a group without a Chinese name) set apart by spaces. */
export const inSentence = (name: string): string => (/[\u4e00-\u9fff]/.test(name) ? name : ` ${name} `);

/** A person's home or study region (the choice set's left-out reasons). */
const placeZh = (which: string) => (which === 'home' ? '家乡地区' : which === 'study' ? '就读地区' : `${which} 地区`);

function wtpZh(p: WtpParams): string {
  const what = p.indicator !== null ? indicatorZh(p.indicator, p.indicatorUnit) : p.term;
  const how = isLogged(p.transform) ? `，在各备选地区的均值（${p.mean}）处计算，${transformZh(p.transform)}后进入效用` : `（× ${p.factor} 换算为${unitZh(p.unit)}）`;
  const base = p.baseOf ? `；为 ${p.baseOf} 交互项基准类别的数值（其他类别须把其交互系数加到货币系数上）` : '';
  return `每单位属性变化的价值（${unitZh(p.unit)}）：与之价值相当的${what}变化量${how}；${p.fromSpec ? '由设定指定' : '自动选作收入属性'}${base}`;
}

type Described = Pick<typeof CHOICE_MESSAGES, Exclude<keyof typeof CHOICE_MESSAGES, `choice.warn.${string}`>>;

export const CHOICE_MESSAGES_ZH: ZhOf<Described> = {
  'choice.definition': (p, f) => `${f.number(p.persons)} 名毕业生在 ${f.number(p.alternatives)} 个备选项（${inSentence(f.place(p.area ?? { code: p.within })).trimStart()}的${level(p.level)}地区${p.outside ? '，以及未就业/继续深造' : ''}）之间的去向选择，${p.nested ? '嵌套 logit 模型（完全信息极大似然）' : '条件 logit 模型'}，极大似然估计`,
  'choice.wtp.definition': (p) => wtpZh(p),

  'choice.note.alternativesCountry': (p, f) => `备选项：${inSentence(f.place(p.area ?? { code: p.within })).trimStart()}的${level(p.level)}地区，即${p.most ? '大多数' : ''}毕业生去向所在的国家`,
  'choice.note.nearestEarlier': (p, f) => `${indicatorZh(p.indicator, null)}：${f.number(p.regions)} 个地区 ${p.year} 年的数值取自 ${p.from} 年（最近的较早年份）`,
  'choice.note.listwise': (p, f) => `逐个删除：${f.list(p.regions.map(f.place))}因缺少属性未纳入 ${p.year} 年的选择集`,
  'choice.note.term': (p) => `${p.term}：${indicatorZh(p.indicator, p.unit)}，${transformZh(p.transform)}${p.byDefault ? '（默认）' : ''}`,
  'choice.note.distances': (p) => `距离：${level(p.level)}地区中心点之间的大圆距离（公里）÷ 100`,
  'choice.note.interaction': (p, f) => `${p.term} 与${PERSON_ATTRIBUTE_ZH[p.attribute] ?? p.attribute}的交互：${f.list(p.categories.map((c) => categoryZh(p.attribute, c, f)))}，对照${categoryZh(p.attribute, p.base, f)}（人数最多的类别）`,
  'choice.note.outside': () => '区外选项：未就业和继续深造合并为一个备选项“outside”，常数项为 asc_outside，其他项为 0',
  'choice.note.sampled': (p) => `抽样备选项：每人 ${p.size} 个（${p.method === 'importance' ? '重要性抽样，权重 = 实际选择数 + 0.5，McFadden 校正作为偏移项' : '均匀抽样'}），随机种子 ${p.seed}；每人一个个案`,
  'choice.note.wtp': (p) => `支付意愿：${wtpZh(p)}`,
  'choice.note.homeRest': () => '嵌套：本人家乡地区（标签“home”）单独一个嵌套，其余地区在嵌套“rest”中',

  'choice.leftOut.notEmployed': () => '未就业（区外选项：排除）',
  'choice.leftOut.furtherStudy': () => '继续深造（区外选项：排除）',
  'choice.leftOut.notAtLevel': (p) => `去向不是${level(p.level)}地区，也不在其中`,
  'choice.leftOut.outsideWithin': (p, f) => `去向在${inSentence(f.place(p.within))}之外`,
  'choice.leftOut.listwise': (p) => `去向不在 ${p.year} 年的选择集中（属性缺失；按列表删除）`,
  'choice.leftOut.noPlace': (p) => `未记录${placeZh(p.which)}`,
  'choice.leftOut.placeAboveLevel': (p) => `${placeZh(p.which)}只记录到${level(p.level)}以上`,
  'choice.leftOut.placeUnknown': (p) => `${placeZh(p.which)}不在地区登记中`,
  'choice.leftOut.placeNoCentroid': (p) => `${placeZh(p.which)}没有中心点`,
};
