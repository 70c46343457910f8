import type { MessageFormat, MessageParams } from './message.ts';
import { CONVERGENCE_MESSAGES_ZH } from './convergence-zh.ts';
import type { FIT_MESSAGES, OffsetParams } from './fit.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a gravity fit's notes and warnings (fit.ts), here rather than with the dashboard's
 * Chinese because `talentflow fit gravity --lang zh` prints them too and may not import the page.
 * Quoted codes stay quoted: the Models tab names the regions they are (warning-list.ts).
 */
const ROLE: Record<string, string> = { origin: '迁出地', destination: '迁入地', pair: '地区对', period: '时期' };
const NONE: Record<string, string> = { outflow: '迁出', inflow: '迁入', flow: '流动' };

type Template = (p: MessageParams, f: MessageFormat) => string;
const STOP_ZH = CONVERGENCE_MESSAGES_ZH as unknown as Readonly<Record<string, Template>>;

/** The stop reason in Chinese from its code, else (a result saved before it carried one) as written. */
function stopZh(p: { reason: string; stop?: { code: string; params: MessageParams } | null }, f: MessageFormat): string {
  const zh = p.stop && Object.hasOwn(STOP_ZH, p.stop.code) ? STOP_ZH[p.stop.code] : undefined;
  return zh && p.stop ? zh(p.stop.params, f) : p.reason;
}

/** An offset in Chinese (fit.offsetDefinition). */
function offsetZh(p: OffsetParams): string {
  const log = p.log ? '的对数' : '';
  const what = p.source === 'file' ? `${p.file} 的“${p.name}”列${log}`
    : p.source === 'distance' ? `质心之间的大圆距离（公里）${log}`
      : `流动所在时期（时期为区间时取其第一年）${ROLE[p.source]}的指标“${p.name}”${log}`;
  return `${what}，以系数 1 进入线性预测项`;
}

export const FIT_MESSAGES_ZH: ZhOf<typeof FIT_MESSAGES> = {
  'fit.dataFlows': (p, f) => `数据：${f.source(p.flowsZh ?? p.flows)}`,
  'fit.zeroFilled': (p, f) => `${f.number(p.pairs)} 对地区没有存储的流动，按零流动计入`,
  'fit.intraLeftOut': (p, f) => `${f.number(p.rows)} 行区域内部流动（迁出地 = 迁入地）未纳入；把 intra 设为 true（命令行 --intra，页面上勾选“包括地区内部迁移”）可保留`,
  'fit.missingLeftOut': (p, f) => `${f.number(p.rows)} 行含缺失值，未纳入（按列：${f.list(p.byColumn)}）`,
  'fit.duplicatesSummed': (p, f) => `${f.number(p.rows)} 行重复（迁出地、迁入地、时期和类别相同），已并入其键的第一行`,
  'fit.zeroFlows': (p, f) => `${f.number(p.rows)} 行中有 ${f.number(p.zeros)} 行流动为零；予以保留（泊松伪极大似然使用零流动，对数线性最小二乘则不能）`,
  'fit.emptyLevel': (p, f) => `${p.role === 'other' ? `${p.name} "${p.value}"` : `${ROLE[p.role] ?? p.role} "${p.value}"${p.period !== null ? `（时期 "${p.period}"）` : ''}`}没有${NONE[p.none] ?? p.none}：其 ${f.number(p.rows)} 行未纳入（其效应将为负无穷；R 的 glm 会给出一个极大的负系数）`,
  'fit.emptyLevelsMore': (p, f) => `……另有 ${f.number(p.more)} 个${ROLE[p.name] ?? p.name}水平没有${NONE[p.none] ?? p.none}（其行也未纳入）`,
  'fit.notConverged': (p, f) => `未收敛：${stopZh(p, f)}`,
  'fit.clusterNegative': (p) => `第 ${p.coefficient} 个系数的 ${p.ways} 维聚类方差为负（容斥公式不保证正定）；没有标准误（记为非数值）`,
  'fit.offsetDefinition': offsetZh,
  'fit.offsetNote': (p) => `偏移项 ${p.term}：${offsetZh(p)}`,
  'fit.savedAs': (p) => `模型已保存为“${p.name}”${p.workspace !== null ? `（${p.workspace}）` : ''}`,
  'fit.singleCluster': () => '某个聚类维度只有一个聚类：其聚类协方差无定义',
  'fit.flowsNeedsColumn': (p) => `--flows 需要 ${p.option} 列名`,
};
