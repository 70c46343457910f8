import { currencyWord } from '../currency.ts';
import { CHOICE_MESSAGES_ZH } from './choice-zh.ts';
import { indicatorZh } from './indicator-zh.ts';
import type { MessageFormat } from './message.ts';
import type { SCENARIO_MESSAGES } from './scenario.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a scenario's notes, assumptions and errors (scenario.ts), here rather than with the
 * dashboard's Chinese because `talentflow scenario run --lang zh` prints them too and may not
 * import the page.
 */
const places = (f: MessageFormat, ps: readonly { code: string }[], max?: number) => f.list(ps.map(f.place), max);

export const SCENARIO_MESSAGES_ZH: ZhOf<typeof SCENARIO_MESSAGES> = {
  'scenario.cohort.smallCellsLeftOut': (p, f) => `${f.number(p.count)} 个地区的毕业生记录少于 ${p.k} 条，未纳入队列（小单元规则，显示为 <${p.k}）：${places(f, p.regions, 12)}`,
  'scenario.cohort.smallCellsPooled': (p, f) => `${f.number(p.count)} 个地区的留下者或离开者少于 ${p.k} 人，采用其余地区合并的留存比例 ${f.number(p.share, 3)}（小单元规则，显示为 <${p.k}）：${places(f, p.regions, 12)}`,
  'scenario.cohort.smallCellsNoShare': (p, f) => `${f.number(p.count)} 个地区的留下者或离开者少于 ${p.k} 人，记录中没有它们的留存比例（小单元规则，显示为 <${p.k}）：${places(f, p.regions, 12)}`,
  'scenario.cohort.fromRecords': (p) => `队列规模：以某地区为去向的毕业生记录，按 ${p.years} 年的年均值`,
  'scenario.cohort.fromIndicator': (p, f) => `队列规模：${p.period} 年指标“${p.indicator}”${p.unit ? `（${p.unit}${p.personsPerUnit !== 1 ? ` = ${f.number(p.personsPerUnit)} 人` : ''}）` : ''} × ${p.rate}（假定比例）`,
  'scenario.payment.set': (p, f) => {
    const c = p.currency ? ` ${currencyWord(p.currency, 'zh')}` : '';
    const kind = p.changeType === 'relative' ? '相对' : '绝对';
    if (p.monthly === p.before) return `补贴每月 ${f.number(p.monthly)}${c}（每年 ${f.number(p.monthly * 12)}${c}），即文件本身的金额：${p.term} 的${kind}变化为 ${f.number(p.from)}`;
    return `补贴设为每月 ${f.number(p.monthly)}${c}（每年 ${f.number(p.monthly * 12)}${c}；文件原为每月 ${f.number(p.before)}${c}）：${p.term} 的${kind}变化按比例由 ${f.number(p.from)} 调整为 ${f.number(p.to)}`;
  },
  'scenario.model.offset': (p) => `模型“${p.model}”拟合时带有偏移项 ${p.offset}，情景模拟无法包含它：请去掉该偏移项重新拟合（起点的偏移项可以保留）`,
  'scenario.stay.assumed': (p) => `留存比例：各地区均为 ${p.share}（假定）`,
  'scenario.stay.modelOwn': () => '留存比例：选择模型自身的估计，未经校准',
  'scenario.stay.fromFlows': (p, f) => `留存比例由流动数据计算：1 − 迁出 / 人口，${p.period}（指标“${p.indicator}”${p.personsPerUnit !== 1 ? `，${p.unit} = ${f.number(p.personsPerUnit)} 人` : ''}；全年龄，一年），为估计值`,
  'scenario.stay.populationFound': (p) => `人口：按名称找到 ${p.period} 的指标“${p.indicator}”${p.unit ? `（${p.unit}）` : ''}${p.others.length ? `（另有：${p.others.join('、')}）` : ''}；如需使用其他指标请指定名称`,
  'scenario.lever.notMoney': (p) => `补贴通过 ${p.term}（${indicatorZh(p.indicator, p.unit)}）起作用，它既不是金额也不是收入：${p.kind === 'gravity' ? '引力' : '选择'}模型“${p.model}”回答的是${indicatorZh(p.indicator, null)}略有增加时的结果，`
    + '因此多留住的毕业生人数和每多留住一名毕业生的成本并不衡量补贴。'
    + (p.money.length ? `请改为通过模型的 ${p.money.join('、')} 发放补贴`
      : `该模型没有工资、收入或其他金额类变量（它有：${p.has.join('、') || '无'}）：请拟合一个把${p.available.length ? ` ${p.available.join('、')} 之一` : '工资或收入指标（工作区中没有：请用 talentflow import indicators 导入）'}列为${p.kind === 'gravity' ? '目的地' : '备选项'}变量的模型`),
  'scenario.lever.unitAssumedYearly': (p) => `指标“${p.indicator}”没有单位：按 ${p.term} 的相对变化计算补贴时，其数值被当作每年的金额（每月为其十二分之一），这是一项假定；`
    + '如果这些数值是每月的金额，变化就大了 12 倍。请在导入时给出单位（talentflow import indicators --unit，例如 元/月 或 元/年）',
  'scenario.model.destinationEffects': (p) => `${p.constraint === 'doubly' ? '双约束' : '吸引约束'}模型含目的地固定效应，只有其距离项和借用项可以改变`,
  'scenario.term.borrowed': (p) => `项 ${p.term}：系数 ${p.coefficient}（标准误 ${p.standardError}），借自 ${p.source}`,
  'scenario.synthetic.records': (p, f) => `合成数据：队列规模和留存比例来自 ${f.number(p.records)} 条合成毕业生记录（并非真实人员）`,
  'scenario.synthetic.model': (p) => `合成数据：选择模型 ${p.model} 是用合成毕业生记录拟合的`,
  'scenario.choice.outsideLeftOut': () => '毕业生在各地区之间选择：未纳入外部选项（未就业/继续深造）及其常数项，因此概率是“已选择某个地区”条件下选择各地区的概率',
  'scenario.choice.baselineAttributes': (p, f) => `基准属性：${CHOICE_MESSAGES_ZH['choice.note.nearestEarlier'](p, f)}`,
  'scenario.choice.noHomeRegion': (p, f) => `${f.number(p.records)} 条毕业生记录的生源地不在模型的地区之中，未纳入毕业生构成（模型的生源地项需要它）`,
  'scenario.choice.groups': (p, f) => `每个来源地的毕业生按生源地${p.attributes.length ? `、${p.attributes.join('、')}` : ''}分为 ${f.number(p.groups)} 组，来自 ${f.number(p.records)} 条以某地区为去向的记录（没有记录的来源地：生源地 = 就读地 = 来源地）`,

  'scenario.cohort.noRecords': () => '工作区没有以某地区为去向的毕业生记录',
  'scenario.targets.coversNone': (p, f) => `“${p.ref}”不包含模型 ${f.number(p.regions)} 个地区中的任何一个`,
  'scenario.targets.notModelRegion': (p) => `“${p.ref}”不是模型的地区之一`,
  'scenario.model.wrongKind': (p) => `模型“${p.model}”是 ${p.kind} 模型；情景需要引力模型或目的地选择模型`,
  'scenario.model.lacksVariables': (p) => `${p.kind === 'gravity' ? '引力' : '选择'}模型“${p.model}”缺少本情景需要的变量 ${p.missing.join('、')}（它有：${p.has.join('、') || '无'}）；请先拟合包含这些变量的模型：${p.command}`,
  'scenario.region.noCentroid': (p, f) => `地区 ${f.place(p.region)} 没有中心点，无法计算距离`,
  'scenario.indicator.missingValues': (p, f) => `指标“${p.indicator}”在 ${p.period} 缺少以下地区的数值：${places(f, p.regions, 5)}`,
  'scenario.stay.gravityNeedsShare': () => '引力模型本身没有“留下”这一选项：请给出留存比例（一个数、persons、flows 或 fixed）',
  'scenario.stay.noFlows': (p) => `${p.period} 没有存储模型地区之间的流动`,
  'scenario.stay.outOfRange': (p, f) => `${f.place(p.region)} 没有 [0, 1] 内的留存比例（${p.share}）；请给出默认值`,
  'scenario.term.notAttribute': (p) => `“${p.term}”不是模型的属性（模型有：${p.known.join('、') || '无'}）；若要使用其他来源的系数，请把它加入 baseline.borrowedTerms`,
  'scenario.change.nonPositive': (p) => `相对变化 ${p.value} 会使该属性不为正`,
  'scenario.term.allZero': (p) => `“${p.term}”在基准中所有地区都为 0，相对变化不起作用；请给出绝对变化`,
  'scenario.run.notStored': (p) => `没有已保存的情景运行 ${p.runs.join('、')}：见 GET /api/scenarios`,
};
