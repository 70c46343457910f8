import type { CHOICE_FIT_MESSAGES } from './choice-fit.ts';
import { CHOICE_MESSAGES_ZH, DEGREE_ZH, PERSON_ATTRIBUTE_ZH, inSentence } from './choice-zh.ts';
import { LEVEL_ZH, levelZh as level } from './level-zh.ts';
import type { CodedParam, MessageFormat, MessageParams } from './message.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for the errors of a destination-choice fit (choice-fit.ts), as the Models tab and
 * `talentflow fit choice --lang zh` say them. Spec fields and flags stay as typed.
 */
const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');
/** "市级地区" for a known level; one the workspace does not know stays as typed ("“district”层级的地区"). */
const regionsAt = (l: string) => (Object.hasOwn(LEVEL_ZH, l) ? `${LEVEL_ZH[l]}地区` : `“${l}”层级的地区`);

type Template = (p: MessageParams, f: MessageFormat) => string;

/** A quoted message of the choice catalogue in Chinese (a left-out reason, one rule's count), else its English. */
function quotedZh(q: CodedParam, english: string, f: MessageFormat): string {
  const all = { ...CHOICE_MESSAGES_ZH, ...PARTS } as unknown as Record<string, Template | undefined>;
  const zh = Object.hasOwn(all, q.code) ? all[q.code] : undefined;
  try {
    return zh ? zh(q.params, f) : english;
  } catch {
    return english;
  }
}

const personsZh = (persons: number | null, k: number, f: MessageFormat) => (persons === null ? `少于 ${k} 人` : `${f.number(persons)} 人`);

/** The rules and counts that choicefit.missingPlaces and choicefit.allLeftOut gather. */
const PARTS: ZhOf<Pick<typeof CHOICE_FIT_MESSAGES, 'choicefit.missingPlace' | 'choicefit.leftOutCount'>> = {
  'choicefit.missingPlace': (p, f) => `${quotedZh(p.rule, p.problem, f)}：${personsZh(p.persons, p.k, f)}（${p.years.join('、')} 届）${p.example !== null ? `，例如个人 ${p.example}` : ''}`,
  'choicefit.leftOutCount': (p, f) => `${quotedZh(p.reason, p.problem, f)}：${personsZh(p.persons, p.k, f)}`,
};

export const CHOICE_FIT_MESSAGES_ZH: ZhOf<typeof CHOICE_FIT_MESSAGES> = {
  'choicefit.noGroups': (p) => `工作区中没有地区组 ${quoted(p.groups)}（请导入地区组，例如 data/china/groups.json）`,
  'choicefit.noTerm': () => '模型没有任何项：请给出 alternativeVars、personTerms 或 interactions',
  'choicefit.sampledNests': () => '带 McFadden 校正的抽样选择集只对条件 logit 模型一致（McFadden 1978）：嵌套模型请用完整选择集拟合',
  'choicefit.noPersons': (p) => `没有${p.universities.length ? `${p.universities.join('、')}的` : ''}${p.years.length ? ` ${p.years.join('、')} 年` : ''}毕业生个人记录（请用 talentflow import persons 导入）`,
  'choicefit.attributeGap': (p, f) => `${p.name}（${p.code}）：${p.indicator} 在 ${p.year} 年及更早年份都没有数值${p.more > 0 ? `（另有 ${f.number(p.more)} 个地区-年份）` : ''}；缺失值处理设为“listwise”时，这些地区不纳入当年的选择集`,
  'choicefit.noChoiceLeft': (p, f) => `${f.number(p.regions)} 个${level(p.level)}地区中只有 ${f.number(p.available)} 个在 ${p.year} 年或更早年份具备全部属性（没有地区有 ${p.indicator}）：无可选择`,
  'choicefit.noTransform': (p) => `${p.name}（${p.code}）：${p.indicator} 在 ${p.from} 年为 ${p.value}，无法取 ${p.transform}；请设定 transforms {"${p.indicator}": "log1p"} 或 "identity"`,
  'choicefit.singleCategory': (p) => `所选毕业生的${PERSON_ATTRIBUTE_ZH[p.attribute] ?? p.attribute}都是“${(p.attribute === 'degree' && DEGREE_ZH[p.category]) || p.category}”：无法估计${PERSON_ATTRIBUTE_ZH[p.attribute] ?? p.attribute} × ${p.target} 的交互项`,
  'choicefit.termTwice': (p) => `有一项出现了两次（${p.terms.join('、')}）`,
  'choicefit.holdoutAbsent': (p) => `所选毕业生中没有 ${p.absent.join('、')} 年毕业的（已有年份：${p.years.join('、')}）`,
  'choicefit.holdoutAll': () => '所有年份都被留作检验：没有可拟合的数据',
  'choicefit.moneyNotTerm': (p) => `“${p.term}”既不是备选项属性，也不是模型的项（模型的项：${p.terms.join('、')}）`,
  'choicefit.noCountry': () => '所选毕业生的去向都不在地区登记中的任何国家：请指定备选地区所在的地区',
  'choicefit.tooFewRegions': (p, f) => `${inSentence(f.place(p.area ?? { code: p.within })).trimStart()}内只有 ${f.number(p.count)} 个${regionsAt(p.level)}：选择至少需要两个（该地区内的层级：${p.levels.map(level).join('、') || '无'}）`,
  'choicefit.unknownIndicator': (p) => `工作区中没有名为 ${quoted(p.names)} 的指标（已有指标：${p.all.join('、') || '无，请先导入'}）`,
  'choicefit.nestEmpty': (p) => `“${p.member}”不包含任何${level(p.level)}备选地区`,
  'choicefit.noNest': () => '没有一个嵌套包含两个或更多备选项',

  'choicefit.nestTwice': (p) => `嵌套“${p.nest}”出现了两次`,
  'choicefit.nestOfOne': (p) => `嵌套“${p.nest}”至少需要两个备选项（只有一个备选项的嵌套没有可估计的参数）`,
  'choicefit.nestAlternativeUnknown': (p) => `数据中没有备选项 ${p.alternative}（已有备选项：${p.alternatives.join('、')}）`,
  'choicefit.inTwoNests': (p) => `备选项“${p.alternative}”同时属于两个嵌套`,
  'choicefit.nestNotIdentified': (p) => `嵌套“${p.nest}”从未在同一个案中有两个备选项同时可选，其参数无法识别`,

  'choicefit.tooFewClusters': (p, f) => `${p.university ? '按院校（所选毕业生的院校）聚类：' : p.column !== null ? `按 ${p.file} 的“${p.column}”列聚类：` : ''}`
    + `${f.number(p.clusters)} 个聚类对应 ${f.number(p.coefficients)} 个系数：由 G 个聚类得到的聚类稳健协方差矩阵的秩至多为 G − 1，G ≤ K（${p.clusters} ≤ ${p.coefficients}）时它是奇异的，标准误没有意义；`
    + `请不按聚类拟合（稳健标准误），或按分组多于 ${p.coefficients} 个的更细单位聚类（Cameron & Miller 2015）`,
  'choicefit.missingPlaces': (p, f) => `${p.terms.length ? `${p.terms.join('、')} ` : 'home-rest 嵌套'}需要每个人的地区，但部分记录无法给出：${p.rules.map((r, i) => quotedZh(r, p.parts[i] ?? '', f)).join('；')}；缺失值处理设为“listwise”时，这些人不纳入`,
  ...PARTS,
  'choicefit.allLeftOut': (p, f) => `所选毕业生全部未纳入（${p.reasons.map((r, i) => quotedZh(r, p.parts[i] ?? '', f)).join('；')}）`,
  'choicefit.cli.twoForms': () => '--persons 和 --data 是两种用法：请只给出其中一种',
  'choicefit.cli.otherForm': (p) => `${p.flags.join('、')} 只适用于${p.file ? ' --persons（工作区的毕业生记录），不适用于 --data' : ' --data FILE，不适用于工作区的毕业生记录'}${p.file && p.save ? '（用文件拟合的模型不会保存到工作区）' : ''}`,
  'choicefit.cli.needs': (p) => `--data 需要 ${p.flag}`,
  'choicefit.cli.noTerm': () => '模型没有任何项：请给出 --alternative-vars、--person-vars 或 --interactions',
};
